// Whole-process CLI figures: what a user (or a CI job) waits for from typing
// `sourcebook …` to the answer, with the CLI bundled as `npm run package`
// ships it, beside ripgrep over the same files in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { QUERIES } from './queries.mjs';

/** The CLI as the package ships it (`staging/dist/cli.js`, built by `build` in run.mjs), checked to be there. */
export function stagedCli(staging) {
  const cli = path.join(staging, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error(`the staged CLI is missing: ${cli}`);
  return cli;
}

function timed(command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0 && command !== 'rg')
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return ms;
}

const percentile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};

/**
 * Cold `index` (an empty cache folder each run, so the cache is written too),
 * `index --no-cache`, `search` with a warm cache (each query a new process),
 * `search --no-cache` (what every search cost before the cache), and
 * `rg -i -F -c` per query.
 */
export function cliFigures(cli, corpus, reps, log) {
  const cache = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-cli-'));
  try {
    const cold = [];
    for (let i = 0; i < reps; i++) {
      rmSync(cache, { recursive: true, force: true });
      cold.push(timed(process.execPath, [cli, 'index', '--corpus', corpus, '--cache', cache]));
    }
    const coldNoCache = Array.from({ length: reps }, () =>
      timed(process.execPath, [cli, 'index', '--corpus', corpus, '--no-cache']),
    );
    log(
      `  cold index: ${cold.map(Math.round).join(', ')} ms; --no-cache: ${coldNoCache.map(Math.round).join(', ')} ms`,
    );
    const primeMs = timed(process.execPath, [cli, 'search', 'oil', '--corpus', corpus, '--cache', cache]);
    const warm = [];
    for (let i = 0; i < reps; i++)
      for (const query of QUERIES)
        warm.push(timed(process.execPath, [cli, 'search', query, '--corpus', corpus, '--cache', cache]));
    const noCacheMs = timed(process.execPath, [cli, 'search', QUERIES[0], '--corpus', corpus, '--no-cache']);
    const rg = [];
    for (let i = 0; i < reps; i++)
      for (const query of QUERIES) rg.push(timed('rg', ['-i', '-F', '-c', '--no-messages', query, corpus]));
    log(
      `  warm search p50 ${Math.round(percentile(warm, 0.5))} ms; first search (builds the cache) ${Math.round(primeMs)} ms`,
    );
    return {
      coldIndexMs: percentile(cold, 0.5),
      coldIndexNoCacheMs: percentile(coldNoCache, 0.5),
      primeSearchMs: primeMs,
      warmSearchP50: percentile(warm, 0.5),
      warmSearchP95: percentile(warm, 0.95),
      searchNoCacheMs: noCacheMs,
      rgP50: percentile(rg, 0.5),
      queries: warm.length,
    };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
