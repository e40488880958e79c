import { basename, sep } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import type { FileProblem } from '../../core/model';
import type { CorpusFolder } from '../corpusFolder';
import { emptyCorpus, listArticleFiles, loadFile, prefetchExtracted, readTopicLists } from '../corpusFiles';
import { type ArticleRow, articleRow } from './rows';
import { ensureSchema } from './schema';

export interface IngestOptions {
  /** Files read per transaction (default 250). */
  readonly batchSize?: number;
  readonly onProblem?: (problem: FileProblem) => void;
  /** Called after each batch with the files done so far. */
  readonly onProgress?: (done: number) => void;
}

/** What an ingest did. Nothing is ever deleted: an article absent from the folders stays in the archive. */
export interface IngestReport {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Files whose article id another file of the archive holds: not ingested, reported. */
  readonly clashes: readonly FileProblem[];
  readonly skipped: number;
  readonly seconds: number;
  /** Articles read and compared per second (added, updated or unchanged). */
  readonly rate: number;
}

/**
 * Loads the articles of the folders into the archive, as the corpus loads
 * them (same parsing, same ids, same skipped files). Idempotent: an article
 * whose content hash is the archive's is left alone, a changed one is
 * rewritten with its paragraphs in one transaction, and no article is
 * removed. An id held by a file of another origin (folder name and path) is
 * a clash: reported and left out, so one file never overwrites another's
 * article.
 */
export async function ingestFolders(
  pool: Pool,
  roots: readonly string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const started = performance.now();
  const folders: CorpusFolder[] = roots.map((root) => ({ root }));
  const client = await pool.connect();
  const counts = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  const clashes: FileProblem[] = [];
  const onProblem = (problem: FileProblem) => {
    if (problem.outcome === 'skipped') counts.skipped++;
    options.onProblem?.(problem);
  };
  try {
    await ensureSchema(client);
    await storeTopics(client, readTopicLists(folders));
    await prefetchExtracted(folders);
    const corpus = emptyCorpus(folders, onProblem);
    const skip = (path: string, reason: string) => onProblem({ path, outcome: 'skipped', reason });
    const batchSize = options.batchSize ?? 250;
    let batch: { path: string; origin: string }[] = [];
    let done = 0;
    const flush = async () => {
      const rows = batch.flatMap(({ path, origin }) => {
        const article = corpus.articleAt(path);
        return article ? [articleRow(article, origin)] : [];
      });
      const outcome = await storeBatch(client, rows);
      counts.added += outcome.added;
      counts.updated += outcome.updated;
      counts.unchanged += outcome.unchanged;
      for (const row of outcome.clashes) {
        const path = batch.find((file) => file.origin === row.origin)?.path ?? row.origin;
        clashes.push({
          path,
          outcome: 'skipped',
          reason: `id "${row.id}" is already in the archive from ${row.heldBy}; this file was not ingested`,
        });
      }
      // The batch is in the archive: its articles need not stay in memory.
      for (const file of batch) corpus.removeFile(file.path);
      done += batch.length;
      options.onProgress?.(done);
      batch = [];
    };
    for (const file of listArticleFiles(folders, undefined, undefined, skip)) {
      const problem = loadFile(corpus, file);
      if (problem) onProblem(problem);
      const folder = folders.find((f) => file.path.startsWith(f.root + sep)) ?? folders[0];
      batch.push({ path: file.path, origin: `${basename(folder?.root ?? '')}/${file.relativePath}` });
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    await client.query('ANALYZE sourcebook_articles; ANALYZE sourcebook_paragraphs');
  } finally {
    client.release();
  }
  for (const clash of clashes) options.onProblem?.(clash);
  const seconds = (performance.now() - started) / 1000;
  const read = counts.added + counts.updated + counts.unchanged;
  return { ...counts, clashes, seconds, rate: seconds > 0 ? read / seconds : read };
}

async function storeTopics(client: PoolClient, topics: readonly { id: string; label: string; description?: string }[]) {
  for (const topic of topics)
    await client.query(
      `INSERT INTO sourcebook_topics (id, label, description) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, description = EXCLUDED.description`,
      [topic.id, topic.label, topic.description ?? null],
    );
}

interface BatchOutcome {
  added: number;
  updated: number;
  unchanged: number;
  clashes: { id: string; origin: string; heldBy: string }[];
}

/** Writes the new and changed articles of a batch in one transaction. */
async function storeBatch(client: PoolClient, rows: readonly ArticleRow[]): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { added: 0, updated: 0, unchanged: 0, clashes: [] };
  if (rows.length === 0) return outcome;
  await client.query('BEGIN');
  try {
    // Locked, so that two ingests of the same article at once write it one after the other.
    const { rows: held } = await client.query<{ id: string; origin: string; content_hash: string }>(
      'SELECT id, origin, content_hash FROM sourcebook_articles WHERE id = ANY($1) FOR UPDATE',
      [rows.map((row) => row.id)],
    );
    const existing = new Map(held.map((row) => [row.id, row]));
    const write: ArticleRow[] = [];
    for (const row of rows) {
      const before = existing.get(row.id);
      if (!before) {
        outcome.added++;
        write.push(row);
      } else if (before.origin !== row.origin)
        outcome.clashes.push({ id: row.id, origin: row.origin, heldBy: before.origin });
      else if (before.content_hash === row.contentHash) outcome.unchanged++;
      else {
        outcome.updated++;
        write.push(row);
      }
    }
    if (write.length > 0) await writeRows(client, write);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return outcome;
}

/** Upserts articles and replaces their paragraphs: a few statements per batch, arrays unnested by the server. */
async function writeRows(client: PoolClient, rows: readonly ArticleRow[]): Promise<void> {
  await client.query(
    `INSERT INTO sourcebook_articles (id, origin, content_hash, meta, titles, structure, text_hash, source, sections, passages)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::bytea[], $7::bigint[], $8::text[], $9::int[], $10::int[])
     ON CONFLICT (id) DO UPDATE SET content_hash = EXCLUDED.content_hash, meta = EXCLUDED.meta, titles = EXCLUDED.titles,
       structure = EXCLUDED.structure, text_hash = EXCLUDED.text_hash, source = EXCLUDED.source,
       sections = EXCLUDED.sections, passages = EXCLUDED.passages, ingested_at = now()`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.origin),
      rows.map((r) => r.contentHash),
      rows.map((r) => JSON.stringify(r.meta)),
      rows.map((r) => JSON.stringify(r.titles)),
      rows.map((r) => r.structure),
      rows.map((r) => r.textHash),
      rows.map((r) => r.source),
      rows.map((r) => r.sections),
      rows.map((r) => r.passages),
    ],
  );
  const ids = rows.map((r) => r.id);
  await client.query('DELETE FROM sourcebook_paragraphs WHERE article_id = ANY($1)', [ids]);
  const paragraphs = rows.flatMap((r) => r.paragraphs.map((p) => ({ id: r.id, ...p })));
  await client.query(
    `INSERT INTO sourcebook_paragraphs (article_id, ord, section_index, text, tsv)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::tsvector[])`,
    [
      paragraphs.map((p) => p.id),
      paragraphs.map((p) => p.ord),
      paragraphs.map((p) => p.sectionIndex),
      paragraphs.map((p) => p.text),
      paragraphs.map((p) => p.tsv),
    ],
  );
}
