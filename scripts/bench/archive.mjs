// The team archive's figures: ingest rate and search latency of PostgreSQL
// full-text search, on the BBC corpus and on a generated archive of
// 200,000 articles, each against a fresh PostgreSQL cluster with the
// server's durable defaults (scripts/host/postgres.mjs). Each measurement
// runs in a fresh Node process (out/bench/archiveProbe.js). Writes its own
// section of docs/benchmarks.md (between the `archive` markers) unless
// --no-write; `npm run bench` runs it after its own figures.
//
//   node scripts/bench/archive.mjs [--articles N] [--reps N] [--no-write]
//
// The generated archive is written as files by the large-corpus generator
// (BBC paragraphs reshuffled, no text copied into the repository) in a temp
// folder, ingested through the same code as `sourcebook archive ingest`,
// then removed; at 200,000 articles that is about 0.9 GB of files for a
// few minutes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { startPostgres } from '../host/postgres.mjs';
import { generateCorpus } from './generate.mjs';
import { QUERIES, typedPrefixes } from './queries.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BBC = process.env.SOURCEBOOK_BBC ?? path.resolve(ROOT, '../shared/corpora/bbc');
const PROBE = path.join(ROOT, 'out/bench/archiveProbe.js');

const { values: opts } = parseArgs({
  options: {
    articles: { type: 'string', default: '200000' },
    reps: { type: 'string', default: '3' },
    'no-write': { type: 'boolean', default: false },
  },
});
const log = (line) => process.stderr.write(`bench archive: ${line}\n`);

function probe(args, password) {
  const out = execFileSync(process.execPath, [PROBE, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PGPASSWORD: password },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Ingest (first and again, unchanged), then whole queries and every typed prefix of them. */
async function measure(label, dirs) {
  const server = await startPostgres({ durable: true });
  try {
    log(`${label}: ingest`);
    const ingest = probe(['ingest', server.url, ...dirs], server.password);
    log(`  ${Math.round(ingest.rate)} articles/s (${ingest.added} added in ${ingest.seconds.toFixed(1)} s)`);
    log(`${label}: ingest again (nothing changed)`);
    const again = probe(['ingest', server.url, ...dirs], server.password);
    log(`${label}: search, ${opts.reps} rounds of ${QUERIES.length} queries and their typed prefixes`);
    const whole = probe(['search', server.url, opts.reps, ...QUERIES], server.password);
    const typed = probe(['search', server.url, '1', ...typedPrefixes(QUERIES)], server.password);
    const summary = (times) => ({
      n: times.length,
      median: percentile(times, 50),
      p95: percentile(times, 95),
      max: Math.max(...times),
    });
    return {
      label,
      articles: ingest.added,
      ingest: { seconds: ingest.seconds, rate: ingest.rate, skipped: ingest.skipped },
      reingest: { seconds: again.seconds, rate: again.rate, unchanged: again.unchanged },
      search: summary(whole.times),
      typed: summary(typed.times),
      hits: whole.hits,
    };
  } finally {
    server.stop();
  }
}

function section(results) {
  const ms = (value) => `${value.toFixed(1)} ms`;
  const rows = results.runs.map(
    (run) =>
      `| ${run.label} | ${run.articles.toLocaleString('en')} | ${Math.round(run.ingest.rate).toLocaleString('en')}/s (${run.ingest.seconds.toFixed(1)} s) | ${Math.round(run.reingest.rate).toLocaleString('en')}/s | ${ms(run.search.median)} | ${ms(run.search.p95)} | ${ms(run.typed.p95)} |`,
  );
  return [
    '<!-- archive -->',
    '## Team archive (PostgreSQL)',
    '',
    `Measured by \`node scripts/bench/archive.mjs\` (run by \`npm run bench\`) on ${results.machine.cpus} × ${results.machine.cpu}, ` +
      `${Math.round(results.machine.memory / 2 ** 30)} GiB, ${results.machine.postgres}, a fresh cluster per corpus with the server's ` +
      `durable defaults, load average ${results.machine.load.map((l) => l.toFixed(2)).join(' ')} at the start. ` +
      'Ingest is `sourcebook archive ingest`’s code (parse, content hash, one transaction per 250 files); ' +
      '“again” is the same folders re-ingested unchanged. Search is `PostgresArchive.search` (GIN `@@`, `ts_rank_cd`, ' +
      '`ts_headline`, then the articles of the hits), 20 hits, over one connection.',
    '',
    '| corpus | articles | ingest | ingest again | search median | search p95 | typed prefixes p95 |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '<!-- /archive -->',
  ].join('\n');
}

async function main() {
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'scripts/bench/archiveProbe.ts')],
    outfile: PROBE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    loader: { '.csl': 'text' },
  });
  const version = execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
  const results = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memory: totalmem(),
      load: loadavg(),
      postgres: version,
    },
    runs: [],
  };
  results.runs.push(await measure('BBC', [BBC]));
  const count = Number(opts.articles);
  const dir = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-archive-'));
  try {
    log(`generating ${count} articles`);
    const started = Date.now();
    generateCorpus(BBC, dir, count);
    log(`  in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    results.runs.push(await measure(`generated ${count.toLocaleString('en')}`, [dir]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const text = section(results);
  process.stdout.write(`${text}\n`);
  if (!opts['no-write']) {
    const file = path.join(ROOT, 'docs/benchmarks.md');
    const doc = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const marked = /<!-- archive -->[\s\S]*<!-- \/archive -->/;
    writeFileSync(file, marked.test(doc) ? doc.replace(marked, text) : `${doc.trimEnd()}\n\n${text}\n`);
    log('wrote its section of docs/benchmarks.md');
  }
}

main().catch((error) => {
  process.stderr.write(`bench archive: FAILED: ${error.stack ?? error}\n`);
  process.exit(1);
});
