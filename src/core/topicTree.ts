import type { Corpus } from './corpus';
import type { Article, Section } from './model';

export type Grouping = 'topic' | 'publisher' | 'date';

export interface TopicGroup {
  /** Topic id, publisher name or year; `unknown` groups what has none. */
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  readonly articles: readonly Article[];
}

export const UNKNOWN_PUBLISHER = 'Unknown publisher';
export const UNKNOWN_DATE = 'Undated';

/**
 * Groups the corpus for the Topics view and `sourcebook topics`: by topic
 * (an article with several topics appears under each), by publisher, or by
 * year. Groups and their articles are sorted for reading; unknowns go last.
 * `filter` keeps only the articles it accepts; groups left empty are dropped.
 */
export function topicTree(corpus: Corpus, grouping: Grouping = 'topic', filter?: (article: Article) => boolean): TopicGroup[] {
  const groups = new Map<string, { label: string; description?: string; articles: Article[] }>();
  const add = (key: string, label: string, article: Article, description?: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label, articles: [], ...(description ? { description } : {}) }));
    group.articles.push(article);
  };
  for (const article of corpus.articles()) {
    if (filter && !filter(article)) continue;
    if (grouping === 'topic') {
      for (const id of article.topics) {
        const topic = corpus.topic(id);
        add(id, topic.label, article, topic.description);
      }
    } else if (grouping === 'publisher') {
      add(article.publisher ?? '', article.publisher ?? UNKNOWN_PUBLISHER, article);
    } else {
      const year = article.date?.slice(0, 4) ?? '';
      add(year, year || UNKNOWN_DATE, article);
    }
  }
  const order = grouping === 'date' ? -1 : 1;
  return [...groups.entries()]
    .sort(([a, ga], [b, gb]) => (a === '' ? 1 : b === '' ? -1 : order * ga.label.localeCompare(gb.label)))
    .map(([key, group]) => ({ key: key || 'unknown', ...group, articles: group.articles.sort(byDateThenTitle) }));
}

function byDateThenTitle(a: Article, b: Article): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title);
}

/** The sections worth listing under an article: those with a heading. The lead has none. */
export function headedSections(article: Article): Section[] {
  return article.sections.filter((section) => section.depth > 0);
}
