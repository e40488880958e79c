// The section of docs/benchmarks.md on large and hostile notes (scripts/bench/probeNotes.ts).

const ms = (value) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${Math.round(value)} ms` : `${value.toFixed(2)} ms`;
const size = (bytes) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;

/** Longest any one step may take on a note of these sizes: bounded, not instant. */
export const NOTE_LIMIT_MS = 5000;

export function renderNotes(result) {
  const rows = result.notes.map(
    (n) =>
      `| ${n.name} | ${size(n.bytes)}, longest line ${size(n.longestLine)}, ${n.quotes.toLocaleString('en')} quotes | ${ms(n.checkMs)} (${n.problems.toLocaleString('en')} problems) | ${ms(n.scanMs)} | ${ms(n.mentionsMs)} (${n.mentions.toLocaleString('en')}) | ${ms(n.hoverP1000Ms)} | ${Math.max(n.checkMs, n.scanMs, n.mentionsMs, n.hoverP1000Ms) <= NOTE_LIMIT_MS ? 'met' : '**missed**'} |`,
  );
  return [
    '## Large and hostile notes',
    '',
    `Against the BBC corpus, one process (\`node out/bench/probe.js notes DIR\`), peak memory ${Math.round(result.maxRssMB)} MB for all three. The check is what \`sourcebook check\` and the Problems panel run (diagnostics cost the same); the scan finds quotes and citations; mentions are the entity underlines over the whole note; hovers are 1,000 at seeded positions. Target: each bounded, ≤ ${NOTE_LIMIT_MS / 1000} s. The 100 KB-line note also holds \`> "x" [@\` followed by 100 KB, which a cubic citation pattern once took ~75 s over.`,
    '',
    '| Note | Size | Check | Scan | Mentions | 1,000 hovers | Result |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
