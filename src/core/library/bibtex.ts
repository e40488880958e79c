import { citationStack } from '../citations/loadCitationStack';
import { fromCslEntries, type ParsedLibrary } from './library';

/** The input half of citation-js, which the shared declarations leave out. */
const input = () =>
  (citationStack().plugins as unknown as { input: { chain(data: string, options: Record<string, unknown>): unknown } })
    .input;

/**
 * Reads a BibTeX (or BibLaTeX) library with citation-js's BibTeX plugin.
 * Each `@type{…}` entry is parsed on its own, so one broken entry is left
 * out with a warning naming its line, and the rest of the library still
 * loads. `@string`, `@preamble` and `@comment` blocks are kept with every
 * entry, so macros resolve.
 */
export function parseBibtexLibrary(text: string, source: string): ParsedLibrary {
  const chunks = splitEntries(text);
  const shared = chunks
    .filter((c) => /^@(string|preamble|comment)\b/i.test(c.text))
    .map((c) => c.text)
    .join('\n');
  const entries: unknown[] = [];
  const lines: number[] = [];
  const warnings: string[] = [];
  for (const chunk of chunks) {
    if (/^@(string|preamble|comment)\b/i.test(chunk.text)) continue;
    let parsed: unknown;
    try {
      parsed = input().chain(`${shared}\n${chunk.text}`, { forceType: '@bibtex/text', generateGraph: false });
    } catch (error) {
      warnings.push(
        `${source}, line ${chunk.line}: ${(error as Error).message.split('\n', 1).join('').replace(/:$/, '')}; left out`,
      );
      continue;
    }
    if (!Array.isArray(parsed) || parsed.length === 0) {
      warnings.push(`${source}, line ${chunk.line}: not a BibTeX entry; left out`);
      continue;
    }
    entries.push(parsed[0]);
    lines.push(chunk.line);
  }
  const made = fromCslEntries(entries, source, (i) => `line ${lines[i]}`);
  return { items: made.items, warnings: [...warnings, ...made.warnings] };
}

/** The `@…` blocks of a BibTeX text with the line each starts on. */
function splitEntries(text: string): { text: string; line: number }[] {
  const chunks: { text: string; line: number }[] = [];
  const starts = [...text.matchAll(/^[ \t]*@/gm)].map((m) => m.index);
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? text.length;
    const chunk = text.slice(start, end).trim();
    if (chunk !== '') chunks.push({ text: chunk, line: text.slice(0, start).split('\n').length });
  });
  return chunks;
}
