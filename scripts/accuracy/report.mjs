// Renders the figures of an accuracy run (scripts/accuracy/run.mjs) as docs/accuracy.md.

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const two = (x) => x.toFixed(2);

/**
 * @param {{
 *   sentences: { splitter: string, exact: number, total: number, misses: { text: string, got: string[] }[] }[],
 *   entities: { system: string, corpus: string, gold: number, found: number, precision: number, recall: number,
 *     f1: number, kindCoverage: number, kindAccuracy: number, falseHits: string[], misses: string[],
 *     kindErrors: string[] }[],
 * }} results
 */
export function renderAccuracy(results) {
  const lines = [
    '# Accuracy',
    '',
    'How right Sourcebook is on text nobody on the project wrote. Every figure below comes from',
    '`npm run accuracy` (`scripts/accuracy/run.mjs`), which writes this page; `npm run bench` runs it',
    'too. compromise, the library a JavaScript user would reach for, is scored in the same run.',
    '',
    '## Sentence boundaries',
    '',
    'The 48 English "golden rules" of sentence boundary detection (Pragmatic Segmenter\'s set, as',
    "kept in pySBD's tests; Sadvilkar & Neumann, 2020), in `scripts/accuracy/golden-rules.json`.",
    'A rule counts only when every sentence of it is exactly right.',
    '',
    '| Splitter | Exactly right |',
    '|---|--:|',
    ...results.sentences.map((s) => `| ${s.splitter} | ${s.exact} / ${s.total} |`),
    '',
  ];
  const own = results.sentences.find((s) => s.splitter === 'sourcebook');
  if (own && own.misses.length > 0) {
    lines.push('Rules Sourcebook gets wrong:', '');
    for (const miss of own.misses) lines.push(`- \`${miss.text}\` → ${miss.got.map((s) => `\`${s}\``).join(' · ')}`);
    lines.push(
      '',
      'pySBD, the reference, fails the same one: telling "P.M." that ends a sentence from "a.m." that',
      'does not, before the same "Mr.", needs more than the words around it.',
      '',
    );
  }
  if (results.entities.length === 0) return `${lines.join('\n')}\n`;
  const [whole] = results.entities;
  lines.push(
    '## Entity discovery',
    '',
    `${results.entities[0].gold} mentions of people, organisations, places and other names (nationalities,`,
    'events, works, products) in 14 BBC News articles from all five sections, annotated by hand for',
    'this evaluation by the rule below. `scripts/accuracy/bbc-names.json` keeps only the names and',
    'their kinds; the text is read from the BBC corpus (`../shared/corpora/bbc`) at run time.',
    '',
    '**The rule.** Annotate every name of a specific person, organisation (companies, clubs and teams,',
    'parties, unions, government bodies, broadcasters), place (countries, regions, cities, venues,',
    'streets) or other named thing (nationalities and peoples, events, works, products, programmes),',
    'as written in the article, including short forms used for the same thing ("Redknapp", "Pompey",',
    '"Saints"). Not titles ("Speaker", "Prime Minister"), days, months, or generic capitalized words.',
    'Every occurrence of an annotated name, as a whole word and with its case, is a mention (the',
    'longest name wins where two overlap). A found mention is right when it overlaps an annotated one',
    '(partial match); an annotated mention is found when a found mention overlaps it. Kinds are',
    'scored on the found person, organisation and place mentions (a company counts as an organisation).',
    '',
    'Sourcebook discovers entities from a corpus, so it is scored twice: with the whole BBC corpus',
    'behind it (what a user with that corpus sees) and with only the 14 annotated articles as the',
    'corpus (little evidence, as on a small corpus of one\'s own). compromise and the plain "runs of',
    'capitalized words that do not open a sentence" read each sentence alone.',
    '',
    '| System | Corpus | Found | Precision | Recall | F1 | Given a kind | Kind right |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
    ...results.entities.map(
      (e) =>
        `| ${e.system} | ${e.corpus} | ${e.found} | ${two(e.precision)} | ${two(e.recall)} | **${two(e.f1)}** | ${e.kindCoverage === 0 ? '—' : pct(e.kindCoverage)} | ${e.kindCoverage === 0 ? '—' : pct(e.kindAccuracy)} |`,
    ),
    '',
    '**Caveats.** 14 articles are a small sample, and the discovery rules were developed while this',
    'sample was being scored, so it flatters them: read the figures as the order of magnitude. The',
    'held-out scoring the project keeps (a public news NER set) is the one that counts; see the',
    'categories in `src/core/entities/discoveryAccept.ts` and `discoveryKinds.ts` for what is general.',
    '',
    'What Sourcebook misses on the whole corpus (first 40):',
    '',
    `> ${[...new Set(whole.misses)].join(' · ')}`,
    '',
    'Kinds it gets wrong or leaves out (first 40):',
    '',
    `> ${[...new Set(whole.kindErrors)].join(' · ')}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}
