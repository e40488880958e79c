/**
 * Re-anchoring: where an anchored quote's passage went after its article
 * changed, scored, so that a passage is named only when it is surely the
 * one that was quoted.
 *
 * The approach annotation tools settled on (Hypothesis' `match-quote`):
 * approximate search for the quote's text with `approx-string-match` (Myers'
 * bit-parallel algorithm, linear in the article), then a score for each
 * candidate from how close its text is to the quote and how well the words
 * around it match the context stored in the anchor. Context is what tells a
 * passage from a near-duplicate ("grew 150 percent in 2025" two paragraphs
 * from "grew 105 percent in 2025"): a candidate whose text is close but
 * whose surroundings are not the quoted passage's is never accepted.
 *
 * The search runs on the article's normalized words (`ArticleWords.text`),
 * so whitespace, quote style and Markdown never count as changes.
 */

import search from 'approx-string-match';
import type { QuoteAnchor } from '../quotes/quoteAnchor';
import { CONTEXT_WORDS } from './anchor';
import type { ArticleWords } from './articleWords';

/** A stretch of the article that may be the quoted passage. */
export interface AnchorCandidate {
  /** First and one-past-last article word. */
  readonly first: number;
  readonly last: number;
  /** 1 − character edits ÷ quote length: how close its text is to the quote. */
  readonly quoteScore: number;
  /** How well the words before and after it match the anchor's (1 = the same). */
  readonly beforeScore: number;
  readonly afterScore: number;
  /** The weighted score candidates are ranked by, 0…1. */
  readonly score: number;
}

/** Below this quote score a stretch is not a candidate at all. */
export const MIN_QUOTE_SCORE = 0.6;
/** An edited passage is accepted only when the context on one side of it is at least this close. */
export const MIN_CONTEXT_SCORE = 0.75;
/** Candidates scoring within this of each other cannot be told apart. */
export const AMBIGUITY_MARGIN = 0.02;
/** Search rounds: each masks what it found, so the next finds the next-best stretches (near-duplicates). */
const ROUNDS = 3;
/** Quotes longer than this (characters) are not searched approximately. */
export const MAX_SEARCHED_CHARS = 4000;

/**
 * The accepted candidates for a quote of `words` anchored by `anchor`, best
 * first: close enough in text, with matching context on at least one side.
 * Pure.
 */
export function reanchor(words: readonly string[], anchor: QuoteAnchor, source: ArticleWords): AnchorCandidate[] {
  return candidates(words, source, anchor).filter((c) => Math.max(c.beforeScore, c.afterScore) >= MIN_CONTEXT_SCORE);
}

/**
 * Every stretch of the article within `MIN_QUOTE_SCORE` of the quote, scored
 * (against `anchor`'s context when given), best first.
 */
export function candidates(words: readonly string[], source: ArticleWords, anchor?: QuoteAnchor): AnchorCandidate[] {
  const pattern = words.join(' ');
  if (pattern === '' || pattern.length > MAX_SEARCHED_CHARS || source.length === 0) return [];
  const maxErrors = Math.floor(pattern.length * (1 - MIN_QUOTE_SCORE));
  let text = source.text;
  const found = new Map<number, AnchorCandidate>();
  for (let round = 0; round < ROUNDS; round++) {
    const matches = search(text, pattern, maxErrors);
    if (matches.length === 0) break;
    for (const match of matches) {
      const first = Math.min(source.wordAtText(match.start), source.length - 1);
      const last = Math.max(first + 1, source.wordAtText(match.end));
      const quoteScore = 1 - match.errors / pattern.length;
      const known = found.get(first);
      if (known && known.quoteScore >= quoteScore) continue;
      found.set(first, scored(first, last, quoteScore, source, anchor));
    }
    // Mask what was found so the next round finds the next-best stretches.
    let masked = '';
    let at = 0;
    for (const match of [...matches].sort((a, b) => a.start - b.start)) {
      if (match.start < at) continue;
      masked += text.slice(at, match.start) + '\u0001'.repeat(match.end - match.start);
      at = match.end;
    }
    text = masked + text.slice(at);
  }
  return [...found.values()].sort((a, b) => b.score - a.score || a.first - b.first);
}

function scored(
  first: number,
  last: number,
  quoteScore: number,
  source: ArticleWords,
  anchor: QuoteAnchor | undefined,
): AnchorCandidate {
  if (!anchor) return { first, last, quoteScore, beforeScore: 0, afterScore: 0, score: quoteScore };
  const all = source.words();
  // As many words as an anchor keeps: fewer in the anchor means the passage began or ended the article.
  const before = all.slice(Math.max(0, first - CONTEXT_WORDS), first);
  const after = all.slice(last, last + CONTEXT_WORDS);
  const beforeScore = contextScore(anchor.before, before);
  const afterScore = contextScore(anchor.after, after);
  return {
    first,
    last,
    quoteScore,
    beforeScore,
    afterScore,
    score: (50 * quoteScore + 20 * beforeScore + 20 * afterScore) / 90,
  };
}

/** Similarity of two short runs of words (1 − character edit distance ÷ the longer); two empty runs are the same. */
function contextScore(expected: readonly string[], actual: readonly string[]): number {
  const a = expected.join(' ');
  const b = actual.join(' ');
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/** Levenshtein distance of two short strings (context runs: a few dozen characters). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}
