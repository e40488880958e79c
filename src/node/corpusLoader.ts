import { basename, dirname } from 'node:path';
import { preparedFromRecord } from '../core/cache/articleRecord';
import type { FileKey, IndexEntry, IndexedOutcome } from '../core/cache/folderIndex';
import type { Corpus } from '../core/corpus';
import { DEFAULT_MAX_FILE_BYTES } from '../core/parse/decode';
import type { PreparedFile } from '../core/preparedFile';
import { isExtractedFormat } from '../core/readers/extracted';
import { textHash } from '../core/text/hash';
import { lookAtChange } from './changedPath';
import { emptyCorpus, FOLDER_FILES, listArticleFiles, readCorpusText } from './corpusFiles';
import {
  type CorpusFile,
  type CorpusFolder,
  excludeMatcher,
  folderOf,
  isHidden,
  isRelevantChange,
  relativeTo,
} from './corpusFolder';
import { isInside } from './corpusPaths';
import { inThreadParser, outcomeOf, readAndPrepareWith } from './fileIndexing';
import { FolderIndexes } from './folderIndexes';
import { TimeSlices } from './timeSlices';
import type { ApplyResult, IndexedLoadOptions, LoadStats } from './loadOptions';
import { extractions } from './readers/extractions';
import { fileKeyOrUndefined, type ReadFile, sameKey } from './readFile';

export type { ApplyResult, IndexedLoadOptions, LoadStats } from './loadOptions';

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
 * Work runs in slices that yield to the event loop (parsing in a worker
 * when given one), so an extension host stays responsive. `apply` brings in
 * a batch of changed paths incrementally.
 */
export class IndexedCorpus {
  private readonly indexes: FolderIndexes;
  /** The key of every file in the corpus (article or skipped), as it was when read. */
  private readonly loaded = new Map<string, FileKey>();
  private readonly counts = { fromCache: 0, parsed: 0, skipped: 0 };
  private readonly slices: TimeSlices;

  private constructor(
    readonly corpus: Corpus,
    private readonly options: IndexedLoadOptions,
  ) {
    this.indexes = new FolderIndexes(options.store, options.log);
    this.slices = new TimeSlices(options.sliceMs ?? 15, options.signal);
  }

  /** Loads every article of the folders. Resolves with what was read when cancelled. */
  static async load(options: IndexedLoadOptions): Promise<{ indexed: IndexedCorpus; stats: LoadStats }> {
    const indexed = new IndexedCorpus(emptyCorpus(options.folders, options.onProblem), options);
    const previous = indexed.indexes.read(options.folders);
    const folderAt = (path: string): CorpusFolder => {
      const folder = folderOf(options.folders, path);
      if (!folder) throw new RangeError(`${path} is in none of the corpus folders`); // the walk lists nothing else
      return folder;
    };
    const skipped: CorpusFile[] = [];
    const files = listArticleFiles(options.folders, undefined, undefined, (path, reason) => {
      skipped.push(indexed.skippedFile(folderAt(path), path));
      indexed.skipReasons.set(path, reason);
    });
    for (const file of skipped) indexed.admitSkipped(file, folderAt(file.path).root);
    for (const [i, file] of files.entries()) {
      if (options.signal?.aborted) break;
      if (indexed.slices.due()) {
        options.onProgress?.(i, files.length);
        if (await indexed.slices.pause()) break;
      }
      const root = folderAt(file.path).root;
      const key = fileKeyOrUndefined(file); // undefined: read, and reported as unreadable, below
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
      if (cancelled || entries.size !== indexed.indexes.size(root)) indexed.indexes.touch(root);
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
      if (this.slices.due()) await this.slices.pause();
      const folder = folderOf(this.options.folders, path);
      if (!folder) continue;
      const relativePath = relativeTo(folder.root, path);
      if (dirname(path) === folder.root && FOLDER_FILES.has(basename(path).toLowerCase()))
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
    const change = lookAtChange(path, folder);
    if (change.kind === 'ignored') return 0;
    if (change.kind !== 'files' || change.folder) {
      const keep = change.kind === 'files' ? [...change.listed, ...change.skipped].map((file) => file.path) : [];
      this.removeUnder(path, folder.root, new Set(keep));
    }
    if (change.kind === 'gone') return 0;
    const skipped = change.kind === 'skipped' ? [{ path, reason: change.reason }] : change.skipped;
    for (const { path: at, reason } of skipped) {
      this.skipReasons.set(at, reason);
      this.admitSkipped(this.skippedFile(folder, at), folder.root);
    }
    if (change.kind === 'skipped') return 1;
    for (const file of change.listed) {
      if (this.slices.due()) await this.slices.pause();
      // Undefined when the file cannot be looked at: reported as unreadable below.
      const known = file.path === path && change.key ? change.key : fileKeyOrUndefined(file);
      if (sameKey(this.loaded.get(file.path), known)) continue; // already in the corpus as it is on disk
      if (isExtractedFormat(file.path)) await extractions.prefetch([file], this.maxBytes);
      const read = await this.readAndParse(file, known);
      if (read) this.admitRead(file, folder.root, read);
    }
    return change.listed.length;
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
      if (this.slices.due()) await this.slices.pause();
      if (!sameKey(this.loaded.get(file.path), fileKeyOrUndefined(file))) changed.push(file.path);
    }
    return this.apply(changed);
  }

  /** Writes the index of every folder that changed since the last write. */
  persist = (): void => this.indexes.persist();

  /** `persist` without holding the thread: encoded in slices, written asynchronously. */
  persistInBackground = (): Promise<void> => this.indexes.persistInBackground();
  /** Whether `persist` has something to write: a change, or a background write not finished. */
  unwritten = (): boolean => this.indexes.unwritten;

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
    return readAndPrepareWith(file, this.maxBytes, known, this.options.parser ?? inThreadParser, signal);
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
      const maxBytes = this.maxBytes;
      prepared = preparedFromRecord(outcome.article, outcome.warning, {
        ...file,
        texts: {
          read: () => {
            const decoded = readCorpusText(file, maxBytes);
            const text = decoded.ok ? decoded.text : undefined;
            // Not the recorded text (the file changed and kept its size and time): its entry is dropped, so the
            // next load or rescan reads and indexes it again; meanwhile the article is parsed as the text is.
            if (text === undefined || textHash(text) !== outcome.article.hash) {
              this.indexes.delete(root, file.relativePath);
              this.loaded.delete(file.path);
            }
            return text;
          },
        },
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
    if (key && outcome) this.indexes.set(root, file.relativePath, key, outcome, changesIndex);
    else this.indexes.delete(root, file.relativePath);
    if (key) this.loaded.set(file.path, key);
    else this.loaded.delete(file.path);
    if (!prepared.ok) this.counts.skipped++;
    const problem = this.corpus.setPrepared(file, prepared);
    if (problem) this.options.onProblem?.(problem);
  }

  /** Removes the files at or under `path` from the corpus and the index, except those in `keep`. */
  private removeUnder(path: string, root: string, keep?: ReadonlySet<string>): void {
    for (const problem of this.corpus.problems())
      if (isInside(path, problem.path) && !keep?.has(problem.path) && !this.loaded.has(problem.path))
        this.corpus.removeFile(problem.path);
    for (const known of [...this.loaded.keys()]) {
      if (!isInside(path, known) || keep?.has(known)) continue;
      this.loaded.delete(known);
      this.corpus.removeFile(known);
      this.indexes.delete(root, relativeTo(root, known));
    }
  }

  private get maxBytes(): number {
    return this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }
}

export { isRelevantChange };
