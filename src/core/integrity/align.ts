/**
 * Where a misquote came from: the stretch of the article whose words are
 * fewest edits (a word changed, added or dropped) away from the quote's. It
 * is a fitting alignment (Sellers' semi-global edit distance) over words:
 * the whole quote against any stretch of the article, the way annotation
 * tools re-anchor a quote whose text has drifted.
 *
 * The work is bounded: the shared words first vote for the likeliest place
 * (the diagonal most of them agree on), and the alignment runs in a window
 * of three quote lengths around it, so a misquote costs about 3·m² steps
 * whatever the article's length.
 */

export interface WordAlignment {
  /** First and one-past-last article word of the closest stretch. */
  readonly start: number;
  readonly end: number;
  /** Word edits between the quote and that stretch (0 = identical). */
  readonly distance: number;
}

/** Longest quote aligned, in words: the window's DP is quadratic in it. */
export const MAX_ALIGNED_WORDS = 2000;

/**
 * Aligns the quote's words against the article's. Returns undefined when
 * they share no word, or the quote is empty or too long to align.
 */
export function alignWords(quote: readonly string[], article: readonly string[]): WordAlignment | undefined {
  const m = quote.length;
  if (m === 0 || m > MAX_ALIGNED_WORDS || article.length === 0) return undefined;
  const diagonal = likeliestDiagonal(quote, article);
  if (diagonal === undefined) return undefined;
  const from = Math.max(0, diagonal - m);
  const to = Math.min(article.length, diagonal + 2 * m);
  return fit(quote, article, from, to);
}

/**
 * Edit distance DP over `article[from, to)`, two rows at a time, tracking where each path starts.
 * Every row index below is in `[0, n]` by the loop bounds; the rows are typed arrays in the hot loop.
 */
/* eslint-disable @typescript-eslint/no-non-null-assertion -- row indexes are in bounds by construction */
function fit(quote: readonly string[], article: readonly string[], from: number, to: number): WordAlignment {
  const m = quote.length;
  const n = to - from;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  let previousStart = new Int32Array(n + 1);
  let currentStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previousStart[j] = j;
  for (let i = 1; i <= m; i++) {
    const word = quote[i - 1];
    current[0] = i;
    currentStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      // Prefer a substitution, then a quote word the source lacks, then a source word the quote dropped:
      // ties then keep the stretch aligned word for word with the quote.
      let best = previous[j - 1]! + (word === article[from + j - 1] ? 0 : 1);
      let start = previousStart[j - 1]!;
      if (previous[j]! + 1 < best) {
        best = previous[j]! + 1;
        start = previousStart[j]!;
      }
      if (current[j - 1]! + 1 < best) {
        best = current[j - 1]! + 1;
        start = currentStart[j - 1]!;
      }
      current[j] = best;
      currentStart[j] = start;
    }
    const rows = previous;
    previous = current;
    current = rows;
    const starts = previousStart;
    previousStart = currentStart;
    currentStart = starts;
  }
  // Ties between ends: the stretch closest in length to the quote.
  let bestEnd = 1;
  for (let j = 2; j <= n; j++) {
    const d = previous[j]!;
    const bestD = previous[bestEnd]!;
    if (
      d < bestD ||
      (d === bestD && Math.abs(j - previousStart[j]! - m) < Math.abs(bestEnd - previousStart[bestEnd]! - m))
    )
      bestEnd = j;
  }
  const start = previousStart[bestEnd]!;
  // A stretch cannot be empty: a quote with nothing in common still names one word.
  return { start: from + Math.min(start, bestEnd - 1), end: from + bestEnd, distance: previous[bestEnd]! };
}
/* eslint-enable @typescript-eslint/no-non-null-assertion */

/** The article offset (word index minus quote index) that most shared words agree on. */
function likeliestDiagonal(quote: readonly string[], article: readonly string[]): number | undefined {
  const wanted = new Map<string, number[]>();
  quote.forEach((word, i) => {
    const positions = wanted.get(word);
    if (positions) positions.push(i);
    else wanted.set(word, [i]);
  });
  const votes = new Map<number, number>();
  let best: number | undefined;
  let bestVotes = 0;
  for (const [j, word] of article.entries()) {
    const positions = wanted.get(word);
    if (!positions) continue;

    for (const i of positions) {
      const diagonal = j - i;
      const count = (votes.get(diagonal) ?? 0) + 1;
      votes.set(diagonal, count);
      if (count > bestVotes) {
        bestVotes = count;
        best = diagonal;
      }
    }
  }
  return best;
}
