import type { Corpus } from '../corpus';
import type { Article } from '../model';
import type { NoteCitation } from './noteQuotes';
import { wordsOf } from './words';

/** What a quote's citation points at. */
export type CitedArticle =
  /** The cited article; more than one when several share the title the citation names. */
  | { readonly kind: 'article'; readonly articles: readonly [Article, ...Article[]] }
  /** A Sourcebook-shaped citation that names no article of the corpus. */
  | { readonly kind: 'unknown'; readonly cited: string }
  /** Not a Sourcebook citation (e.g. `— Shakespeare`, a hand-numbered `[^1]`): not checked. */
  | { readonly kind: 'other' };

/**
 * Resolves a citation: a footnote label or pandoc key that is an article id;
 * else an article title found in the footnote's definition or the citation
 * text (case, punctuation and quote style aside; the longest title wins).
 * A footnote label or pandoc key that names nothing is an unknown article,
 * except a purely numeric footnote label, which Sourcebook never writes.
 * Citation text that names no title is an unknown article when it is
 * shaped like a Sourcebook reference (an emphasized or quoted title, or a
 * parenthesized year), and is otherwise not a Sourcebook citation.
 */
export function resolveCitation(
  citation: NoteCitation,
  footnotes: ReadonlyMap<string, string>,
  corpus: Corpus,
): CitedArticle {
  switch (citation.kind) {
    case 'footnote': {
      const article = corpus.article(citation.label);
      if (article) return { kind: 'article', articles: [article] };
      const titled = titleIn(footnotes.get(citation.label) ?? '', corpus);
      if (titled) return { kind: 'article', articles: titled };
      return /^\d+$/.test(citation.label) ? { kind: 'other' } : { kind: 'unknown', cited: `[^${citation.label}]` };
    }
    case 'pandoc': {
      const article = corpus.article(citation.key);
      return article ? { kind: 'article', articles: [article] } : { kind: 'unknown', cited: `@${citation.key}` };
    }
    case 'text': {
      const titled = titleIn(citation.text, corpus);
      if (titled) return { kind: 'article', articles: titled };
      return looksLikeReference(citation.text) ? { kind: 'unknown', cited: citation.text } : { kind: 'other' };
    }
  }
}

function looksLikeReference(text: string): boolean {
  return /\*[^*\s][^*]*\*|(?:^|[^\w])_[^_\s][^_]*_|“[^”]+”|"[^"]+"|\(\s*(?:\d{4}|n\.\s?d\.)/.test(text);
}

interface TitleEntry {
  readonly article: Article;
  readonly words: readonly string[];
}

/** Titles keyed by their first word, built once per corpus version. */
const titleIndexes = new WeakMap<Corpus, { version: number; byFirstWord: Map<string, TitleEntry[]> }>();

function titleIndex(corpus: Corpus): Map<string, TitleEntry[]> {
  const cached = titleIndexes.get(corpus);
  if (cached && cached.version === corpus.version) return cached.byFirstWord;
  const byFirstWord = new Map<string, TitleEntry[]>();
  for (const article of corpus.articles()) {
    const words = wordsOf(article.title).map((w) => w.text);
    if (words.length === 0) continue;
    const entries = byFirstWord.get(words[0]!);
    if (entries) entries.push({ article, words });
    else byFirstWord.set(words[0]!, [{ article, words }]);
  }
  titleIndexes.set(corpus, { version: corpus.version, byFirstWord });
  return byFirstWord;
}

/**
 * The articles whose title appears, as whole words, in `text`: the longest
 * title found wins, and every article with that title is returned (a large
 * corpus can hold two articles under one headline).
 */
export function titleIn(text: string, corpus: Corpus): [Article, ...Article[]] | undefined {
  const index = titleIndex(corpus);
  const words = wordsOf(text).map((w) => w.text);
  let best: [Article, ...Article[]] | undefined;
  let bestLength = 0;
  words.forEach((word, at) => {
    for (const entry of index.get(word) ?? []) {
      if (entry.words.length < bestLength || !entry.words.every((w, k) => words[at + k] === w)) continue;
      if (entry.words.length > bestLength) {
        best = [entry.article];
        bestLength = entry.words.length;
      } else if (!best!.includes(entry.article)) best!.push(entry.article);
    }
  });
  return best;
}
