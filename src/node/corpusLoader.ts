import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { preparedFromRecord } from '../core/cache/articleRecord';
import type { FileKey, FolderIndex, IndexEntry, IndexedOutcome } from '../core/cache/folderIndex';
import type { Corpus } from '../core/corpus';
import type { FileProblem } from '../core/model';
import { DEFAULT_MAX_FILE_BYTES } from '../core/parse/decode';
import type { PreparedFile } from '../core/preparedFile';
import { type CorpusFile, type CorpusFolder, emptyCorpus, excludeMatcher, isArticlePath, isInside, listArticleFiles, readCorpusText, relativeTo } from './corpusFiles';
import { fileKey, folderOf, isHidden, outcomeOf, readAndPrepare, sameKey } from './fileIndexing';
import type { IndexStore } from './indexCache';
import { type ParsedFile, ParsePool } from './parsePool';

export interface IndexedLoadOptions {
  readonly folders: readonly CorpusFolder[];
  readonly maxFileBytes?: number;
  /** Where the persisted indexes live; without it nothing is read from or written to disk but the articles. */
  readonly store?: IndexStore;
  /** The worker bundle (`parseWorker.js`) that parses files on other threads; without it they are parsed on this one. */
  readonly workerFile?: string;
  /** Stops the load between files; the corpus keeps what was read. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called for each file skipped or read best-effort. */
  readonly onProblem?: (problem: FileProblem) => void;
  /** One line per notable event (an index discarded, written…), for the log. */
  readonly log?: (line: string) => void;
  /** Called when an article restored from the index turns out to have changed on disk. */
  readonly onStale?: (path: string) => void;
  /** Longest stretch of synchronous work, in ms, before yielding to the event loop. */
  readonly sliceMs?: number;
}

/** What one load did: how many files came from the persisted index, and how many were read and parsed. */
export interface LoadStats {
  readonly files: number;
  readonly fromCache: number;
  readonly parsed: number;
  readonly skipped: number;
  readonly cancelled: boolean;
}

/** What applying a batch of file changes did. */
export interface ApplyResult {
  /** Whether the corpus changed (its version moved). */
  readonly changed: boolean;
  /** A topic list or entity catalog changed: the corpus must be loaded again. */
  readonly reloadNeeded: boolean;
  /** Files looked at. */
  readonly files: number;
}

/** Files at a folder's root that are not articles but shape the corpus. */
const FOLDER_FILES = /^(topics\.ya?ml|entities\.(ya?ml|json))$/i;
/** Fewer files to parse than this are parsed on this thread: starting workers would cost more. */
const WORKERS_FROM = 300;
/** Files per job sent to a worker. */
const JOB_SIZE = 48;

/** A parsed file: from a worker, or parsed on this thread (then with the article as parsed). */
type Parsed = ParsedFile & { readonly prepared?: PreparedFile };

/** A file of a load, once looked at: its key and, when its index entry matches, that entry. */
interface Planned {
  readonly file: CorpusFile;
  readonly root: string;
  readonly key: FileKey | undefined;
  readonly cached: IndexEntry | undefined;
}

/**
 * A corpus loaded from its folders through a persisted index: files whose
 * size and modification time match their index entry are restored without
 * being read; the others are read and parsed in full (on worker threads for a
 * large corpus), and the index updated. Work on this thread runs in slices
 * that yield to the event loop, so an extension host stays responsive.
 * `apply` brings in a batch of changed paths incrementally.
 */
export class IndexedCorpus {
  private readonly indexes = new Map<string, Map<string, IndexEntry>>();
  private readonly dirty = new Set<string>();
  /** The key of every file in the corpus (article or skipped), as it was when read. */
  private readonly loaded = new Map<string, FileKey>();
  private readonly counts = { fromCache: 0, parsed: 0, skipped: 0 };
  private stamp = performance.now();

  private constructor(
    readonly corpus: Corpus,
    private readonly options: IndexedLoadOptions,
  ) {}

  /** Loads every article of the folders. Resolves with what was read when cancelled. */
  static async load(options: IndexedLoadOptions): Promise<{ indexed: IndexedCorpus; stats: LoadStats }> {
    const indexed = new IndexedCorpus(emptyCorpus(options.folders, options.onProblem), options);
    const previous = indexed.readIndexes();
    const files = listArticleFiles(options.folders);
    const plan: Planned[] = [];
    for (const file of files) {
      if (indexed.due() && (await indexed.pause())) break;
      const root = folderOf(options.folders, file.path)!.root;
      let key: FileKey | undefined;
      try {
        key = fileKey(file.path);
      } catch {
        key = undefined; // read (and reported) below
      }
      const cached = previous.get(root)?.get(file.relativePath);
      plan.push({ file, root, key, cached: sameKey(cached?.key, key) ? cached : undefined });
    }
    const parsing = indexed.parseMisses(plan.filter((item) => !item.cached));
    try {
      for (let i = 0; i < plan.length && !options.signal?.aborted; i++) {
        if (indexed.due()) {
          options.onProgress?.(i, plan.length);
          if (await indexed.pause()) break;
        }
        const item = plan[i]!;
        if (item.cached) indexed.restoreOne(item, item.cached);
        else {
          const parsed = parsing.result(item);
          indexed.admit(item.file, item.root, parsed instanceof Promise ? await parsed : parsed);
        }
      }
    } finally {
      parsing.stop();
    }
    const cancelled = options.signal?.aborted ?? false;
    options.onProgress?.(plan.length, plan.length);
    for (const [root, entries] of previous) {
      if (cancelled || entries.size !== indexed.indexes.get(root)!.size) indexed.dirty.add(root);
    }
    return { indexed, stats: { ...indexed.counts, files: files.length, cancelled } };
  }

  /**
   * Brings in a batch of changed paths (files or folders, created, changed or
   * deleted): each file is read again only if its size or time changed, a
   * deleted folder takes its articles with it, a new folder is walked.
   */
  async apply(paths: Iterable<string>): Promise<ApplyResult> {
    const before = this.corpus.version;
    const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    let files = 0;
    for (const path of new Set(paths)) {
      if (this.due()) await this.pause();
      const folder = folderOf(this.options.folders, path);
      if (!folder) continue;
      const relativePath = relativeTo(folder.root, path);
      if (dirname(path) === folder.root && FOLDER_FILES.test(basename(path))) return { changed: true, reloadNeeded: true, files };
      if (isHidden(relativePath) || excludeMatcher(folder.exclude)?.(relativePath)) continue;
      let key: FileKey;
      let isDirectory: boolean;
      try {
        const stat = statSync(path);
        key = { size: stat.size, mtime: stat.mtimeMs };
        isDirectory = stat.isDirectory();
      } catch {
        this.removeUnder(path, folder.root);
        continue;
      }
      const found = isDirectory ? listArticleFiles([folder], undefined, path) : isArticlePath(path) ? [{ path, relativePath, bundled: folder.bundled ?? false }] : [];
      if (isDirectory) this.removeUnder(path, folder.root, new Set(found.map((file) => file.path)));
      for (const file of found) {
        if (this.due()) await this.pause();
        files++;
        let known: FileKey | undefined;
        try {
          known = file.path === path ? key : fileKey(file.path);
        } catch {
          known = undefined; // reported as unreadable below
        }
        if (sameKey(this.loaded.get(file.path), known)) continue; // already in the corpus as it is on disk
        const read = readAndPrepare(file, maxBytes, known);
        this.admitPrepared(file, folder.root, read.key, read.prepared, read.cacheable ? outcomeOf(read.prepared) : undefined);
      }
    }
    return { changed: this.corpus.version !== before, reloadNeeded: false, files };
  }

  /** Forgets that a file is loaded as it is on disk, so the next `apply` reads it again (its text turned out to differ). */
  invalidate(path: string): void {
    this.loaded.delete(path);
  }

  /** Writes the index of every folder that changed since the last write. */
  persist(): void {
    const store = this.options.store;
    if (!store) return;
    for (const root of this.dirty) {
      const files = this.indexes.get(root);
      if (!files) continue;
      const index: FolderIndex = { root, producer: store.producer, files };
      store.write(index);
      this.options.log?.(`persisted index of ${root} written (${files.size} files)`);
    }
    this.dirty.clear();
  }

  /** Reads each folder's persisted index; a missing or discarded one leaves the folder to be indexed afresh. */
  private readIndexes(): Map<string, ReadonlyMap<string, IndexEntry>> {
    const previous = new Map<string, ReadonlyMap<string, IndexEntry>>();
    for (const folder of this.options.folders) {
      this.indexes.set(folder.root, new Map());
      const stored = this.options.store?.read(folder.root);
      if (stored?.status === 'used') previous.set(folder.root, stored.index.files);
      else if (stored?.status === 'discarded') this.options.log?.(`persisted index of ${folder.root} discarded (${stored.reason}); indexing it again`);
      if (stored?.status !== 'used') this.dirty.add(folder.root);
    }
    return previous;
  }

  /**
   * Starts parsing the files the index could not give: on worker threads when
   * there are many and a worker bundle is there, else on this thread as each
   * is asked for. A job a worker fails is parsed here instead.
   */
  private parseMisses(misses: readonly Planned[]): { result(item: Planned): Parsed | Promise<Parsed>; stop(): void } {
    const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const here = (item: Planned): Parsed => {
      const { key, prepared, cacheable } = readAndPrepare(item.file, maxBytes, item.key);
      if (!prepared.ok) return { key, skipped: prepared.reason, cacheable };
      // The article parsed here is kept as it is: its sections are made already.
      return { key, outcome: outcomeOf(prepared), text: prepared.article.source, cacheable, prepared };
    };
    const pool = misses.length >= WORKERS_FROM ? ParsePool.create(this.options.workerFile) : undefined;
    if (!pool) return { result: here, stop: () => {} };
    this.options.log?.(`parsing ${misses.length} files on ${pool.size} worker threads`);
    const jobs = new Map<string, Promise<Parsed>>();
    for (let i = 0; i < misses.length; i += JOB_SIZE) {
      const chunk = misses.slice(i, i + JOB_SIZE);
      const job = pool.parse(chunk.map((item) => item.file), maxBytes).catch((): Parsed[] => chunk.map(here));
      chunk.forEach((item, j) => jobs.set(item.file.path, job.then((results) => results[j]!)));
    }
    return { result: (item) => jobs.get(item.file.path) ?? here(item), stop: () => pool.dispose() };
  }

  private restoreOne(item: Planned, entry: IndexEntry): void {
    this.counts.fromCache++;
    this.admitOutcome(item.file, item.root, item.key, entry.outcome, true);
  }

  /** Brings in a file parsed by `parseMisses`. */
  private admit(file: CorpusFile, root: string, parsed: Parsed): void {
    this.counts.parsed++;
    this.dirty.add(root);
    if ('skipped' in parsed) this.admitOutcome(file, root, parsed.key, { skipped: parsed.skipped }, parsed.cacheable);
    else if (parsed.prepared) this.admitPrepared(file, root, parsed.key, parsed.prepared, parsed.cacheable ? parsed.outcome : undefined);
    else this.admitOutcome(file, root, parsed.key, parsed.outcome, parsed.cacheable, parsed.text);
  }

  private admitOutcome(file: CorpusFile, root: string, key: FileKey | undefined, outcome: IndexedOutcome, cacheable: boolean, text?: string): void {
    let prepared: PreparedFile;
    if ('skipped' in outcome) prepared = { ok: false, reason: outcome.skipped };
    else {
      const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
      prepared = preparedFromRecord(outcome.article, outcome.warning, {
        ...file,
        ...(text === undefined ? {} : { text }),
        read: (path) => {
          const decoded = readCorpusText(path, maxBytes);
          return decoded.ok ? decoded.text : undefined;
        },
        ...(this.options.onStale ? { onStale: this.options.onStale } : {}),
      });
    }
    this.admitPrepared(file, root, key, prepared, cacheable ? outcome : undefined);
  }

  /** Puts a prepared file in the corpus and its outcome in the index (or takes it out, when it may not be persisted). */
  private admitPrepared(file: CorpusFile, root: string, key: FileKey | undefined, prepared: PreparedFile, outcome: IndexedOutcome | undefined): void {
    const index = this.indexes.get(root)!;
    const previous = index.get(file.relativePath);
    if (key && outcome) {
      if (previous?.outcome !== outcome) this.dirty.add(root);
      index.set(file.relativePath, { key, outcome });
    } else if (index.delete(file.relativePath)) this.dirty.add(root);
    if (key) this.loaded.set(file.path, key);
    else this.loaded.delete(file.path);
    if (!prepared.ok) this.counts.skipped++;
    const problem = this.corpus.setPrepared(file, prepared);
    if (problem) this.options.onProblem?.(problem);
  }

  /** Removes the files at or under `path` from the corpus and the index, except those in `keep`. */
  private removeUnder(path: string, root: string, keep?: ReadonlySet<string>): void {
    const index = this.indexes.get(root);
    for (const known of [...this.loaded.keys()]) {
      if (!isInside(path, known) || keep?.has(known)) continue;
      this.loaded.delete(known);
      this.corpus.removeFile(known);
      if (index?.delete(relativeTo(root, known))) this.dirty.add(root);
    }
  }

  private due(): boolean {
    return performance.now() - this.stamp > (this.options.sliceMs ?? 15);
  }

  /** Yields to the event loop; says whether the load was cancelled meanwhile. */
  private async pause(): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    this.stamp = performance.now();
    return this.options.signal?.aborted ?? false;
  }
}

export { isRelevantChange } from './fileIndexing';
