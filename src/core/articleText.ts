import type { ArticleBase } from './articleBase';
import type { Article, ArticleText } from './model';

/**
 * Where the text of an article comes from when the article was listed
 * without it (restored from a persisted index or an archive): the host gives
 * one, as the markdown language service is given a workspace to read from.
 * Sourcebook's own reads corpus files with the loader's checks (a regular
 * file, inside its folder, within the size limit, decoded).
 */
export interface TextSource {
  /** The text of the corpus file at `path` as it is now, or undefined when it cannot be read. */
  read(path: string): string | undefined;
}

const opened = new WeakMap<Article, ArticleText>();

/** The text of an article if `articleText` has made it already; never reads. */
export function openedText(article: Article): ArticleText | undefined {
  return opened.get(article);
}

/**
 * The text of an article, with its paragraphs and sentences: the one way to
 * reach an article's text. An article parsed from a file has it in memory;
 * one restored from a persisted index reads it here, synchronously, through
 * the `TextSource` it was restored with. Made once per article object (a
 * changed file becomes a new article), so calling it again costs nothing.
 */
export function articleText(article: Article): ArticleText {
  let text = opened.get(article);
  if (!text) {
    // By its method, not `instanceof`: a test bundle holds its own copy of this module.
    const { openText } = article as Partial<Pick<ArticleBase, 'openText'>>;
    if (typeof openText !== 'function') throw new Error(`article ${article.id} was not made by the corpus`);
    opened.set(article, (text = openText.call(article)));
  }
  return text;
}
