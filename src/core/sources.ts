import { type Corpus, type CorpusStats } from './corpus';
import { entityIndexFor } from './entities';
import type { Article } from './model';
import { type EntityNames, type PassageHit, searchIndexFor } from './search';

/** What a search over a source may be narrowed to. */
export interface SourceSearchOptions {
  /** Most hits to return (default 20). */
  readonly limit?: number;
  /** Only passages of this article. */
  readonly articleId?: string;
  /** Entity names to expand in the query (the local entity index), when the source has none of its own. */
  readonly entities?: EntityNames;
}

/** Hits with the articles they come from, so a caller can cite them without asking again. */
export interface SourceHits {
  readonly hits: readonly PassageHit[];
  /** Every article a hit names. */
  readonly articles: readonly Article[];
}

/**
 * Where articles come from and how they are searched: the folders loaded in
 * memory (`localSource`) or a team archive in a database. Each call asks only
 * for what it names — a search, or a few articles by id — so an archive of
 * millions of articles is never read whole, except by `allArticles`, which
 * commands that list the corpus (topics, entities) use.
 */
export interface CorpusSource {
  /** Says where it is, for messages (never a password). */
  readonly label: string;
  /**
   * Ranked passages for a query with the local index's syntax: every word
   * must match, the last one as a prefix while typed, `"quoted phrases"` as
   * written, an entity name for all of its names.
   */
  search(query: string, options?: SourceSearchOptions): Promise<SourceHits>;
  /** The articles of these ids (or citation keys, or URLs) that the source holds; the others are left out. */
  articles(ids: readonly string[]): Promise<Article[]>;
  /** Every article the source holds. */
  allArticles(): Promise<Article[]>;
  stats(): Promise<CorpusStats>;
}

/** The loaded corpus as a source: searched through its passage index, articles by id, citation key or URL. */
export function localSource(corpus: Corpus, label = 'local folders'): CorpusSource {
  return {
    label,
    search(query, options = {}) {
      const hits = searchIndexFor(corpus).search(query, {
        limit: options.limit ?? 20,
        ...(options.articleId === undefined ? {} : { articleId: options.articleId }),
      });
      return Promise.resolve({ hits, articles: uniqueArticles(hits, (id) => corpus.article(id)) });
    },
    articles(ids) {
      const wanted = new Set(ids);
      const found = new Map<string, Article>();
      for (const id of ids) {
        const article = corpus.article(id);
        if (article) found.set(article.id, article);
      }
      for (const article of corpus.articles())
        if (article.url !== undefined && wanted.has(article.url)) found.set(article.id, article);
      return Promise.resolve([...found.values()]);
    },
    allArticles: () => Promise.resolve(corpus.articles()),
    stats: () => Promise.resolve(corpus.stats()),
  };
}

/** The local corpus's entity names, for expanding queries sent to a source without its own. */
export function localEntityNames(corpus: Corpus): EntityNames {
  return entityIndexFor(corpus);
}

/**
 * Searches several sources at once. One source keeps its own order and
 * scores; for several, the scores of different engines do not compare, so
 * the lists are fused by reciprocal rank (each hit scores the sum of
 * 1/(60 + rank) over the lists it is in), the usual way to merge rankings.
 * An article id met in an earlier source hides the same id in a later one:
 * local folders come first and override the archive.
 */
export async function searchSources(
  sources: readonly CorpusSource[],
  query: string,
  options: SourceSearchOptions = {},
): Promise<SourceHits> {
  const limit = options.limit ?? 20;
  const results = await Promise.all(sources.map((source) => source.search(query, { ...options, limit })));
  const [only] = results;
  if (only && results.length === 1) return only;
  const owner = new Map<string, number>();
  results.forEach((result, i) => {
    for (const article of result.articles) if (!owner.has(article.id)) owner.set(article.id, i);
  });
  const fused = new Map<string, { hit: PassageHit; score: number }>();
  results.forEach((result, i) => {
    result.hits.forEach((hit, rank) => {
      if (owner.get(hit.articleId) !== i) return;
      const entry = fused.get(hit.passageId) ?? { hit, score: 0 };
      entry.score += 1 / (60 + rank);
      fused.set(hit.passageId, entry);
    });
  });
  const hits = [...fused.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ hit, score }) => ({ ...hit, score }));
  const articles = new Map<string, Article>();
  for (const article of results.flatMap((result) => result.articles))
    if (!articles.has(article.id)) articles.set(article.id, article);
  return { hits, articles: uniqueArticles(hits, (id) => articles.get(id)) };
}

/**
 * The articles of these ids from the first source that holds each, in
 * source order (local folders before the archive). Asks each source only
 * for the ids the sources before it did not have.
 */
export async function articlesFromSources(
  sources: readonly CorpusSource[],
  ids: readonly string[],
): Promise<Article[]> {
  const found: Article[] = [];
  let missing = [...new Set(ids)];
  for (const source of sources) {
    if (missing.length === 0) break;
    const articles = await source.articles(missing);
    found.push(...articles.filter((article) => !found.some((other) => other.id === article.id)));
    const have = new Set(articles.flatMap((article) => [article.id, article.url ?? '', article.citekey ?? '']));
    missing = missing.filter((id) => !have.has(id));
  }
  return found;
}

function uniqueArticles(hits: readonly PassageHit[], article: (id: string) => Article | undefined): Article[] {
  const seen = new Map<string, Article>();
  for (const hit of hits) {
    const found = seen.has(hit.articleId) ? undefined : article(hit.articleId);
    if (found) seen.set(hit.articleId, found);
  }
  return [...seen.values()];
}
