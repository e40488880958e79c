import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { preparedFromRecord } from '../../core/cache/articleRecord';
import type { IndexedOutcome } from '../../core/cache/folderIndex';
import type { Decoded } from '../../core/parse/decode';
import { type PreparedFile, prepareFile } from '../../core/preparedFile';
import type { CorpusFile } from '../corpusFiles';
import { type ArticleParser, parsedNow } from '../fileIndexing';
import { WorkerPool } from './pool';

/** What the parse worker is handed: the file (without its text) and its decoded text. */
export interface ParseInput {
  readonly file: Omit<CorpusFile, 'realPath'>;
  readonly decoded: Decoded & { readonly ok: true };
}

/** Longest a file's Markdown parse may take in a worker before it is read as plain text instead. */
export const PARSE_BUDGET_MS = 2000;
/** Heap a worker may use for one file; past it the file is read as plain text instead. */
export const PARSE_HEAP_MB = 256;

/** The bundled worker script beside the running bundle (`dist/`), or where `SOURCEBOOK_PARSE_WORKER` says. */
export function parseWorkerScript(): string | undefined {
  const candidates = [process.env.SOURCEBOOK_PARSE_WORKER, join(__dirname, 'parseWorker.js')];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

export interface WorkerParserOptions {
  readonly script: string;
  readonly size?: number;
  readonly budgetMs?: number;
  readonly heapMb?: number;
}

/**
 * Parses corpus files in worker threads, off the thread that called (an
 * extension host's, which must stay responsive), with a time and memory
 * budget per file. A Markdown file over budget is read as plain text, with
 * why; a plain-text file over budget is skipped. Cancelling terminates the
 * worker at once, even in the middle of a file.
 */
export class WorkerParser implements ArticleParser {
  private readonly pool: WorkerPool<ParseInput, IndexedOutcome>;
  private readonly budgetMs: number;

  constructor(options: WorkerParserOptions) {
    this.budgetMs = options.budgetMs ?? PARSE_BUDGET_MS;
    this.pool = new WorkerPool({
      script: options.script,
      size: options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? PARSE_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
  }

  async prepare(file: CorpusFile, decoded: Decoded, signal?: AbortSignal): Promise<PreparedFile | undefined> {
    if (!decoded.ok) return prepareFile(file, decoded);
    const plain = { path: file.path, relativePath: file.relativePath, bundled: file.bundled };
    const input = { file: file.defaults ? { ...plain, defaults: file.defaults } : plain, decoded };
    const result = await this.pool.run(input, { timeoutMs: this.budgetMs, ...(signal ? { signal } : {}) });
    if (result.ok) return preparedOf(file, decoded.text, result.value);
    if (result.failure === 'cancelled') return undefined;
    const why =
      result.failure === 'timeout'
        ? `parsing took over ${this.budgetMs / 1000} s`
        : result.failure === 'memory'
          ? 'parsing needed too much memory'
          : `parsing failed (${result.message})`;
    if (/\.txt$/i.test(file.path)) return { ok: false, reason: `${why}; skipped` };
    const fallback = parsedNow(prepareFile({ ...file, plainText: true }, decoded));
    if (!fallback.ok) return fallback;
    const warning = [`${why}; read as plain text`, fallback.warning].filter((w) => w !== undefined).join('; ');
    return { ...fallback, warning };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** A prepared file from what a worker made of it; the text is kept, so sections are made without reading it again. */
function preparedOf(file: CorpusFile, text: string, outcome: IndexedOutcome): PreparedFile {
  if ('skipped' in outcome) return { ok: false, reason: outcome.skipped };
  return preparedFromRecord(outcome.article, outcome.warning, {
    path: file.path,
    relativePath: file.relativePath,
    bundled: file.bundled,
    read: () => text,
  });
}
