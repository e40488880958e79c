import { articleText } from '../../core/articleText';
import type { Pool } from 'pg';
import type { CorpusStats } from '../../core/corpus';
import type { Article, Paragraph, Topic } from '../../core/model';
import { type PassageHit, parseQuery } from '../../core/search';
import { paragraphHits } from '../../core/search/hits';
import type { CorpusSource, SourceHits, SourceSearchOptions } from '../../core/sources';
import { type ArchiveConnection, connectionMessage, openPool, redactedUrl } from './connection';
import { ARTICLE_COLUMNS, articleFrom, type StoredArticle } from './rows';
import { checkSchema } from './schema';
import { tsqueryOf } from './tsvector';

/** Paragraph candidates fetched beyond the hits wanted: a phrase or a sentence split can drop some. */
const EXTRA_CANDIDATES = 10;

/** A search hit from the archive, with PostgreSQL's `ts_headline` of its paragraph. */
export interface ArchiveHit extends PassageHit {
  readonly headline: string;
}

/**
 * A team archive in PostgreSQL as a corpus source. A search is one
 * full-text query (`@@` on the GIN index, ranked by `ts_rank_cd`, excerpted
 * by `ts_headline`) and one read of the articles its hits fall in; articles
 * are read by id only when asked. Nothing is cached here beyond the
 * connection pool: the archive is the truth, and others may ingest into it.
 */
export class PostgresArchive implements CorpusSource {
  readonly label: string;
  private checked: Promise<void> | undefined;

  private constructor(
    private readonly pool: Pool,
    url: string,
  ) {
    this.label = `archive ${redactedUrl(url)}`;
  }

  /** Opens a pool (connecting lazily); `ready()` checks that the archive is there. */
  static open(connection: ArchiveConnection): PostgresArchive {
    return new PostgresArchive(openPool(connection), connection.url);
  }

  /** Connects and checks the archive's tables; rejects with a sentence naming the archive (never its password). */
  ready(): Promise<void> {
    this.checked ??= (async () => {
      let client;
      try {
        client = await this.pool.connect();
      } catch (error) {
        throw new Error(connectionMessage(this.label.replace(/^archive /, ''), error), { cause: error });
      }
      try {
        await checkSchema(client);
      } finally {
        client.release();
      }
    })();
    return this.checked;
  }

  async search(query: string, options: SourceSearchOptions = {}): Promise<SourceHits> {
    await this.ready();
    const limit = options.limit ?? 20;
    const parsed = parseQuery(query, options.entities);
    const tsquery = tsqueryOf(parsed);
    if (tsquery === undefined) return { hits: [], articles: [] };
    const params: unknown[] = [tsquery, limit + EXTRA_CANDIDATES];
    if (options.articleId !== undefined) params.push(options.articleId);
    const { rows } = await this.pool.query<{ article_id: string; ord: number; rank: number; headline: string }>(
      `SELECT p.article_id, p.ord, ts_rank_cd(p.tsv, input.q) AS rank,
              ts_headline('simple', p.text, input.q, 'MaxWords=35, MinWords=12, StartSel=«, StopSel=»') AS headline
       FROM sourcebook_paragraphs p CROSS JOIN (SELECT $1::tsquery AS q) AS input
       WHERE p.tsv @@ input.q${options.articleId === undefined ? '' : ' AND p.article_id = $3'}
       ORDER BY rank DESC, p.article_id, p.ord
       LIMIT $2`,
      params,
    );
    const articles = new Map((await this.articlesById(rows.map((row) => row.article_id))).map((a) => [a.id, a]));
    const hits: ArchiveHit[] = [];
    for (const row of rows) {
      const article = articles.get(row.article_id);
      const located = article && paragraphAt(article, row.ord);
      if (!article || !located) continue;
      const doc = { articleId: article.id, sectionIndex: located.sectionIndex, paragraph: located.paragraph };
      for (const hit of paragraphHits(doc, row.rank, parsed, new Set())) hits.push({ ...hit, headline: row.headline });
    }
    const ranked = hits.sort((a, b) => b.score - a.score).slice(0, limit);
    const used = new Set(ranked.map((hit) => hit.articleId));
    return { hits: ranked, articles: [...articles.values()].filter((a) => used.has(a.id)) };
  }

  /** The articles of these ids, citation keys or URLs. */
  async articles(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    await this.ready();
    const { rows } = await this.pool.query<StoredArticle>(
      `SELECT ${ARTICLE_COLUMNS} FROM sourcebook_articles
       WHERE id = ANY($1) OR meta->>'citekey' = ANY($1) OR meta->>'url' = ANY($1)`,
      [[...new Set(ids)]],
    );
    return rows.map(articleFrom);
  }

  async allArticles(): Promise<Article[]> {
    await this.ready();
    const { rows } = await this.pool.query<StoredArticle>(
      `SELECT ${ARTICLE_COLUMNS} FROM sourcebook_articles ORDER BY id`,
    );
    return rows.map(articleFrom);
  }

  /** The topic list ingested from the folders' `topics.yaml`. */
  async topics(): Promise<Topic[]> {
    await this.ready();
    const { rows } = await this.pool.query<{ id: string; label: string; description: string | null }>(
      'SELECT id, label, description FROM sourcebook_topics ORDER BY id',
    );
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      ...(row.description ? { description: row.description } : {}),
    }));
  }

  async stats(): Promise<CorpusStats> {
    await this.ready();
    const { rows } = await this.pool.query<{ articles: string; sections: string | null; passages: string | null }>(
      'SELECT count(*) AS articles, sum(sections) AS sections, sum(passages) AS passages FROM sourcebook_articles',
    );
    // An aggregate without GROUP BY gives exactly one row.
    const row = rows[0] ?? { articles: '0', sections: null, passages: null };
    return { articles: Number(row.articles), sections: Number(row.sections ?? 0), passages: Number(row.passages ?? 0) };
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async articlesById(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<StoredArticle>(
      `SELECT ${ARTICLE_COLUMNS} FROM sourcebook_articles WHERE id = ANY($1)`,
      [[...new Set(ids)]],
    );
    return rows.map(articleFrom);
  }
}

/** The paragraph of an article by its number across sections (as passage ids count them). */
function paragraphAt(article: Article, ord: number): { sectionIndex: number; paragraph: Paragraph } | undefined {
  let seen = 0;
  for (const section of articleText(article).sections) {
    const local = ord - seen;
    const paragraph = section.paragraphs[local];
    if (paragraph) return { sectionIndex: section.index, paragraph };
    seen += section.paragraphs.length;
  }
  return undefined;
}
