// One measurement per process: `node --expose-gc out/bench/probe.js <figure> [args…]`
// prints one JSON line. A fresh process per figure keeps each heap figure
// honest (nothing left over from another measurement) and each cold start cold.
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { listArticleFiles } from '../../src/node/corpusFiles';
import { IndexedCorpus } from '../../src/node/corpusLoader';
import { fileKey } from '../../src/node/readFile';
import { IndexStore } from '../../src/node/indexCache';
import { answers } from './probeAnswers';
import { blocks } from './probeBlocks';
import { notes } from './probeNotes';
import { driftFigures } from './probeDrift';
import { extraFigures } from './probeFeatures';

type Result = Record<string, unknown>;

const MB = 1024 * 1024;

/** Heap in use once garbage is collected, with `keep` still referenced. */
function heapAfterGc(keep: unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  void keep;
  return process.memoryUsage().heapUsed / MB;
}

/** Wall-clock and CPU time (user + system) since a start mark: CPU time is steadier on a busy machine. */
function clock() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

function peakSampler() {
  let peak = 0;
  return {
    sample: () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed / MB);
    },
    get peak() {
      return peak;
    },
  };
}

/** Loads a corpus through the persisted index in `storeDir`, as the extension does, and writes the index. */
async function index(root: string, storeDir: string): Promise<Result> {
  const store = new IndexStore(storeDir, 'bench');
  const heap = peakSampler();
  const elapsed = clock();
  const { indexed, stats } = await IndexedCorpus.load({ folders: [{ root }], store, onProgress: heap.sample });
  const { ms, cpuMs } = elapsed();
  const materializing = clock();
  const corpusStats = indexed.corpus.stats(); // every sentence made from the parsed structure
  const materialized = materializing();
  const persisting = clock();
  indexed.persist();
  const persist = persisting();
  heap.sample();
  return {
    ms,
    cpuMs,
    materializeMs: materialized.ms,
    persistMs: persist.ms,
    ...stats,
    ...corpusStats,
    heapMB: heapAfterGc(indexed),
    peakHeapMB: heap.peak,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Warm start, then every sentence made (what building a search index over the corpus asks of it). */
async function warm(root: string, storeDir: string): Promise<Result> {
  const store = new IndexStore(storeDir, 'bench');
  const elapsed = clock();
  const { indexed, stats } = await IndexedCorpus.load({ folders: [{ root }], store });
  const { ms, cpuMs } = elapsed();
  const heapMB = heapAfterGc(indexed);
  const materializing = clock();
  const corpusStats = indexed.corpus.stats(); // reads every text and makes every sentence
  const materialized = materializing();
  return {
    ms,
    cpuMs,
    materializeMs: materialized.ms,
    materializeCpuMs: materialized.cpuMs,
    ...stats,
    ...corpusStats,
    heapMB,
    materializedHeapMB: heapAfterGc(indexed),
  };
}

/** What every start that notices changed files must do, and no more: list the files and look at each one's size and time. */
function scan(root: string): Result {
  const elapsed = clock();
  const files = listArticleFiles([{ root }]);
  for (const file of files) fileKey(file);
  return { ...elapsed(), files: files.length };
}

/** The alternative: read every file and run a bare remark-parse over it, nothing kept. */
function remark(root: string): Result {
  const processor = unified().use(remarkParse);
  const elapsed = clock();
  let nodes = 0;
  const files = listArticleFiles([{ root }]);
  for (const file of files) nodes += processor.parse(readFileSync(file.path, 'utf8')).children.length;
  return { ...elapsed(), files: files.length, nodes, heapMB: heapAfterGc(undefined) };
}

const figures: Record<string, (...args: string[]) => Result | Promise<Result>> = {
  index: (root, store) => index(root, store),
  warm: (root, store) => warm(root, store),
  remark: (root) => remark(root),
  scan: (root) => scan(root),
  answers: (root, cache) => answers(root, cache),
  blocks: (root) => blocks(root),
  notes: (root) => notes(root),
  ...extraFigures,
  ...driftFigures,
};

const [name, ...args] = process.argv.slice(2);
const figure = name && figures[name];
if (!figure) {
  process.stderr.write(`unknown figure ${name}; known: ${Object.keys(figures).join(', ')}\n`);
  process.exit(2);
}
Promise.resolve(figure(...args)).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
