import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type TestPostgres } from '../../scripts/host/postgres.mjs';

/**
 * A real PostgreSQL for the tests of one file: a throwaway cluster started
 * before them and removed after (scripts/host/postgres.mjs, which installs
 * the server when it is missing). No server is a failure, never a skip.
 * Returns a getter, valid inside the tests.
 */
export function usePostgres(): () => TestPostgres {
  let server: TestPostgres | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());
  return () => {
    if (!server) throw new Error('the test PostgreSQL server did not start');
    return server;
  };
}
