// Figures of the features built on the corpus: search as the user types,
// entity hovers, and the quote-integrity check. Each runs in its own process.
import { join } from 'node:path';
import type { Corpus } from '../../src/core/corpus';
import { entityIndexFor } from '../../src/core/entities';
import { checkNote } from '../../src/core/integrity/checkNote';
import type { Passage } from '../../src/core/model';
import { quoteText } from '../../src/core/quotes';
import { searchIndexFor } from '../../src/core/search';
import { loadCorpus } from '../../src/node/corpusFiles';
import { entityCard } from '../../src/vscode/hover/entityCard';
import { QUERIES, typedPrefixes } from './queries.mjs';
import { random, time } from './probeTiming';

type Result = Record<string, unknown>;

const BUNDLED = join(__dirname, '..', '..', 'corpus');

/** The bundled articles and the corpus at `root`, every article parsed. */
function corpusOf(root: string): Corpus {
  const corpus = loadCorpus({ folders: [{ root: BUNDLED, bundled: true }, { root }] });
  corpus.stats();
  return corpus;
}

/** p50, p95 and max of a list of times. */
function percentiles(times: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]!, n: sorted.length };
}

/** Search as the user types: every prefix of each query, against the corpus's passage search. */
async function search(root: string): Promise<Result> {
  const corpus = corpusOf(root);
  const index = searchIndexFor(corpus);
  const building = performance.now();
  await index.warm();
  const buildMs = performance.now() - building;
  const times: number[] = [];
  let hits = 0;
  for (const query of typedPrefixes(QUERIES)) {
    const [found, ms] = time(() => index.search(query, { limit: 20 }));
    times.push(ms);
    hits += found.length;
  }
  return { buildMs, ...percentiles(times), hits };
}

/** Hovers at seeded positions of a note: the mention under the cursor, and its card when there is one. */
function hover(root: string, shape: string): Result {
  const corpus = corpusOf(root);
  const [index, indexMs] = time(() => entityIndexFor(corpus));
  const sentences: string[] = [];
  for (const passage of corpus.sentences()) sentences.push(passage.text);
  const next = random(7);
  const pick = () => sentences[Math.floor(next() * sentences.length)]!;
  const lines =
    shape === 'long-line'
      ? [
          Array.from({ length: 12000 }, pick)
            .join(' ')
            .slice(0, 1024 * 1024),
        ]
      : Array.from({ length: 5000 }, (_, i) =>
          i % 10 === 0 ? `## Note ${i / 10}` : `${pick()} Alibaba's Qwen came up again.`,
        );
  const hoverAt = (line: string, character: number) => {
    const mention = index.mentionAt(line, character);
    return mention ? entityCard(index, corpus, mention.entityId) : undefined;
  };
  // The first card builds the corpus-wide mention index: a one-time cost, reported on its own.
  const [, firstMs] = time(() => hoverAt('Alibaba', 2));
  const times: number[] = [];
  let cards = 0;
  for (let i = 0; i < 3000; i++) {
    const line = lines[Math.floor(next() * lines.length)]!;
    const [card, ms] = time(() => hoverAt(line, Math.floor(next() * line.length)));
    times.push(ms);
    if (card) cards++;
  }
  return {
    lines: lines.length,
    lineLength: Math.max(...lines.map((l) => l.length)),
    indexMs,
    firstMs,
    ...percentiles(times),
    cards,
    entities: index.entities().length,
  };
}

/** Checks a note of 1,000 cited quotes (one in ten altered) against the corpus. */
function integrity(root: string): Result {
  const corpus = corpusOf(root);
  const next = random(11);
  const passages: Passage[] = [...corpus.sentences()].filter((p) => p.text.split(' ').length >= 6);
  const blocks: string[] = ['# Notes', ''];
  let altered = 0;
  for (let i = 0; i < 1000; i++) {
    const passage = passages[Math.floor(next() * passages.length)]!;
    let text = quoteText(passage.text);
    if (i % 10 === 0) {
      text = text.replace(/\b(\w{4,})\b/, 'misquoted');
      altered++;
    }
    blocks.push(`> "${text}" [@${passage.articleId}]`, '');
  }
  const note = blocks.join('\n');
  const [problems, firstMs] = time(() => checkNote(note, corpus));
  const [, againMs] = time(() => checkNote(note, corpus));
  return { quotes: 1000, altered, problems: problems.length, noteLength: note.length, firstMs, againMs };
}

export const extraFigures: Record<string, (...args: string[]) => Result | Promise<Result>> = {
  search: (root) => search(root),
  hover: (root, shape) => hover(root, shape ?? 'note'),
  integrity: (root) => integrity(root),
};
