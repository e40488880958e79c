import type { Article } from './model';

/**
 * What the filter needs of the entity index: the entity a name or alias
 * stands for, and the articles that mention it (by any of its names).
 */
export interface MentionLookup {
  resolve(nameOrAlias: string): { readonly id: string } | undefined;
  articlesMentioning(entityId: string): readonly { readonly articleId: string }[];
}

/**
 * Builds the Topics filter for what the user typed. An article passes when
 * every word of the query appears in its title, summary or text (section
 * headings included), ignoring case and typographic quotes; or, when the
 * query names an entity, when the article mentions that entity by any of its
 * names. An empty query accepts everything.
 */
export function articleFilter(query: string, entities?: MentionLookup): (article: Article) => boolean {
  const words = fold(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return () => true;
  const entity = entities?.resolve(query.trim());
  const mentioning = new Set(entity ? entities?.articlesMentioning(entity.id).map((m) => m.articleId) : []);

  return (article) => {
    if (mentioning.has(article.id)) return true;
    const text = fold(`${article.title}\n${article.summary ?? ''}\n${article.source}`);
    return words.every((word) => text.includes(word));
  };
}

function fold(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase();
}
