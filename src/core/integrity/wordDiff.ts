/**
 * The words that differ between a quote and its source passage, for a
 * message that names them ("the source says "150 percent", the quote says
 * "105 percent"") instead of showing a passage cut off before the change.
 *
 * A longest-common-subsequence diff over normalized words: a quote and its
 * passage are a few dozen words, so the quadratic table is small; past
 * `MAX_DIFF_CELLS` the whole stretch is one difference.
 */

/** One run of words that differs: quote words `[quoteStart, quoteEnd)` stand where the source has `[sourceStart, sourceEnd)`. */
export interface WordHunk {
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

/** Largest quote × source table diffed word by word. */
export const MAX_DIFF_CELLS = 4_000_000;

/**
 * The differing runs between `quote` and `source` (normalized words), in
 * order; empty when they are the same words. Pure.
 */
export function diffWords(quote: readonly string[], source: readonly string[]): WordHunk[] {
  const m = quote.length;
  const n = source.length;
  if ((m + 1) * (n + 1) > MAX_DIFF_CELLS) return [{ quoteStart: 0, quoteEnd: m, sourceStart: 0, sourceEnd: n }];
  // lcs[i][j]: the longest common subsequence of quote[i..] and source[j..].
  const width = n + 1;
  const lcs = new Int32Array((m + 1) * width);
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      lcs[i * width + j] =
        quote[i] === source[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
  const hunks: WordHunk[] = [];
  let open: { quoteStart: number; sourceStart: number } | undefined;
  let i = 0;
  let j = 0;
  const close = () => {
    if (open) hunks.push({ ...open, quoteEnd: i, sourceEnd: j });
    open = undefined;
  };
  while (i < m || j < n) {
    if (i < m && j < n && quote[i] === source[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { quoteStart: i, sourceStart: j };
    if (j < n && (i === m || (lcs[i * width + j + 1] ?? 0) >= (lcs[(i + 1) * width + j] ?? 0))) j++;
    else i++;
  }
  close();
  return hunks;
}

/** Words shown of one side of a difference before it is cut short. */
const SHOWN_WORDS = 8;
/** Differences named in one message. */
const SHOWN_HUNKS = 3;

/**
 * The differences in words: `the source says "150 percent", the quote says
 * "105 percent"`, `the quote adds "really"`, `the quote leaves out
 * "e-commerce"`; at most three, then how many more. `quoteText` and
 * `sourceText` give the original text of a run of words (`[start, end)`).
 */
export function describeWordDiff(
  hunks: readonly WordHunk[],
  quoteText: (start: number, end: number) => string,
  sourceText: (start: number, end: number) => string,
  subject = 'the quote',
): string {
  const said = hunks.slice(0, SHOWN_HUNKS).map((h) => {
    const source = shown(sourceText, h.sourceStart, h.sourceEnd);
    const quote = shown(quoteText, h.quoteStart, h.quoteEnd);
    if (h.sourceEnd === h.sourceStart) return `${subject} adds "${quote}"`;
    if (h.quoteEnd === h.quoteStart) return `${subject} leaves out "${source}"`;
    return `the source says "${source}", ${subject} says "${quote}"`;
  });
  const more = hunks.length - SHOWN_HUNKS;
  if (more > 0) said.push(`${more} more difference${more === 1 ? '' : 's'}`);
  return said.join('; ');
}

function shown(text: (start: number, end: number) => string, start: number, end: number): string {
  if (end - start <= SHOWN_WORDS) return text(start, end);
  return `${text(start, start + SHOWN_WORDS - 2)} … ${text(end - 2, end)}`;
}
