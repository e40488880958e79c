// `npm run bench`: measures every figure of the product's performance section
// on this machine, each in a fresh Node process (or a fresh VS Code host),
// beside the alternative a user has, and writes docs/benchmarks.md.
//
//   node scripts/bench/run.mjs [--reps N] [--articles N] [--skip-host] [--skip-large] [--scale] [--no-write]
//                              [--skip-archive] [--archive-articles N]
//
// A run that skips figures prints them but leaves docs/benchmarks.md alone
// unless --write is given.
import { execFileSync, spawnSync } from 'node:child_process';
import { keepSizesSection } from '../package/sizesSection.mjs';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { cliFigures, stagedCli } from './cli.mjs';
import { generateCorpus } from './generate.mjs';
import { hostileFigures } from './hostile.mjs';
import { QUERIES, typedPrefixes } from './queries.mjs';
import { renderReport } from './report.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BBC = process.env.SOURCEBOOK_BBC ?? path.resolve(ROOT, '../shared/corpora/bbc');
const PROBE = path.join(ROOT, 'out/bench/probe.js');
const HOST_MODULE = path.join(ROOT, 'out/bench/host/activation.js');
const HOST_BLOCKS_MODULE = path.join(ROOT, 'out/bench/host/loadBlocks.js');

const { values: opts } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    articles: { type: 'string', default: '20000' },
    'skip-host': { type: 'boolean', default: false },
    'skip-large': { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    'scale-articles': { type: 'string', default: '100000' },
    write: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'skip-archive': { type: 'boolean', default: false },
    'archive-articles': { type: 'string', default: '200000' },
  },
});
const reps = Number(opts.reps);
const partial = opts['skip-host'] || opts['skip-large'];
const write = opts.write || (!partial && !opts['no-write']);

function log(line) {
  process.stderr.write(`bench: ${line}\n`);
}

/**
 * Builds the benchmark probes, and the extension as users get it (minified,
 * as `npm run package` does) into a staging folder laid out like the
 * installed extension, so the host measures that build and the working
 * tree's dist/ is left alone.
 */
async function build(staging) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    loader: { '.csl': 'text' },
    external: ['vscode'],
    // As scripts/build.mjs: jsonc-parser's UMD build requires its parts at run time, which a bundle cannot resolve.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  };
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'scripts/bench/probe.ts')], outfile: PROBE });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'scripts/bench/host/activation.ts')],
    outfile: HOST_MODULE,
  });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'scripts/bench/host/loadBlocks.ts')],
    outfile: HOST_BLOCKS_MODULE,
  });
  // The production build the packages ship (extension, CLI, parse worker, citation stack), as `npm run package` makes it.
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts/build.mjs'), '--production', '--out', path.join(staging, 'dist')],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  for (const item of ['package.json', 'corpus', 'media'])
    cpSync(path.join(ROOT, item), path.join(staging, item), { recursive: true });
}

/** The sentence and entity accuracy figures of `npm run accuracy`, which also writes docs/accuracy.md. */
function accuracy() {
  const args = [path.join(ROOT, 'scripts/accuracy/run.mjs'), '--json', ...(write ? [] : ['--no-write'])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`accuracy run failed:\n${run.stderr}`);
  const { sentences, entities } = JSON.parse(run.stdout);
  return {
    sentences: sentences.map(({ misses: _, ...rest }) => rest),
    entities: entities.map(({ falseHits: _f, misses: _m, kindErrors: _k, ...rest }) => rest),
  };
}

/** The parse worker of the staged extension, once built. */
let parseWorker;

/** Runs one figure in a fresh process and returns its JSON. */
function probe(...args) {
  const result = spawnSync(process.execPath, ['--expose-gc', PROBE, ...args], {
    cwd: ROOT,
    // The staged extension's parse worker, for the figures that use workers as the editor does.
    env: { ...process.env, ...(parseWorker ? { SOURCEBOOK_PARSE_WORKER: parseWorker } : {}) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`probe ${args.join(' ')} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

/** Runs a figure `n` times, each in a fresh process, and keeps every run. */
function repeated(n, run) {
  return Array.from({ length: n }, (_, i) => {
    const value = run(i);
    log(`  run ${i + 1}/${n}: ${JSON.stringify(value)}`);
    return value;
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const pick = (runs, key) => median(runs.map((run) => run[key]));

/** Cold index (fresh persisted-index folder per run), warm start (from the last one) and a bare remark pass. */
function indexing(root) {
  const store = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-index-'));
  try {
    const cold = repeated(reps, () => {
      rmSync(store, { recursive: true, force: true });
      return probe('index', root, store);
    });
    const warm = repeated(reps, () => probe('warm', root, store));
    const remark = repeated(reps, () => probe('remark', root));
    const scan = repeated(reps, () => probe('scan', root));
    return { cold, warm, remark, scan };
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

/** Start to the first search and the first card: cold (empty cache each run), then warm from the last cold run's cache. */
function answersFigures(root, n = reps) {
  const cache = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-answers-'));
  try {
    const cold = repeated(n, () => {
      rmSync(cache, { recursive: true, force: true });
      return probe('answers', root, cache);
    });
    const warm = repeated(n, () => probe('answers', root, cache));
    return { cold, warm };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** ripgrep over the same files, the same typed queries: one process per query, as a user's search would be. */
function ripgrep(root) {
  const times = [];
  for (const query of typedPrefixes(QUERIES)) {
    const started = performance.now();
    const result = spawnSync('rg', ['-i', '-F', '-c', '--no-messages', query, root], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    times.push(performance.now() - started);
    if (result.status === 2) throw new Error(`rg failed: ${result.stderr}`);
  }
  const readAll = repeated(reps, () => {
    const started = performance.now();
    spawnSync('rg', ['-c', '--no-messages', '.', root], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return { ms: performance.now() - started };
  });
  const sorted = times.sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1), n: sorted.length, readAllMs: pick(readAll, 'ms') };
}

/**
 * Starts the host several times: twice with a fresh profile, then once more
 * than `reps` on one shared profile, whose first start persists the corpus
 * index the later ones start from. A run tells itself which it was: how many
 * files came from a persisted index.
 */
async function activation(extensionPath) {
  const { runInHost } = await import('./host.mjs');
  const profile = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-profile-'));
  try {
    const runs = [];
    for (let i = 0; i < reps + 3; i++) {
      const run = await runInHost(HOST_MODULE, { extensionPath, ...(i < 2 ? {} : { userDataDir: profile }) });
      log(`  host run ${i + 1}: ${JSON.stringify(run)}`);
      runs.push(run);
    }
    return runs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The longest block of the extension host's thread while a real VS Code loads `folder` (and 20 s after). */
async function hostBlocks(extensionPath, folder) {
  const { runInHost } = await import('./host.mjs');
  const run = await runInHost(HOST_BLOCKS_MODULE, {
    extensionPath,
    env: { SOURCEBOOK_BENCH_CORPUS: folder },
    timeoutMs: 900_000,
  });
  log(`  ${JSON.stringify(run)}`);
  return run;
}

function machine() {
  const os = existsSync('/etc/os-release')
    ? /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]
    : process.platform;
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'not installed';
  return {
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: totalmem() / 1024 ** 3,
    node: process.version,
    os,
    rg,
    loadBefore: loadavg(),
  };
}

async function main() {
  if (!existsSync(BBC)) throw new Error(`the BBC corpus is not at ${BBC} (set SOURCEBOOK_BBC)`);
  if (spawnSync('rg', ['--version']).status !== 0)
    throw new Error('ripgrep (rg) is not installed: apt-get install -y ripgrep');
  const results = { machine: machine(), started: new Date().toISOString(), reps };
  log('building');
  const staging = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-extension-'));
  await build(staging);
  parseWorker = path.join(staging, 'dist/parseWorker.js');
  log('BBC: the CLI as a whole process, and ripgrep');
  results.cli = cliFigures(stagedCli(staging), BBC, Math.max(reps, 3), log);
  log('hostile input: pathological files, one CLI process each');
  results.hostile = hostileFigures(path.join(staging, 'dist/cli.js'), log);
  log('BBC: cold index, warm start, bare remark-parse');
  results.bbc = indexing(BBC);
  if (!opts['skip-large']) {
    const count = Number(opts.articles);
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-large-'));
    try {
      log(`generating ${count} articles`);
      results.large = { corpus: generateCorpus(BBC, dir, count), ...indexing(dir) };
      log('longest block of the event loop during the large load');
      results.large.blocks = probe('blocks', dir);
      if (!opts['skip-host']) {
        log('longest block of the extension host during the large load, in VS Code');
        results.hostBlocks = { ...results.hostBlocks, large: await hostBlocks(staging, dir) };
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  log('BBC: start to the first search and card, cold and warm');
  results.answers = answersFigures(BBC);
  if (opts.scale) {
    const count = Number(opts['scale-articles']);
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-scale-'));
    const store = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-scale-index-'));
    try {
      log(`scale: generating ${count} articles in ${dir}`);
      const corpus = generateCorpus(BBC, dir, count);
      log('scale: cold index, warm start (one run each)');
      const cold = probe('index', dir, store);
      log(`  ${JSON.stringify(cold)}`);
      const warm = probe('warm', dir, store);
      log(`  ${JSON.stringify(warm)}`);
      log('scale: first answers, cold then warm, and search as the user types');
      const answers = answersFigures(dir, 1);
      results.scale = { corpus, cold, warm, answers, ripgrep: ripgrep(dir) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(store, { recursive: true, force: true });
    }
  }
  log('search as you type, and ripgrep');
  results.search = probe('search', BBC);
  results.ripgrep = ripgrep(BBC);
  log('hover');
  results.hoverNote = probe('hover', BBC, 'note');
  results.hoverLine = probe('hover', BBC, 'long-line');
  log('quote integrity');
  results.integrity = probe('integrity', BBC);
  log('re-anchoring after the sources changed, and the number check');
  results.reanchoring = probe('reanchoring', BBC);
  results.numbers = probe('numbers', BBC);
  log('notes of 20 MB, a 100 KB line and 100,000 quotes');
  results.notes = probe('notes', BBC);
  log('language accuracy (npm run accuracy)');
  results.accuracy = accuracy();
  if (!opts['skip-host']) {
    log('activation in the VS Code host');
    results.activation = await activation(staging);
    log('longest block of the extension host during a BBC load, in VS Code');
    results.hostBlocks = { ...results.hostBlocks, bbc: await hostBlocks(staging, BBC) };
  }
  rmSync(staging, { recursive: true, force: true });
  results.machine.loadAfter = loadavg();
  results.finished = new Date().toISOString();
  const report = renderReport(results, { median: pick });
  process.stdout.write(`${report}\n`);
  if (write) {
    const file = path.join(ROOT, 'docs/benchmarks.md');
    // The package sizes section is scripts/package/sizes.mjs's; keep it.
    writeFileSync(file, keepSizesSection(existsSync(file) ? readFileSync(file, 'utf8') : '', report));
    writeFileSync(path.join(ROOT, 'docs/benchmarks.json'), `${JSON.stringify(results, null, 2)}\n`);
    log('wrote docs/benchmarks.md and docs/benchmarks.json');
  }
  // The HTML and PDF readers' figures: their own script, which keeps its own section of docs/benchmarks.md.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/bench/readers.mjs'), ...(write ? [] : ['--no-write'])], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

main()
  .then(() => {
    // The team archive's figures (PostgreSQL): their own script and section, as the readers'.
    if (opts['skip-archive']) return;
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'scripts/bench/archive.mjs'),
        '--articles',
        opts['archive-articles'],
        ...(write ? [] : ['--no-write']),
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  })
  .catch((error) => {
    process.stderr.write(`bench: FAILED: ${error.stack ?? error}\n`);
    process.exit(1);
  });
