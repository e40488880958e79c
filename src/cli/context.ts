import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Corpus } from '../core/corpus';
import { existingEntityIndex, provideEntitySnapshot } from '../core/entities';
import type { FileProblem } from '../core/model';
import { existingSearchIndex, provideSearchSnapshot } from '../core/search';
import { defaultCacheDir } from '../node/cacheDir';
import { type CorpusCaches, cachesIn } from '../node/caches';
import { loadCorpus } from '../node/corpusFiles';
import type { CorpusFolder } from '../node/corpusFolder';
import { IndexedCorpus } from '../node/corpusLoader';
import { parsedHereWhen, plainTextOrBundled } from '../node/fileIndexing';
import { entitySnapshotOf } from '../node/entityStore';
import { type LoadedLibrary, readLibraries } from '../node/library';
import { corpusKey } from '../node/searchStore';
import { parseWorkerScript, WorkerParser } from '../node/workers/parsePool';
import { corpusView } from '../core/corpusView';
import { type CorpusSource, localSource } from '../core/sources';
import type { CliOptions } from './args';
import { type ArchiveHandle, lazyArchive } from './lazyArchive';

/** What a subcommand is handed: its options, the corpus (loaded before it runs) and where to write. */
export interface CliContext {
  readonly options: CliOptions;
  readonly folders: readonly CorpusFolder[];
  readonly corpus: () => Corpus;
  /** Files skipped or read best-effort while loading. */
  readonly problems: () => readonly FileProblem[];
  readonly out: (text: string) => void;
  /** The team archive of `--db`, when given (absent in a context made by hand: no archive). */
  readonly archive?: () => ArchiveHandle | undefined;
  /** Where articles come from: the local folders (when there are any), then the archive. */
  readonly sources?: () => CorpusSource[];
}

/** The context's sources: the loaded corpus alone when it names none. */
export function sourcesOf(context: CliContext): CorpusSource[] {
  return context.sources?.() ?? [localSource(context.corpus())];
}

/** A context with the load before a command and the cache writes after it. */
export interface LoadingContext extends CliContext {
  /** Loads the corpus (through the persisted indexes unless `--no-cache`). */
  load(): Promise<void>;
  /** Writes what the command built or changed back to the cache; a cache that cannot be written is only warned about. */
  persist(warn: (text: string) => void): void;
  /** Closes the archive's connections, if any were opened. */
  close(): Promise<void>;
}

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Set for a command that reads no local corpus (`archive ingest`): nothing is loaded before it runs. */
  readonly standalone?: true;
  /** Returns the process exit code. */
  run(context: CliContext): number | Promise<number>;
}

/**
 * The loaded corpus and, with `--db`, every article of the archive: for the
 * commands that show the whole corpus (`topics`, `entities`), which read the
 * archive in full.
 */
export async function wholeCorpus(context: CliContext): Promise<Corpus> {
  const archive = context.archive?.();
  if (!archive) return context.corpus();
  const [articles, topics] = await Promise.all([archive.allArticles(), archive.topics()]);
  return corpusView(context.corpus(), articles, topics);
}

/** The corpus shipped with the package: `corpus/` beside `dist/`. */
export function bundledCorpusDir(): string {
  for (const dir of [join(__dirname, '..', 'corpus'), join(__dirname, '..', '..', 'corpus')]) {
    if (existsSync(join(dir, 'topics.yaml'))) return dir;
  }
  throw new Error('the bundled corpus folder was not found beside the CLI');
}

/** The cache the options ask for: `--cache DIR`, none with `--no-cache`, else the user's cache folder. */
export function cachesFor(options: CliOptions, env: NodeJS.ProcessEnv = process.env): CorpusCaches | undefined {
  if (options.cache === false) return undefined;
  return cachesIn(options.cacheDir === undefined ? defaultCacheDir(env) : resolve(options.cacheDir));
}

export function createContext(options: CliOptions, write: (text: string) => void): LoadingContext {
  // With a team archive the bundled sample corpus is left out: the archive is the corpus, beside any `--corpus` folders.
  const folders: CorpusFolder[] = [
    ...(options.bundled && options.db === undefined ? [{ root: bundledCorpusDir(), bundled: true }] : []),
    ...options.corpus.map((dir) => {
      const root = resolve(dir);
      if (!existsSync(root)) throw new Error(`corpus folder not found: ${dir}`);
      return { root };
    }),
  ];
  const caches = cachesFor(options);
  const key = corpusKey(folders);
  let indexed: IndexedCorpus | undefined;
  let unindexed: Corpus | undefined;
  const problems: FileProblem[] = [];
  const notes: string[] = [];
  const libraryPaths = options.library ?? [];
  for (const path of libraryPaths) if (!existsSync(resolve(path))) throw new Error(`library file not found: ${path}`);
  let library: LoadedLibrary | undefined;
  /** Matches the corpus to the `--library` files, reporting bad entries on stderr. */
  const withLibrary = (corpus: Corpus): Corpus => {
    if (libraryPaths.length === 0 || library) return corpus;
    library = readLibraries(libraryPaths.map((path) => resolve(path)));
    for (const warning of library.warnings) process.stderr.write(`sourcebook: warning: ${warning}\n`);
    corpus.setLibrary(library.library);
    return corpus;
  };
  // Without `load()` (a command run from code) the corpus is read in full, with no cache.
  const loaded = () =>
    indexed?.corpus ??
    (unindexed ??= withLibrary(loadCorpus({ folders, onProblem: (problem) => problems.push(problem) })));
  let archive: ArchiveHandle | undefined;
  const openArchive = () => (archive ??= options.db === undefined ? undefined : lazyArchive(options.db));
  return {
    options,
    folders,
    corpus: loaded,
    problems: () => problems,
    out: write,
    archive: openArchive,
    sources() {
      const opened = openArchive();
      const local = folders.length > 0 || !opened ? [localSource(loaded())] : [];
      return opened ? [...local, opened] : local;
    },
    async close() {
      await archive?.close();
    },
    async load() {
      // A user's Markdown is parsed in a worker thread with a time and memory budget per file, when the worker is
      // bundled beside the CLI; plain text and the bundled corpus here, where it is cheaper.
      const script = parseWorkerScript();
      const parser = script ? new WorkerParser({ script }) : undefined;
      const result = await IndexedCorpus.load({
        folders,
        ...(caches ? { store: caches.corpus } : {}),
        ...(parser ? { parser: parsedHereWhen(parser, plainTextOrBundled) } : {}),
        // Nothing else runs in this process: never stop to yield.
        sliceMs: Number.POSITIVE_INFINITY,
        onProblem: (problem) => problems.push(problem),
        log: (line) => notes.push(line),
      });
      await parser?.close();
      indexed = result.indexed;
      withLibrary(indexed.corpus);
      if (!caches) return;
      const corpus = indexed.corpus;
      provideSearchSnapshot(corpus, () => {
        const stored = caches.search.read(key);
        if (stored.status === 'discarded') notes.push(`persisted search index discarded (${stored.reason})`);
        return stored.status === 'used' ? stored.snapshot : undefined;
      });
      provideEntitySnapshot(corpus, () => {
        const stored = caches.entities.read(key);
        if (stored.status === 'discarded') notes.push(`persisted entity index discarded (${stored.reason})`);
        return stored.status === 'used' ? stored.snapshot : undefined;
      });
    },
    persist(warn) {
      if (!caches || !indexed) return;
      const corpus = indexed.corpus;
      try {
        indexed.persist();
        const search = existingSearchIndex(corpus);
        if (search && search.version > 0) caches.search.write(key, search.snapshot());
        const entities = existingEntityIndex(corpus);
        if (entities && (!entities.restored || entities.scanStats.scanned > 0))
          caches.entities.write(key, entitySnapshotOf(corpus, entities));
      } catch (error) {
        warn(`the cache in ${caches.dir} could not be written: ${(error as Error).message}`);
      }
      for (const note of notes.filter((line) => line.includes('discarded'))) warn(note);
    },
  };
}
