// Scores entity discovery on BBC articles annotated by hand (bbc-names.json,
// the rule in docs/accuracy.md): the names are kept, never the text, which is
// read from the BBC corpus at run time. Partial match: a found mention is
// right when it overlaps an annotated one; an annotated one is found when a
// found mention overlaps it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleSentences, type Corpus } from '../../src/core/corpus';
import { entityIndexFor } from '../../src/core/entities';
import type { Article } from '../../src/core/model';
import { emptyCorpus, listArticleFiles, loadFile } from '../../src/node/corpusFiles';

type GoldKind = 'person' | 'organization' | 'place' | 'other';
interface Annotated {
  readonly file: string;
  readonly names: readonly { readonly name: string; readonly kind: GoldKind }[];
}
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}
/** A system under test: the mentions it finds in one sentence, with the kind it gives each. */
export type Recognizer = (sentence: string) => Span[];

export interface NerScore {
  readonly system: string;
  readonly corpus: string;
  readonly gold: number;
  readonly found: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Of annotated person/organisation/place mentions found: the share given a kind, and of those the share right. */
  readonly kindCoverage: number;
  readonly kindAccuracy: number;
  /** Up to 40 found mentions that overlap no annotated name, and annotated names not found. */
  readonly falseHits: string[];
  readonly misses: string[];
  /** Up to 40 found person/organisation/place mentions with no kind or the wrong one: "Chelsea: organization as place". */
  readonly kindErrors: string[];
}

const ANNOTATIONS = path.join(__dirname, '../../scripts/accuracy/bbc-names.json');

export function readAnnotations(): Annotated[] {
  return (JSON.parse(readFileSync(ANNOTATIONS, 'utf8')) as { articles: Annotated[] }).articles;
}

/** The corpus of the BBC folder: every article, or only the annotated ones. */
export function bbcCorpus(root: string, only?: ReadonlySet<string>): Corpus {
  const folders = [{ root }];
  const corpus = emptyCorpus(folders);
  for (const file of listArticleFiles(folders)) if (!only || only.has(file.relativePath)) loadFile(corpus, file);
  return corpus;
}

/** Every annotated mention in a sentence: each name wherever it stands as a whole word, longest first. */
function goldSpans(text: string, names: Annotated['names']): Span[] {
  const taken = new Uint8Array(text.length);
  const spans: Span[] = [];
  for (const { name, kind } of [...names].sort((a, b) => b.name.length - a.name.length)) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      if (taken.subarray(at, end).some((x) => x)) continue;
      taken.fill(1, at, end);
      spans.push({ start: at, end, kind });
    }
  }
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** The project's kinds as the annotation's: a company is an organisation. */
const KIND_OF: Record<string, GoldKind> = {
  person: 'person',
  organization: 'organization',
  company: 'organization',
  government: 'organization',
  place: 'place',
};

/** Scores one recognizer over the annotated articles of `corpus`. */
export function scoreRecognizer(system: string, corpusName: string, corpus: Corpus, recognize: Recognizer): NerScore {
  const annotated = readAnnotations();
  const articles = new Map<string, Article>();
  for (const article of corpus.articles()) articles.set(article.path.split(path.sep).slice(-2).join('/'), article);
  let gold = 0;
  let found = 0;
  let rightFound = 0;
  let goldFound = 0;
  let typedFound = 0;
  let typed = 0;
  let typedRight = 0;
  const falseHits: string[] = [];
  const misses: string[] = [];
  const kindErrors: string[] = [];
  for (const { file, names } of annotated) {
    const article = articles.get(file);
    if (!article) throw new Error(`annotated article ${file} is not in the corpus`);
    for (const passage of articleSentences(article)) {
      const text = passage.text;
      const expected = goldSpans(text, names);
      const got = recognize(text);
      gold += expected.length;
      found += got.length;
      for (const span of got) {
        if (expected.some((g) => overlaps(g, span))) rightFound++;
        else if (falseHits.length < 40) falseHits.push(text.slice(span.start, span.end));
      }
      for (const g of expected) {
        const hit = got.find((span) => overlaps(g, span));
        if (hit) goldFound++;
        else if (misses.length < 40) misses.push(text.slice(g.start, g.end));
        if (!hit || g.kind === 'other') continue;
        typedFound++;
        const kind = KIND_OF[hit.kind];
        if (kind !== g.kind && kindErrors.length < 40)
          kindErrors.push(`${text.slice(g.start, g.end)}: ${g.kind} as ${hit.kind || 'no kind'}`);
        if (kind === undefined) continue;
        typed++;
        if (kind === g.kind) typedRight++;
      }
    }
  }
  const precision = found === 0 ? 0 : rightFound / found;
  const recall = gold === 0 ? 0 : goldFound / gold;
  return {
    system,
    corpus: corpusName,
    gold,
    found,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    kindCoverage: typedFound === 0 ? 0 : typed / typedFound,
    kindAccuracy: typed === 0 ? 0 : typedRight / typed,
    falseHits,
    misses,
    kindErrors,
  };
}

/** Sourcebook's discovery as a recognizer: the entity index of `corpus`, its matcher over each sentence. */
export function sourcebookRecognizer(corpus: Corpus): Recognizer {
  const index = entityIndexFor(corpus);
  return (sentence) =>
    index
      .findMentions(sentence)
      .map((m) => ({ start: m.start, end: m.end, kind: index.entity(m.entityId)?.kind ?? '' }));
}

/** The plain baseline: every run of capitalized words that does not open the sentence. */
export const capitalRuns: Recognizer = (sentence) => {
  const spans: Span[] = [];
  for (const match of sentence.matchAll(/\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu)) {
    if (match.index === 0) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, kind: '' });
  }
  return spans;
};
