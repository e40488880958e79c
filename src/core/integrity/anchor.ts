import type { Article } from '../model';
import { hashWords, type QuoteAnchor } from '../quotes/quoteAnchor';
import { articleWords, type ArticleWords } from './articleWords';
import { wordsOf } from './words';

/** Words of context kept on each side of a quoted passage. */
export const CONTEXT_WORDS = 6;

/**
 * The anchor of a quote of `quotedText` taken from source offsets
 * `[start, end)` of `article` (a passage's range, or the sentences a
 * selection covers): the hash of the article's words quoted and the words
 * around them. Pure.
 */
export function anchorOfPassage(quotedText: string, article: Article, start: number, end: number): QuoteAnchor {
  const source = articleWords(article);
  const words = wordsOf(quotedText).map((w) => w.text);
  let first = source.wordAtSource(start);
  let last = first;
  while (last < source.length && (source.starts[last] ?? end) < end) last++;
  // A selection quotes part of the sentences its range covers: the context is what surrounds its own words.
  const exact = source.find(words, first);
  if (exact !== -1 && exact < last) [first, last] = [exact, exact + words.length];
  // The hash is the source's words: a quote that was not the source's when inserted is checked as unanchored.
  return contextAnchor(hashWords(source.words().slice(first, last)), source, first, last);
}

/** An anchor with `hash` and the context around article words `[first, last)`. */
export function contextAnchor(hash: string, source: ArticleWords, first: number, last: number): QuoteAnchor {
  const words = source.words();
  return {
    hash,
    before: words.slice(Math.max(0, first - CONTEXT_WORDS), first),
    after: words.slice(last, last + CONTEXT_WORDS),
  };
}
