/**
 * Where a misquote came from: the stretch of the article whose words are
 * fewest edits (a word changed, added or dropped) away from the quote's. It
 * is a fitting alignment (Sellers' semi-global edit distance) over word ids:
 * the whole quote against any stretch of the article, the way annotation
 * tools re-anchor a quote whose text has drifted.
 */

export interface WordAlignment {
  /** First and one-past-last article word of the closest stretch. */
  readonly start: number;
  readonly end: number;
  /** Word edits between the quote and that stretch (0 = identical). */
  readonly distance: number;
}

/** Most DP cells one alignment may fill; above it, alignment runs in a window. */
export const MAX_ALIGNMENT_CELLS = 2_000_000;

/**
 * Aligns `quote` (word ids; -1 for a word the article lacks) against
 * `article` (word ids). The work is bounded by `maxCells`: a long article is
 * first narrowed to the window around the diagonal most quote words agree
 * on. Returns undefined for an empty quote or article, or a quote too long
 * to align within the bound.
 */
export function alignWords(quote: Int32Array, article: Int32Array, maxCells = MAX_ALIGNMENT_CELLS): WordAlignment | undefined {
  const m = quote.length;
  if (m === 0 || article.length === 0) return undefined;
  let from = 0;
  let to = article.length;
  if (m * (to - from) > maxCells) {
    const diagonal = likeliestDiagonal(quote, article);
    if (diagonal === undefined) return undefined;
    from = Math.max(0, diagonal - m);
    to = Math.min(article.length, diagonal + 2 * m);
    if (m * (to - from) > maxCells) return undefined;
  }
  return fit(quote, article, from, to);
}

/** Edit distance DP over `article[from, to)`, two rows at a time, tracking where each path starts. */
function fit(quote: Int32Array, article: Int32Array, from: number, to: number): WordAlignment {
  const m = quote.length;
  const n = to - from;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  let previousStart = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let currentStart = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    const word = quote[i - 1]!;
    current[0] = i;
    currentStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      // Prefer a substitution, then a quote word the source lacks, then a source word the quote dropped:
      // ties then keep the stretch aligned word for word with the quote.
      let best = previous[j - 1]! + (word === article[from + j - 1] && word !== -1 ? 0 : 1);
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
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  // Ties between ends: the stretch closest in length to the quote.
  let bestEnd = 1;
  for (let j = 2; j <= n; j++) {
    const d = previous[j]!;
    const bestD = previous[bestEnd]!;
    if (d < bestD || (d === bestD && Math.abs(j - previousStart[j]! - m) < Math.abs(bestEnd - previousStart[bestEnd]! - m))) bestEnd = j;
  }
  const start = previousStart[bestEnd]!;
  // A stretch cannot be empty: a quote with nothing in common still names one word.
  return { start: from + Math.min(start, bestEnd - 1), end: from + bestEnd, distance: previous[bestEnd]! };
}

/** The article offset (word index minus quote index) that most shared words agree on. */
function likeliestDiagonal(quote: Int32Array, article: Int32Array): number | undefined {
  const wanted = new Map<number, number[]>();
  quote.forEach((id, i) => {
    if (id !== -1) wanted.set(id, [...(wanted.get(id) ?? []), i]);
  });
  const votes = new Map<number, number>();
  let best: number | undefined;
  let bestVotes = 0;
  for (let j = 0; j < article.length; j++) {
    const positions = wanted.get(article[j]!);
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
