import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileKey, IndexedOutcome } from '../core/cache/folderIndex';
import type { CorpusFile } from './corpusFiles';

/** A file parsed by a worker: its outcome and text, or why it was skipped. */
export type ParsedFile =
  | { readonly key: FileKey | undefined; readonly outcome: IndexedOutcome; readonly text: string; readonly cacheable: boolean }
  | { readonly key: FileKey | undefined; readonly skipped: string; readonly cacheable: boolean };

export interface ParseRequest {
  readonly id: number;
  readonly files: readonly CorpusFile[];
  readonly maxBytes: number;
}

export interface ParseResponse {
  readonly id: number;
  readonly results: ParsedFile[];
}

interface Job {
  readonly request: ParseRequest;
  resolve(results: ParsedFile[]): void;
  reject(error: Error): void;
}

/**
 * Worker threads that read and parse corpus files. Jobs queue and go to the
 * next idle worker; each resolves with its files' results in order. Made only
 * when the worker bundle exists (a bundled build); callers parse on their own
 * thread otherwise.
 */
export class ParsePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 0;

  private constructor(workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (response: ParseResponse) => this.finish(worker, (job) => job.resolve(response.results)));
      worker.on('error', (error) => this.fail(worker, error));
      this.idle.push(worker);
    }
  }

  /** A pool of `size` workers (default: one per core) running `file`, or undefined when `file` is not there. */
  static create(file: string | undefined, size = availableParallelism()): ParsePool | undefined {
    if (!file || !existsSync(file)) return undefined;
    return new ParsePool(Array.from({ length: Math.max(1, size) }, () => new Worker(file)));
  }

  get size(): number {
    return this.idle.length + this.busy.size;
  }

  /** Parses files on a worker; resolves with their results in the same order. */
  parse(files: readonly CorpusFile[], maxBytes: number): Promise<ParsedFile[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, files, maxBytes }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers; queued and running jobs reject. */
  dispose(): void {
    for (const job of [...this.queue, ...this.busy.values()]) job.reject(new Error('parsing was stopped'));
    this.queue.length = 0;
    for (const worker of [...this.idle, ...this.busy.keys()]) void worker.terminate();
    this.idle.length = 0;
    this.busy.clear();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.request);
    }
  }

  /** A worker that failed is gone: its job rejects, and every job when no worker is left. */
  private fail(worker: Worker, error: Error): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at !== -1) this.idle.splice(at, 1);
    job?.reject(error);
    if (this.idle.length === 0 && this.busy.size === 0) {
      for (const queued of this.queue.splice(0)) queued.reject(error);
    }
  }

  private finish(worker: Worker, settle: (job: Job) => void): void {
    const job = this.busy.get(worker);
    if (!job) return;
    this.busy.delete(worker);
    this.idle.push(worker);
    settle(job);
    this.dispatch();
  }
}
