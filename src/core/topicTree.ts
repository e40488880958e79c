import { type ArticleFormat, articleFormat } from './readers/extracted';
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
export function topicTree(
  corpus: Corpus,
  grouping: Grouping = 'topic',
  filter?: (article: Article) => boolean,
): TopicGroup[] {
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

/**
 * The sections worth listing under an article: those with a heading. The lead
 * has none, and a top-level heading that only repeats the article's title is
 * the title, not a section (its text is reached by opening the article).
 */
export function headedSections(article: Article): Section[] {
  const first = article.sections.find((section) => section.depth > 0);
  const titleHeading = first && first.depth === 1 && sameTitle(first.title, article.title) ? first : undefined;
  return article.sections.filter((section) => section.depth > 0 && section !== titleHeading);
}

function sameTitle(a: string, b: string): boolean {
  const fold = (text: string) =>
    text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return fold(a) === fold(b);
}

/** An article as the Topics view and `sourcebook topics --json` show it. */
export interface OutlineArticle {
  readonly id: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly date: string | null;
  readonly path: string;
  readonly summary: string | null;
  /** The file's format: `markdown`, `text`, `html` or `pdf`. */
  readonly format: ArticleFormat;
  readonly url: string | null;
}

/** A section as listed under its article: `line` is 1-based, `index` is the section's index in the article. */
export interface OutlineSection {
  readonly title: string;
  readonly line: number;
  readonly index: number;
}

/** One group of the outline, with its articles and their sections. */
export interface OutlineGroup {
  readonly topic: string;
  readonly key: string;
  readonly description: string | null;
  readonly articles: readonly (OutlineArticle & { readonly sections: readonly OutlineSection[] })[];
}

/** The metadata line of an article in the outline; unknowns are `null`, never guessed. */
export function outlineArticle(article: Article): OutlineArticle {
  return {
    id: article.id,
    title: article.title,
    publisher: article.publisher ?? null,
    date: article.date ?? null,
    path: article.path,
    summary: article.summary ?? null,
    format: articleFormat(article.path),
    url: article.url ?? null,
  };
}

/** The sections listed under an article (see `headedSections`). Parses the article if it is not yet. */
export function outlineSections(article: Article): OutlineSection[] {
  return headedSections(article).map((section) => ({
    title: section.title,
    line: section.range.start.line + 1,
    index: section.index,
  }));
}

/**
 * The whole Topics tree as plain data: what `sourcebook topics --json` prints
 * and what the Topics view shows, node for node. The view builds the same
 * nodes from `topicTree`, `outlineArticle` and `outlineSections`, but parses
 * an article's sections only when it is expanded.
 */
export function topicOutline(
  corpus: Corpus,
  grouping: Grouping = 'topic',
  filter?: (article: Article) => boolean,
): OutlineGroup[] {
  return topicTree(corpus, grouping, filter).map((group) => ({
    topic: group.label,
    key: group.key,
    description: group.description ?? null,
    articles: group.articles.map((article) => ({ ...outlineArticle(article), sections: outlineSections(article) })),
  }));
}
