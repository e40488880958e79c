import { Pool, type PoolConfig } from 'pg';
import { isArchiveUrl, redactedUrl } from './url';

export { isArchiveUrl, redactedUrl } from './url';

/** How to reach an archive: its URL, and a password kept apart from it (the editor's SecretStorage). */
export interface ArchiveConnection {
  /** `postgres://user@host:port/database`; a password in it is used, but never shown. */
  readonly url: string;
  readonly password?: string;
  /** Connections kept open at most (default 4: a CLI process or an editor needs few). */
  readonly maxConnections?: number;
}

/**
 * A pool over the pure-JavaScript `pg` client (no libpq, no native module:
 * it runs in VS Code's extension host as in the CLI). Without a password in
 * the URL or given, `pg` reads `PGPASSWORD` or `~/.pgpass` as psql does.
 */
export function openPool(connection: ArchiveConnection): Pool {
  if (!isArchiveUrl(connection.url))
    throw new Error(
      `not a PostgreSQL URL: ${redactedUrl(connection.url)} (expected postgres://user@host:port/database)`,
    );
  const config: PoolConfig = {
    connectionString: withPassword(connection.url, connection.password),
    max: connection.maxConnections ?? 4,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
    // A query the archive cannot answer quickly is an error, never a hang of the editor.
    statement_timeout: 30_000,
    application_name: 'sourcebook',
  };
  const pool = new Pool(config);
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/**
 * The URL with the password in it: `pg` lets the connection string's fields
 * override separate options, so a password given apart from a URL without
 * one would be dropped.
 */
function withPassword(url: string, password: string | undefined): string {
  if (password === undefined || password === '') return url;
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

/** A connection error as a sentence, naming the archive without its password. */
export function connectionMessage(url: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `the archive at ${redactedUrl(url)} could not be reached: ${message}`;
}
