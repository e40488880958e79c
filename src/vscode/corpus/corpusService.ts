import * as vscode from 'vscode';
import { Corpus } from '../../core/corpus';
import type { Article, FileProblem } from '../../core/model';
import type { DocumentAnalyser } from '../../core/search';
import { type CorpusFolder, isArticlePath } from '../../node/corpusFolder';
import { IndexedCorpus, isRelevantChange } from '../../node/corpusLoader';
import type { IndexStore } from '../../node/indexCache';
import { bundled, parsedHereWhen } from '../../node/fileIndexing';
import { bundledWorkerParser, type WorkerParser } from '../../node/workers/parsePool';
import { ContextKeys } from '../commandIds';
import { configuredFolders, maxFileBytes } from './corpusFolders';
import { CorpusProblems } from './corpusProblems';
import { CorpusWatcher } from './corpusWatcher';
import { loadProgress } from './loadProgress';
import { Debouncer } from '../debouncer';

/** What the corpus service has done: proof of where the corpus came from, for the log and the tests. */
export interface CorpusServiceStats {
  /** Full loads finished (the first, `Reload Corpus`, a setting or trust change). */
  readonly loads: number;
  /** Of the last full load: files restored from the persisted index without being read. */
  readonly fromCache: number;
  /** Of the last full load: files read and parsed. */
  readonly parsed: number;
  readonly files: number;
  readonly cancelled: boolean;
  /** Batches of file changes applied since the last full load. */
  readonly batches: number;
}

/** Where the corpus is in its life, for the status bar: loading (with progress), ready, or failed. */
export type LoadState =
  | { readonly kind: 'loading'; readonly done: number; readonly total: number }
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string };

/** After a change, how long to wait before writing the persisted index. */
const PERSIST_DELAY_MS = 1500;
/** After a folder is first watched, when to compare it with the corpus once. */
const RESCAN_DELAY_MS = 3000;

/**
 * Owns the loaded corpus: which folders it comes from (settings, trust), the
 * load through the persisted index (with progress, cancellable), live updates
 * from file watchers (debounced batches, one `onDidChange` each), and
 * reporting of bad files. Features read `current` and listen to
 * `onDidChange`; they never load files themselves.
 */
export class CorpusService implements vscode.Disposable {
  private corpus = new Corpus();
  private indexed: IndexedCorpus | undefined;
  private loadedFolders: CorpusFolder[] = [];
  private readonly changed = new vscode.EventEmitter<Corpus>();
  readonly onDidChange = this.changed.event;
  private readonly problems: CorpusProblems;
  private loadStateValue: LoadState = { kind: 'loading', done: 0, total: 0 };
  private readonly loadStateChanged = new vscode.EventEmitter<LoadState>();
  readonly onDidChangeLoadState = this.loadStateChanged.event;
  private loading: Promise<Corpus> | undefined;
  private superseded: AbortController | undefined;
  private stopping: AbortController | undefined;
  private readonly watcher = new CorpusWatcher((paths) => void this.applyBatch(paths));
  /** Parses files in worker threads, each with a time and memory budget, so no file can freeze the extension host. */
  private readonly parser = bundledWorkerParser();
  private folderProblems: FileProblem[] = [];
  private readonly persistTimer = new Debouncer();
  private readonly rescanTimer = new Debouncer();
  /** Loads and change batches run one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private statsValue: CorpusServiceStats = { loads: 0, fromCache: 0, parsed: 0, files: 0, cancelled: false, batches: 0 };

  constructor(
    private readonly bundledDir: string,
    private readonly log: vscode.LogOutputChannel,
    /** Where the corpus index is persisted; without one every load reads every file. */
    private readonly store?: IndexStore,
  ) {
    this.problems = new CorpusProblems(log);
  }

  get current(): Corpus {
    return this.corpus;
  }

  /** The folders the current corpus was loaded from. */
  get loadedFolderList(): readonly CorpusFolder[] {
    return this.loadedFolders;
  }

  get stats(): CorpusServiceStats {
    return this.statsValue;
  }

  /** Tokenizes text for the search index in the parse workers, off this thread; undefined without workers. */
  get analyser(): DocumentAnalyser | undefined {
    return this.parser?.analyse;
  }

  /** Discovers entities in the parse workers, off this thread (`WorkerParser.discover`); undefined without workers. */
  get discoverer(): WorkerParser['discover'] | undefined {
    return this.parser && this.parser.discover.bind(this.parser);
  }
  get loadState(): LoadState {
    return this.loadStateValue;
  }

  /** The files of the corpus as loaded now that were skipped or read best-effort, with topic lists and catalogs. */
  fileProblems(): FileProblem[] {
    return [...this.folderProblems, ...this.corpus.problems()];
  }

  private setLoadState(state: LoadState): void {
    this.loadStateValue = state;
    this.loadStateChanged.fire(state);
  }

  /**
   * Adds articles that come from elsewhere (the team archive) to the
   * current corpus, with one change event; an id or path it already holds
   * is left as it is. Returns how many joined. A reload drops them.
   */
  addArticles(articles: readonly Article[]): number {
    let added = 0;
    for (const article of articles) {
      if (this.corpus.article(article.id) || this.corpus.articleAt(article.path)) continue;
      this.corpus.setPrepared({ path: article.path }, { ok: true, article, withId: () => article });
      added++;
    }
    if (added > 0) this.changed.fire(this.corpus);
    return added;
  }

  /** Resolves when the first load (or the reload in progress) has finished. */
  get ready(): Promise<Corpus> {
    return this.loading ?? this.reload();
  }

  /** The folders to read, from the settings (as they are now), resolved against the workspace. */
  folders(): CorpusFolder[] {
    return configuredFolders(this.bundledDir, this.log);
  }

  /** Loads the corpus afresh (through the persisted index) in the background and swaps it in when done. */
  reload(): Promise<Corpus> {
    this.superseded?.abort();
    const controller = new AbortController();
    this.superseded = controller;
    const loading = this.enqueue(() => this.load(controller)).catch((error: unknown) => {
      this.log.error('corpus load failed', error);
      this.setLoadState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    });
    this.loading = loading;
    return loading;
  }

  private async load(controller: AbortController): Promise<Corpus> {
    if (controller.signal.aborted) return this.corpus; // a newer reload is queued behind this one
    const started = performance.now();
    const folders = this.folders();
    // Watch first: a change made while the folders are read is applied, in one batch, after the load.
    const watched = folders.filter((folder) => !folder.bundled);
    const newlyWatched = this.watcher.watch(
      watched.map((folder) => folder.root),
      (path) => isRelevantChange(watched, path),
    );
    const cancelledByUser = (this.stopping = new AbortController()); // the notification's Cancel, or stopLoad
    const progress = loadProgress(cancelledByUser);
    this.setLoadState({ kind: 'loading', done: 0, total: 0 });
    let shownPercent = -1;
    const folderProblems: FileProblem[] = [];
    let result;
    try {
      result = await IndexedCorpus.load({
        folders,
        maxFileBytes: maxFileBytes(),
        ...(this.store ? { store: this.store } : {}),
        ...(this.parser ? { parser: parsedHereWhen(this.parser, bundled) } : {}),
        signal: AbortSignal.any([controller.signal, cancelledByUser.signal]),
        onProgress: (done, total) => {
          progress.report(done, total);
          const percent = total === 0 ? 0 : Math.floor((done / total) * 100);
          if (percent !== shownPercent) this.setLoadState({ kind: 'loading', done, total });
          shownPercent = percent;
        },
        onProblem: (problem) => {
          this.problems.logProblem(problem);
          if (!isArticlePath(problem.path)) folderProblems.push(problem); // a topic list or catalog
        },
        log: (line) => this.log.info(line),
      });
    } finally {
      progress.done();
    }
    const { indexed, stats } = result;
    if (controller.signal.aborted) return this.corpus; // superseded: the newer load swaps in its corpus
    this.indexed = indexed;
    this.corpus = indexed.corpus;
    this.loadedFolders = folders;
    this.folderProblems = folderProblems;
    this.statsValue = { loads: this.statsValue.loads + 1, ...stats, batches: 0 };
    const ms = Math.round(performance.now() - started);
    this.log.info(
      `corpus ${stats.cancelled ? 'load cancelled, kept' : 'loaded:'} ${this.corpus.size} articles from ${folders.length} folder(s) in ${ms} ms: ` +
        `${stats.fromCache} file(s) from the persisted index, ${stats.parsed} read and parsed (load #${this.statsValue.loads})`,
    );
    this.announce();
    this.setLoadState({ kind: 'ready' });
    this.schedulePersist();
    if (newlyWatched.length > 0) this.scheduleRescan();
    return this.corpus;
  }

  /** Stops the load in progress as the notification's Cancel does (what was read stays); says whether one was running. */
  stopLoad(): boolean {
    if (this.loadStateValue.kind !== 'loading' || !this.stopping || this.stopping.signal.aborted) return false;
    this.stopping.abort();
    return true;
  }

  /** Applies one batch of changed paths from the watchers: incremental, and one `onDidChange` for the batch. */
  private applyBatch(paths: string[]): Promise<void> {
    return this.enqueue(async () => {
      const indexed = this.indexed;
      if (!indexed) return;
      const result = await indexed.apply(paths);
      if (indexed !== this.indexed) return; // a reload replaced the corpus meanwhile
      if (result.reloadNeeded) {
        this.log.info('a topic list or entity catalog changed; reloading the corpus');
        void this.reload();
        return;
      }
      this.statsValue = { ...this.statsValue, batches: this.statsValue.batches + 1 };
      this.log.info(`corpus files changed: ${paths.length} path(s) in one batch, ${result.files} file(s) looked at, corpus ${result.changed ? 'updated' : 'unchanged'}`);
      if (!result.changed) return;
      this.announce();
      this.schedulePersist();
    }).catch((error: unknown) => this.log.error('applying corpus file changes failed', error));
  }

  /** Tells the features, the UI and the Problems panel about the corpus as it is now: one change event. */
  private announce(): void {
    this.changed.fire(this.corpus);
    // Context keys only choose the views' welcome text: not worth a round trip to the window before the event.
    void vscode.commands.executeCommand('setContext', ContextKeys.corpusEmpty, this.corpus.size === 0);
    void vscode.commands.executeCommand('setContext', ContextKeys.corpusLoaded, true);
    this.problems.show([...this.folderProblems, ...this.corpus.problems()], this.loadedFolders.filter((f) => f.bundled).map((f) => f.root));
  }

  /**
   * A file watcher takes a moment to start (seconds, on a busy machine), and
   * VS Code says nothing when it has: a change made meanwhile would be lost.
   * So a while after a folder is first watched, the folders are compared with
   * the corpus once (a stat per file) and any difference applied as a batch.
   */
  private scheduleRescan(): void {
    this.rescanTimer.schedule(RESCAN_DELAY_MS, () => {
      void this.enqueue(async () => {
        const indexed = this.indexed;
        const result = await indexed?.rescan();
        if (!result?.changed || indexed !== this.indexed) return;
        this.log.info(`corpus files changed while the file watcher started: ${result.files} file(s) read again`);
        this.announce();
        this.schedulePersist();
      }).catch((error: unknown) => this.log.error('comparing the corpus folders with the corpus failed', error));
    });
  }

  private schedulePersist(): void {
    if (this.store) this.persistTimer.schedule(PERSIST_DELAY_MS, () => void this.persist(true));
  }

  /** Writes the persisted index of the folders that changed: at once, or (`background`) without holding the thread. */
  async persist(background = false): Promise<void> {
    this.persistTimer.cancel();
    try {
      if (background) await this.indexed?.persistInBackground();
      else this.indexed?.persist();
    } catch (error) {
      this.log.warn(`the corpus index could not be saved (the next start reads every file again): ${(error as Error).message}`);
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.superseded?.abort();
    this.rescanTimer.cancel();
    if (this.persistTimer.pending || this.indexed?.unwritten()) void this.persist(); // on disk before the window closes
    this.watcher.dispose();
    this.changed.dispose();
    this.loadStateChanged.dispose();
    this.problems.dispose();
    void this.parser?.close();
  }
}
