// Scores sentence splitters on the English "golden rules" (golden-rules.json):
// a case counts only when every sentence is exactly right.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../../src/core/text/sentences';

interface GoldenCase {
  readonly text: string;
  readonly sentences: readonly string[];
}

export interface SplitterScore {
  readonly splitter: string;
  readonly exact: number;
  readonly total: number;
  /** The cases it gets wrong, as the text and what it made of it. */
  readonly misses: { readonly text: string; readonly got: string[] }[];
}

type Splitter = (text: string) => string[];

const SPLITTERS: Record<string, Splitter> = {
  sourcebook: (text) => splitSentences(text).map((span) => text.slice(span.start, span.end)),
  'Intl.Segmenter': (text) =>
    [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)]
      .map((s) => s.segment.trim())
      .filter((s) => s !== ''),
};

/** Every splitter's score on the golden rules, with `extra` splitters (compromise…) scored the same way. */
export function scoreSentenceSplitters(extra: Record<string, Splitter> = {}): SplitterScore[] {
  const file = path.join(__dirname, '../../scripts/accuracy/golden-rules.json');
  const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: GoldenCase[] };
  return Object.entries({ ...SPLITTERS, ...extra }).map(([splitter, split]) => {
    const misses: SplitterScore['misses'] = [];
    for (const { text, sentences } of cases) {
      const got = split(text);
      if (JSON.stringify(got) !== JSON.stringify(sentences)) misses.push({ text, got });
    }
    return { splitter, exact: cases.length - misses.length, total: cases.length, misses };
  });
}
