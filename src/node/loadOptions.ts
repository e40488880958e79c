// What a corpus load is given and what it reports: the options and results of `IndexedCorpus`.
import type { FileProblem } from '../core/model';
import type { CorpusFolder } from './corpusFolder';
import type { ArticleParser } from './fileIndexing';
import type { IndexStore } from './indexCache';

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
