// One archive measurement in a fresh process (bundled by scripts/bench/archive.mjs):
//   node archiveProbe.js ingest URL DIR…     → the ingest report of DIR… (JSON)
//   node archiveProbe.js search URL REPS Q…  → per-query latencies of PostgresArchive.search (JSON)
// The password comes from PGPASSWORD, as for the CLI.
import { performance } from 'node:perf_hooks';
import { PostgresArchive } from '../../src/node/archive/archive';
import { openPool } from '../../src/node/archive/connection';
import { ingestFolders } from '../../src/node/archive/ingest';

async function main(): Promise<void> {
  const [mode, url, ...rest] = process.argv.slice(2);
  if (!url) throw new Error('usage: archiveProbe ingest|search URL …');
  if (mode === 'ingest') {
    const pool = openPool({ url });
    try {
      const report = await ingestFolders(pool, rest);
      process.stdout.write(`${JSON.stringify({ ...report, clashes: report.clashes.length })}\n`);
    } finally {
      await pool.end();
    }
    return;
  }
  if (mode === 'search') {
    const [reps, ...queries] = rest;
    const archive = PostgresArchive.open({ url });
    try {
      await archive.search('warm up the connection');
      const times: number[] = [];
      const hits: Record<string, number> = {};
      for (let rep = 0; rep < Number(reps); rep++) {
        for (const query of queries) {
          const started = performance.now();
          const found = await archive.search(query, { limit: 20 });
          times.push(performance.now() - started);
          hits[query] = found.hits.length;
        }
      }
      process.stdout.write(`${JSON.stringify({ times, hits })}\n`);
    } finally {
      await archive.close();
    }
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`archiveProbe: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
