/**
 * How text becomes search terms, shared by the index, the query and the
 * match highlighter so all three agree: words are runs of letters and digits,
 * lower-cased with accents folded; very common words are not indexed (a
 * phrase is still checked against the full text).
 */

const WORD = /[\p{L}\p{N}]+/gu;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from had has have he her his i in is it its of on or our she that the their them they this to was we were which who will with would you'.split(
    ' ',
  ),
);

/** The words of a text, as MiniSearch's `tokenize`. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** A word as indexed and searched: folded to lower case without accents; null for a stop word or a stray letter. */
export function processTerm(word: string): string | null {
  return indexable(fold(word));
}

/** A folded word as an index term, or null for a stop word or a stray letter. */
function indexable(folded: string): string | null {
  if (STOP_WORDS.has(folded)) return null;
  if (folded.length === 1 && !(folded >= '0' && folded <= '9')) return null;
  return folded;
}

/** Lower case without diacritics: `Müller` → `muller`. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Only strip marks when there is something to strip: normalize() is the slow part.
  return /[^\u0020-\u007e]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
}

/** One word of a text with where it is: `[start, end)` offsets and its term (null for a stop word). */
export interface TermSpan {
  readonly start: number;
  readonly end: number;
  readonly term: string | null;
  /** The folded word, stop words included (phrases compare these). */
  readonly word: string;
}

/** Every word of `text` with its offsets. */
export function termSpans(text: string): TermSpan[] {
  const spans: TermSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const word = fold(match[0]);
    spans.push({ start, end: start + match[0].length, term: indexable(word), word });
  }
  return spans;
}

/** A document as the index takes it: its number of distinct raw tokens, and its index terms in order. */
export interface AnalysedDocument {
  readonly tokens: number;
  readonly terms: readonly string[];
}

/** Tokenizes one document's text into what the index stores of it: pure, so a worker thread can do it. */
export function analyseDocument(text: string): AnalysedDocument {
  const tokens = tokenize(text);
  const terms: string[] = [];
  for (const token of tokens) {
    const term = processTerm(token);
    if (term) terms.push(term);
  }
  return { tokens: new Set(tokens).size, terms };
}
