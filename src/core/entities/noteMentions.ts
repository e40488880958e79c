import type { EntityIndex } from './entityIndex';
import type { Mention } from './types';

/** A mention in a note, with its 0-based line; `start`/`end` are columns of that line. */
export interface LineMention extends Mention {
  readonly line: number;
}

/**
 * Every entity mention of a note, line by line: the rule of the hover and
 * the underlines, which look at one line at a time, so a name is never
 * matched across a line break of a note.
 */
export function noteMentions(index: EntityIndex, text: string): LineMention[] {
  const found: LineMention[] = [];
  text.split(/\r?\n/).forEach((lineText, line) => {
    for (const mention of index.findMentions(lineText)) found.push({ ...mention, line });
  });
  return found;
}

/** Entities by how much the corpus mentions them, most first: the Entities view's and `sourcebook entities`' order. */
export function entitiesByMentions(index: EntityIndex): { entityId: string; mentions: number; articles: number }[] {
  return index
    .entities()
    .map((entity) => {
      const articles = index.articlesMentioning(entity.id);
      return {
        entityId: entity.id,
        mentions: articles.reduce((sum, a) => sum + a.mentions, 0),
        articles: articles.length,
      };
    })
    .sort((a, b) => b.mentions - a.mentions || b.articles - a.articles);
}
