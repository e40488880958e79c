// Renders the figures of an accuracy run (scripts/accuracy/run.mjs) as docs/accuracy.md.

/** @param {{ sentences: { splitter: string, exact: number, total: number, misses: { text: string, got: string[] }[] }[] }} results */
export function renderAccuracy(results) {
  const lines = [
    '# Accuracy',
    '',
    'How right Sourcebook is on text nobody on the project wrote. Reproduce every figure with',
    '`npm run accuracy` (it writes this page).',
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
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
