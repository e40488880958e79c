import { articleText } from '../../core/articleText';
import { createHash } from 'node:crypto';
import { type ArticleRecord, articleRecord, restoreArticle } from '../../core/cache/articleRecord';
import type { Article, ArticleMeta } from '../../core/model';
import { tsvectorOf } from './tsvector';

/** An article as the archive stores it (one row of `sourcebook_articles` and its paragraphs). */
export interface ArticleRow {
  readonly id: string;
  readonly origin: string;
  readonly contentHash: string;
  readonly meta: ArticleMeta;
  readonly titles: readonly string[];
  readonly structure: Buffer;
  readonly textHash: number;
  readonly source: string;
  readonly sections: number;
  readonly passages: number;
  readonly paragraphs: readonly ParagraphRow[];
}

export interface ParagraphRow {
  /** The paragraph's number in the article, as in its passage id (`article#ord`). */
  readonly ord: number;
  readonly sectionIndex: number;
  readonly text: string;
  readonly tsv: string;
}

/** Where an archived article says it lives: not a file of this machine, but its place in the archive. */
export function archivePath(origin: string): string {
  return `archive:${origin}`;
}

/**
 * The row of a loaded article. The content hash covers the text, the
 * metadata and the structure: anything a reader would see differently, so a
 * re-ingest rewrites exactly the articles that changed.
 */
export function articleRow(article: Article, origin: string): ArticleRow {
  const record = articleRecord(article);
  const meta = { ...record.meta, id: article.id };
  const structure = Buffer.from(record.structure.buffer, record.structure.byteOffset, record.structure.byteLength);
  const paragraphs: ParagraphRow[] = [];
  let passages = 0;
  const { text, sections } = articleText(article);
  for (const section of sections) {
    for (const paragraph of section.paragraphs) {
      passages += paragraph.sentences.length;
      paragraphs.push({
        ord: paragraphs.length,
        sectionIndex: section.index,
        text: paragraph.text,
        tsv: tsvectorOf(paragraph.text),
      });
    }
  }
  const contentHash = createHash('sha256')
    .update(JSON.stringify([meta, record.titles]))
    .update(structure)
    .update(text)
    .digest('hex');
  return {
    id: article.id,
    origin,
    contentHash,
    meta,
    titles: record.titles,
    structure,
    textHash: record.hash,
    source: text,
    sections: article.sections.length,
    passages,
    paragraphs,
  };
}

/** The columns `articleFrom` needs, as a query returns them. */
export interface StoredArticle {
  readonly id: string;
  readonly origin: string;
  readonly meta: ArticleMeta;
  readonly titles: string[];
  readonly structure: Buffer;
  readonly text_hash: string | number;
  readonly source: string;
}

export const ARTICLE_COLUMNS = 'id, origin, meta, titles, structure, text_hash, source';

/** An archived article as the corpus's own restored articles are made: no parse, the structure read from its record. */
export function articleFrom(row: StoredArticle): Article {
  // Copied so the integers are aligned (a Buffer from the driver may start anywhere in a shared pool).
  const bytes = new Uint8Array(row.structure.byteLength);
  bytes.set(row.structure);
  const record: ArticleRecord = {
    meta: row.meta,
    titles: row.titles,
    structure: new Int32Array(bytes.buffer),
    length: row.source.length,
    hash: Number(row.text_hash),
  };
  return restoreArticle(record, {
    path: archivePath(row.origin),
    relativePath: row.origin,
    bundled: false,
    id: row.id,
    texts: { read: () => row.source },
  });
}
