import type { Article } from './model';

/**
 * What the filter needs of the entity index: the entity a name or alias
 * stands for, and the articles that mention it (by any of its names).
 */
export interface MentionLookup {
  resolve(nameOrAlias: string): { readonly id: string } | undefined;
  articlesMentioning(entityId: string): readonly { readonly articleId: string }[];
}

/** What the filter needs of the search index: which articles' text holds a word. */
export interface WordLookup {
  /**
   * The ids of the articles whose text holds `word` (by prefix, as a word
   * being typed is searched), or undefined when the word is one the index
   * does not keep (a stop word such as "in"), which then rules nothing out.
   */
  articlesWith(word: string): ReadonlySet<string> | undefined;
}

/**
 * Builds the Topics filter for what the user typed. An article passes when
 * every word of the query appears in its title, summary or section headings
 * (ignoring case and typographic quotes) or, by the search index, in its
 * text; or, when the query names an entity, when the article mentions that
 * entity by any of its names. The filter reads no article's text for the
 * words (the search index has them); an entity's articles come from the
 * entity index's mention counts. An empty query accepts everything.
 */
export function articleFilter(
  query: string,
  words: WordLookup,
  entities?: MentionLookup,
): (article: Article) => boolean {
  const wanted = fold(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  if (wanted.length === 0) return () => true;
  const entity = entities?.resolve(query.trim());
  const mentioning = new Set(entity ? entities?.articlesMentioning(entity.id).map((m) => m.articleId) : []);
  const inText = wanted.map((word) => words.articlesWith(word));

  return (article) => {
    if (mentioning.has(article.id)) return true;
    const listed = fold(
      [article.title, article.summary ?? '', ...article.sections.map((section) => section.title)].join('\n'),
    );
    return wanted.every((word, i) => {
      const articles = inText[i];
      return listed.includes(word) || articles === undefined || articles.has(article.id);
    });
  };
}

function fold(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase();
}
