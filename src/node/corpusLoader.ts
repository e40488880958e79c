import { basename, dirname } from 'node:path';
import { preparedFromRecord } from '../core/cache/articleRecord';
import type { FileKey, FolderIndex, IndexEntry, IndexedOutcome } from '../core/cache/folderIndex';
import type { Corpus } from '../core/corpus';
import type { FileProblem } from '../core/model';
import { DEFAULT_MAX_FILE_BYTES } from '../core/parse/decode';
import type { PreparedFile } from '../core/preparedFile';
import {
  type CorpusFile,
  type CorpusFolder,
  corpusFileOf,
  emptyCorpus,
  excludeMatcher,
  isArticlePath,
  isFolderOutside,
  isInside,
  listArticleFiles,
  readCorpusText,
  relativeTo,
} from './corpusFiles';
import { inspectPath, realRootOf } from './corpusPaths';
import {
  fileKey,
  folderOf,
  isHidden,
  isRelevantChange,
  outcomeOf,
  type ReadFile,
  readAndPrepareWith,
  inThreadParser,
  type ArticleParser,
  sameKey,
} from './fileIndexing';
import { isExtractedFormat } from '../core/readers/extracted';
import { FOLDER_DEFAULTS_FILE, readFolderDefaults } from './folderDefaults';
import type { IndexStore } from './indexCache';
import { extractions } from './readers/extractions';

export interface IndexedLoadOptions {
  readonly folders: readonly CorpusFolder[];
  readonly maxFileBytes?: number;
  /** Where the persisted indexes live; without it nothing is read from or written to disk but the articles. */
  readonly store?: IndexStore;
  /** Stops the load between files; the corpus keeps what was read. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called for each file skipped or read best-effort. */
  readonly onProblem?: (problem: FileProblem) => void;
  /** One line per notable event (an index discarded, written…), for the log. */
  readonly log?: (line: string) => void;
  /** Called when an article restored from the index turns out to have changed on disk. */
  readonly onStale?: (path: string) => void;
  /**
   * Parses files (a `WorkerParser` parses them in worker threads, with a
   * budget per file); without one they are parsed on this thread.
   */
  readonly parser?: ArticleParser;
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
const FOLDER_FILES = /^(topics\.ya?ml|entities\.(ya?ml|json)|sourcebook\.yaml)$/i;

/** A file of a load, once looked at: its folder and its key. */
interface Planned {
  readonly file: CorpusFile;
  readonly root: string;
  readonly key: FileKey | undefined;
}

/**
 * A corpus loaded from its folders through a persisted index: files whose
 * size and modification time match their index entry are restored without
 * being read; the others are read and parsed in full, and the index updated.
 * Work runs in slices that yield to the event loop, so an extension host
 * stays responsive. (Worker threads were tried: on two cores they cost more
 * than they saved, each isolate compiling the Markdown parser afresh.)
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
    const skipped: CorpusFile[] = [];
    const files = listArticleFiles(options.folders, undefined, undefined, (path, reason) => {
      const folder = folderOf(options.folders, path)!;
      skipped.push(indexed.skippedFile(folder, path));
      indexed.skipReasons.set(path, reason);
    });
    for (const file of skipped) indexed.admitSkipped(file, folderOf(options.folders, file.path)!.root);
    for (let i = 0; i < files.length && !options.signal?.aborted; i++) {
      if (indexed.due()) {
        options.onProgress?.(i, files.length);
        if (await indexed.pause()) break;
      }
      const file = files[i]!;
      const root = folderOf(options.folders, file.path)!.root;
      let key: FileKey | undefined;
      try {
        key = fileKey(file);
      } catch {
        key = undefined; // read, and reported as unreadable, below
      }
      const cached = previous.get(root)?.get(file.relativePath);
      const item = { file, root, key };
      if (cached && sameKey(cached.key, key)) indexed.restore(item, cached);
      else {
        // A web page or PDF is read by its reader off this thread first (see readers/extractions).
        if (isExtractedFormat(file.path)) await extractions.prefetch([file], indexed.maxBytes, options.signal);
        if (!(await indexed.parse(item))) break;
      }
    }
    const cancelled = options.signal?.aborted ?? false;
    options.onProgress?.(files.length, files.length);
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
    let files = 0;
    for (const path of new Set(paths)) {
      if (this.due()) await this.pause();
      const folder = folderOf(this.options.folders, path);
      if (!folder) continue;
      const relativePath = relativeTo(folder.root, path);
      if (dirname(path) === folder.root && FOLDER_FILES.test(basename(path)))
        return { changed: true, reloadNeeded: true, files };
      if (isHidden(relativePath) || excludeMatcher(folder.exclude)?.(relativePath)) continue;
      try {
        files += await this.applyPath(path, folder);
      } catch (error) {
        // Whatever goes wrong with one path, the rest of the batch goes on.
        this.skipReasons.set(path, `cannot be loaded: ${error instanceof Error ? error.message : String(error)}`);
        this.admitSkipped(this.skippedFile(folder, path), folder.root);
      }
    }
    return { changed: this.corpus.version !== before, reloadNeeded: false, files };
  }

  /**
   * Brings in one changed path, looked at as the first walk does: regular
   * files inside the corpus folder only, links out of it, FIFOs and devices
   * skipped with why, linked folders not walked. Returns the files looked at.
   */
  private async applyPath(path: string, folder: CorpusFolder): Promise<number> {
    const realRoot = realRootOf(folder.root);
    const found = inspectPath(path, realRoot);
    const skip = (reason: string) => {
      this.removeUnder(path, folder.root);
      this.skipReasons.set(path, reason);
      this.admitSkipped(this.skippedFile(folder, path), folder.root);
      return 1;
    };
    if (found.kind === 'missing' || (found.kind === 'directory' && found.link)) {
      this.removeUnder(path, folder.root);
      return 0;
    }
    if (found.kind === 'skipped') {
      if (isArticlePath(path) || isFolderOutside(path, found.reason)) return skip(found.reason);
      this.removeUnder(path, folder.root);
      return 0;
    }
    let listed: CorpusFile[];
    if (found.kind === 'directory') {
      const skipped: CorpusFile[] = [];
      listed = listArticleFiles([folder], undefined, path, (at, reason) => {
        this.skipReasons.set(at, reason);
        skipped.push(this.skippedFile(folder, at));
      });
      this.removeUnder(path, folder.root, new Set([...listed, ...skipped].map((file) => file.path)));
      for (const file of skipped) this.admitSkipped(file, folder.root);
    } else {
      if (!isArticlePath(path)) return 0;
      if (found.link) {
        // A link to an article of the corpus would list it twice: it is read under its own name.
        const target = folder.root + found.realPath.slice(realRoot.length);
        if (target !== path && isRelevantChange([folder], target) && isArticlePath(target))
          return skip(`is a link to ${target}, read under that name`);
      }
      listed = [{ ...corpusFileOf(folder, path, relativeTo(folder.root, path)), realPath: found.realPath }];
    }
    for (const file of listed) {
      if (this.due()) await this.pause();
      let known: FileKey | undefined;
      try {
        known = file.path === path && found.kind === 'file' ? { size: found.size, mtime: found.mtime } : fileKey(file);
      } catch {
        known = undefined; // reported as unreadable below
      }
      if (sameKey(this.loaded.get(file.path), known)) continue; // already in the corpus as it is on disk
      if (isExtractedFormat(file.path)) await extractions.prefetch([file], this.maxBytes);
      const read = await this.readAndParse(file, known);
      if (read) this.admitRead(file, folder.root, read);
    }
    return listed.length;
  }

  /** Why files the walk did not list (FIFOs, links out of the corpus…) are skipped, by path. */
  private readonly skipReasons = new Map<string, string>();

  /** A file of a folder, as the corpus knows it before it is read. */
  private skippedFile(folder: CorpusFolder, path: string): CorpusFile {
    return { path, relativePath: relativeTo(folder.root, path), bundled: folder.bundled ?? false };
  }

  /** Records a file that is never read (its reason in `skipReasons`) as a skipped file. */
  private admitSkipped(file: CorpusFile, root: string): void {
    const reason = this.skipReasons.get(file.path) ?? 'not read';
    this.admitPrepared(file, root, undefined, { ok: false, reason }, undefined);
  }

  /**
   * Compares the folders with what is loaded (listing them and looking at
   * every file's key) and applies the differences as one batch: what a file
   * watcher missed while it was starting.
   */
  async rescan(): Promise<ApplyResult> {
    const skipped: string[] = [];
    const listed = listArticleFiles(this.options.folders, undefined, undefined, (path) => skipped.push(path));
    const present = new Set([...listed.map((file) => file.path), ...skipped]);
    const known = new Set(this.corpus.problems().map((problem) => problem.path));
    // Files no longer there, and files skipped now that were not before (a FIFO or a link out of the corpus made meanwhile).
    const changed: string[] = [...this.loaded.keys(), ...known].filter((path) => !present.has(path));
    changed.push(...skipped.filter((path) => !known.has(path) || this.loaded.has(path)));
    for (const file of listed) {
      if (this.due()) await this.pause();
      let key: FileKey | undefined;
      try {
        key = fileKey(file);
      } catch {
        key = undefined;
      }
      if (!sameKey(this.loaded.get(file.path), key)) changed.push(file.path);
    }
    return this.apply(changed);
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
      const index: FolderIndex = { root, producer: producerFor(store, root), files };
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
      const store = this.options.store;
      const stored = store?.read(folder.root, producerFor(store, folder.root));
      if (stored?.status === 'used') previous.set(folder.root, stored.index.files);
      else if (stored?.status === 'discarded')
        this.options.log?.(`persisted index of ${folder.root} discarded (${stored.reason}); indexing it again`);
      if (stored?.status !== 'used') this.dirty.add(folder.root);
    }
    return previous;
  }

  /** Brings in a file from its index entry, without reading it. */
  private restore(item: Planned, entry: IndexEntry): void {
    this.counts.fromCache++;
    this.admitOutcome(item.file, item.root, item.key, entry.outcome);
  }

  /** Reads and parses a file the index could not give, and records it in the index. Resolves false when cancelled. */
  private async parse(item: Planned): Promise<boolean> {
    const read = await this.readAndParse(item.file, item.key, this.options.signal);
    if (!read) return false;
    this.counts.parsed++;
    this.admitRead(item.file, item.root, read);
    return true;
  }

  /** Reads a file and has the parser (a worker, when given one) parse it. Undefined when cancelled. */
  private readAndParse(
    file: CorpusFile,
    known: FileKey | undefined,
    signal?: AbortSignal,
  ): Promise<ReadFile | undefined> {
    const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    return readAndPrepareWith(file, maxBytes, known, this.options.parser ?? inThreadParser, signal);
  }

  /**
   * Puts a file just read in the corpus. Whatever goes wrong with this one
   * file (even in code that should not throw) skips it with the reason, so
   * the rest of a load or a batch goes on.
   */
  private admitRead(file: CorpusFile, root: string, read: ReadFile): void {
    try {
      this.admitPrepared(file, root, read.key, read.prepared, read.cacheable ? outcomeOf(read.prepared) : undefined);
    } catch (error) {
      const reason = `cannot be loaded: ${error instanceof Error ? error.message : String(error)}`;
      this.admitPrepared(file, root, read.key, { ok: false, reason }, undefined);
    }
  }

  private admitOutcome(file: CorpusFile, root: string, key: FileKey | undefined, outcome: IndexedOutcome): void {
    let prepared: PreparedFile;
    if ('skipped' in outcome) prepared = { ok: false, reason: outcome.skipped };
    else {
      const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
      prepared = preparedFromRecord(outcome.article, outcome.warning, {
        ...file,
        read: () => {
          const decoded = readCorpusText(file, maxBytes);
          return decoded.ok ? decoded.text : undefined;
        },
        ...(this.options.onStale ? { onStale: this.options.onStale } : {}),
      });
    }
    // The entry is the stored one: the folder's index does not change by it.
    this.admitPrepared(file, root, key, prepared, outcome, false);
  }

  /** Puts a prepared file in the corpus and its outcome in the index (or takes it out, when it may not be persisted). */
  private admitPrepared(
    file: CorpusFile,
    root: string,
    key: FileKey | undefined,
    prepared: PreparedFile,
    outcome: IndexedOutcome | undefined,
    changesIndex = true,
  ): void {
    const index = this.indexes.get(root)!;
    if (key && outcome) {
      if (changesIndex) this.dirty.add(root);
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
    for (const problem of this.corpus.problems())
      if (isInside(path, problem.path) && !keep?.has(problem.path) && !this.loaded.has(problem.path))
        this.corpus.removeFile(problem.path);
    for (const known of [...this.loaded.keys()]) {
      if (!isInside(path, known) || keep?.has(known)) continue;
      this.loaded.delete(known);
      this.corpus.removeFile(known);
      if (index?.delete(relativeTo(root, known))) this.dirty.add(root);
    }
  }

  private get maxBytes(): number {
    return this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
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

/** The producer an index is written and read under: the build's, and the folder's defaults, which articles' metadata depends on. */
function producerFor(store: IndexStore, root: string): string {
  const hash = readFolderDefaults(root).hash;
  return hash === undefined ? store.producer : `${store.producer}+${FOLDER_DEFAULTS_FILE}:${hash}`;
}

export { isRelevantChange };
