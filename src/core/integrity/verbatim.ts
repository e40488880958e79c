import { articleText } from '../articleText';
import type { Article } from '../model';
import { isWordChar } from './words';

/**
 * The fast path of the check: most quotes are the source's text exactly (the
 * insert feature writes them so), and those can be confirmed with a plain
 * `indexOf` on the article, without normalizing its words.
 *
 * It only ever confirms a match: text it is not sure about (brackets that
 * could be Markdown links or footnotes, HTML, a match that cuts a word) is
 * left to the normalized comparison, which decides.
 */

/** Prose paragraph ranges (source offsets) of an article, in order. */
const paragraphRanges = new WeakMap<Article, Int32Array>();

function proseRanges(article: Article): Int32Array {
  let ranges = paragraphRanges.get(article);
  if (!ranges) {
    const offsets: number[] = [];
    for (const section of articleText(article).sections)
      for (const p of section.paragraphs) offsets.push(p.range.start.offset, p.range.end.offset);
    paragraphRanges.set(article, (ranges = Int32Array.from(offsets)));
  }
  return ranges;
}

/** Index of the paragraph holding `[start, end)` whole, or -1. */
function paragraphHolding(ranges: Int32Array, start: number, end: number): number {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const paragraphStart = ranges[2 * mid];
    const paragraphEnd = ranges[2 * mid + 1];
    if (paragraphStart === undefined || paragraphEnd === undefined) return -1;
    if (paragraphEnd < end) low = mid + 1;
    else if (paragraphStart > start) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** Whether the character at `i` could join the word that ends before it or starts after it. */
function joins(text: string, i: number, towards: number): boolean {
  if (i < 0 || i >= text.length) return false;
  if (isWordChar(text, i)) return true;
  // An apostrophe or a number's `.`/`,`/`:` joins when a word character is on its far side.
  return /['’ʼ.,:]/.test(text.charAt(i)) && isWordChar(text, i + towards);
}

/**
 * Where `quoted` (a quote's text from its first word to its last) appears
 * verbatim in a prose paragraph of the article, at or after source offset
 * `from`, as whole words: the source offset just past it, or -1 when it does
 * not (which decides nothing).
 */
export function findVerbatim(article: Article, quoted: string, from: number): number {
  if (quoted === '' || /[[\]<>]/.test(quoted)) return -1;
  const source = articleText(article).text;
  const ranges = proseRanges(article);
  for (let at = source.indexOf(quoted, from); at !== -1; at = source.indexOf(quoted, at + 1)) {
    const end = at + quoted.length;
    if (joins(source, at - 1, -1) || joins(source, end, 1)) continue;
    const paragraph = paragraphHolding(ranges, at, end);
    if (paragraph === -1) continue;
    // A `)` in the quote could close a link destination that opened before it.
    if (quoted.includes(')') && source.slice(ranges[2 * paragraph], at).includes('](')) continue;
    return end;
  }
  return -1;
}
