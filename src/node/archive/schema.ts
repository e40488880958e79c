import type { ClientBase } from 'pg';

/** Bumped when the tables change shape; an archive of another version is refused, not guessed at. */
export const SCHEMA_VERSION = 1;

/**
 * The archive's tables. `sourcebook_articles` holds each article as the
 * corpus index records it (metadata, structure as offsets, the text), keyed
 * by its id, with the content hash that tells a re-ingest whether it changed
 * and `origin` (folder name and path inside it) so two files claiming one id
 * never overwrite each other. `sourcebook_paragraphs` holds the searched
 * documents, one row per paragraph as in the local index, with a `tsvector`
 * of the local index's own terms (see `tsvector.ts`) under a GIN index.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS sourcebook_schema (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS sourcebook_articles (
  id text PRIMARY KEY,
  origin text NOT NULL,
  content_hash text NOT NULL,
  meta jsonb NOT NULL,
  titles jsonb NOT NULL,
  structure bytea NOT NULL,
  text_hash bigint NOT NULL,
  source text NOT NULL,
  sections integer NOT NULL,
  passages integer NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS sourcebook_articles_url ON sourcebook_articles ((meta->>'url'));
CREATE INDEX IF NOT EXISTS sourcebook_articles_citekey ON sourcebook_articles ((meta->>'citekey'));
CREATE TABLE IF NOT EXISTS sourcebook_paragraphs (
  article_id text NOT NULL REFERENCES sourcebook_articles (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  section_index integer NOT NULL,
  text text NOT NULL,
  tsv tsvector NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE TABLE IF NOT EXISTS sourcebook_topics (id text PRIMARY KEY, label text NOT NULL, description text);
CREATE INDEX IF NOT EXISTS sourcebook_paragraphs_tsv ON sourcebook_paragraphs USING GIN (tsv);
`;

/** Creates the tables if they are missing (under an advisory lock, so two ingests starting at once do not race). */
export async function ensureSchema(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_lock(7414014)');
  try {
    await client.query(DDL);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM sourcebook_schema');
    const [stored] = rows;
    if (!stored) await client.query('INSERT INTO sourcebook_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
    else if (stored.version !== SCHEMA_VERSION)
      throw new Error(
        `the archive's tables are version ${stored.version}; this Sourcebook reads version ${SCHEMA_VERSION}`,
      );
  } finally {
    await client.query('SELECT pg_advisory_unlock(7414014)');
  }
}

/** Whether the archive's tables exist (a reader never creates them). */
export async function checkSchema(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('sourcebook_schema') IS NOT NULL AS exists",
  );
  if (!rows[0]?.exists)
    throw new Error('the database holds no Sourcebook archive yet (run `sourcebook archive ingest`)');
  const version = await client.query<{ version: number }>('SELECT version FROM sourcebook_schema');
  if (version.rows[0]?.version !== SCHEMA_VERSION)
    throw new Error(
      `the archive's tables are version ${version.rows[0]?.version}; this Sourcebook reads version ${SCHEMA_VERSION}`,
    );
}
