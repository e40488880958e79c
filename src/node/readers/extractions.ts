import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileKey } from '../../core/cache/folderIndex';
import { articleFormat, type Extraction, isExtractedFormat } from '../../core/readers/extracted';
import { tooLargeReason } from '../../core/parse/decode';
import { readRegularFile } from '../corpusPaths';

/** Set by the build (esbuild and vitest `define`): true in the bundles, where the readers live in their own worker bundle. */
declare const SOURCEBOOK_BUNDLED: boolean;

/** A PDF's bytes are mostly fonts and images: it may be this many times the text size limit. */
export const PDF_SIZE_FACTOR = 16;

/** The size limit for a file of this path, given the limit for text files. */
export function sizeLimitFor(path: string, maxBytes: number): number {
  return articleFormat(path) === 'pdf' ? maxBytes * PDF_SIZE_FACTOR : maxBytes;
}

/** The time one file may take to read: 15 seconds, and 2 more per megabyte. */
export function budgetFor(size: number): number {
  return 15_000 + Math.ceil(size / (1024 * 1024)) * 2_000;
}

interface Pending {
  readonly resolve: (result: Extraction) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Runs the readers on a worker thread (the bundle `readerWorker.mjs`, which
 * holds linkedom, Readability and pdf.js: the extension's own bundle holds
 * none of them, and the worker starts only when a folder has a web page or
 * PDF). Each file gets a time budget; a file over it has its worker stopped,
 * and the next file gets a fresh one. Without the bundle (the tests run the
 * sources) the readers run on this thread.
 */
class ReaderPool {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  extract(path: string, bytes: Uint8Array): Promise<Extraction> {
    const script = workerScript();
    if (!script) return inlineExtract(path, bytes);
    const worker = this.started(script);
    const id = this.nextId++;
    const budget = budgetFor(bytes.length);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.stop(`reading took longer than ${Math.round(budget / 1000)} s; skipped`, id);
      }, budget);
      timer.unref();
      this.pending.set(id, { resolve, timer });
      worker.ref();
      worker.postMessage({ id, path, bytes }, [bytes.buffer as ArrayBuffer]);
    });
  }

  /** Stops the worker (when idle, so an extension host shuts down cleanly). */
  dispose(): void {
    this.stop('the reader was stopped');
  }

  private started(script: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    worker.on('message', ({ id, result }: { id: number; result: Extraction }) => {
      const pending = this.pending.get(id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(id);
      // An idle reader never keeps a process alive: the CLI exits when its work is done.
      if (this.pending.size === 0) worker.unref();
      pending.resolve(result);
    });
    worker.on('error', (error) => this.stop(`the reader failed: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker === worker) this.stop('the reader stopped');
    });
    this.worker = worker;
    return worker;
  }

  /** Ends the worker; the file `timedOut` (or every file waiting, when none is named) gets `reason`, the rest fail as stopped. */
  private stop(reason: string, timedOut?: number): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve({
        ok: false,
        reason:
          timedOut === undefined || id === timedOut
            ? reason
            : 'the reader was restarted; read again on the next change',
      });
    }
    this.pending.clear();
    void worker?.terminate();
  }
}

function workerScript(): string | undefined {
  if (!SOURCEBOOK_BUNDLED) return undefined;
  const script = join(__dirname, 'readerWorker.mjs');
  return existsSync(script) ? script : undefined;
}

async function inlineExtract(path: string, bytes: Uint8Array): Promise<Extraction> {
  // The branch is dropped from the bundles, so they never hold the readers themselves.
  if (!SOURCEBOOK_BUNDLED) {
    const { extractBytes } = await import('./extract');
    return extractBytes(path, bytes);
  }
  return { ok: false, reason: 'the HTML and PDF reader (readerWorker.mjs) is missing from this build' };
}

/**
 * What the readers made of each web page and PDF, by path and file key. The
 * loaders read files synchronously; they ask for web pages and PDFs ahead
 * (`prefetch`, asynchronous, off this thread) and then find them here.
 */
export class Extractions {
  private readonly known = new Map<string, { key: FileKey; result: Extraction }>();
  private readonly pool = new ReaderPool();

  /**
   * Reads the web pages and PDFs among `files` whose key is not the one read
   * last, one after another, each as a regular file within its size limit
   * (never through a link). Stops early when `signal` aborts.
   */
  async prefetch(
    files: Iterable<{ readonly path: string; readonly realPath?: string }>,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<void> {
    for (const file of files) {
      if (signal?.aborted) return;
      if (!isExtractedFormat(file.path)) continue;
      const where = file.realPath ?? file.path;
      let key: FileKey;
      try {
        const stat = lstatSync(where);
        if (!stat.isFile()) continue; // the loader reports what it is
        key = { size: stat.size, mtime: stat.mtimeMs };
      } catch {
        continue; // reported as unreadable when the loader looks at it
      }
      if (this.get(file.path, key)) continue;
      const limit = sizeLimitFor(file.path, maxBytes);
      let result: Extraction;
      if (key.size > limit) result = { ok: false, reason: tooLargeReason(key.size, limit) };
      else if (key.size === 0) result = { ok: false, reason: 'file is empty' };
      else {
        const read = readRegularFile(where, limit);
        result = read.ok
          ? await this.pool.extract(file.path, new Uint8Array(read.bytes))
          : { ok: false, reason: read.reason };
      }
      this.known.set(file.path, { key, result });
    }
  }

  /** The extraction of `path` as it was with `key`, if it has been read. */
  get(path: string, key: FileKey | undefined): Extraction | undefined {
    const entry = this.known.get(path);
    return entry && key && entry.key.size === key.size && entry.key.mtime === key.mtime ? entry.result : undefined;
  }

  /** Stops the reader worker. */
  dispose(): void {
    this.pool.dispose();
  }
}

/** The process's extractions: one reader worker, and one memory of what it read, for every corpus loaded here. */
export const extractions = new Extractions();
