import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { preparedFromRecord } from '../../core/cache/articleRecord';
import type { IndexedOutcome } from '../../core/cache/folderIndex';
import type { Discovery } from '../../core/entities/discovery';
import type { Decoded } from '../../core/parse/decode';
import { type PreparedFile, prepareFile } from '../../core/preparedFile';
import type { DocumentAnalyser } from '../../core/search/passageSearch';
import type { AnalysedDocument } from '../../core/search/termIndex';
import type { CorpusFile } from '../corpusFolder';
import type { ArticleParser } from '../fileIndexing';
import { type TaskFailure, WorkerPool } from './pool';

/** What the parse worker is handed: the file (without its text) and its decoded text. */
export interface ParseInput {
  readonly file: Omit<CorpusFile, 'realPath'>;
  readonly decoded: Decoded & { readonly ok: true };
}

/** What the worker is handed to tokenize for the search index: paragraph texts. */
export interface AnalyseInput {
  readonly texts: readonly string[];
}

/** What the worker is handed to discover a corpus's entities: each article's sentences (see `discoveryInput`), and the catalog's names. */
export interface DiscoverInput {
  readonly sentences: readonly string[];
  /** Folded name → catalog entity id (`EntityIndex.foldedNames` of a partial index). */
  readonly known: readonly (readonly [string, string])[];
}

/** Longest discovering a corpus's entities may take in a worker. */
const DISCOVER_BUDGET_MS = 300_000;

/** Longest tokenizing one batch of paragraphs for the search index may take in a worker. */
const ANALYSE_BUDGET_MS = 20_000;

/** Longest a file's Markdown parse may take in a worker before it is read as plain text instead. */
export const PARSE_BUDGET_MS = 2000;
/** Heap a worker may use for one file; past it the file is read as plain text instead. */
export const PARSE_HEAP_MB = 256;

/** The bundled worker script beside the running bundle (`dist/`), or where `SOURCEBOOK_PARSE_WORKER` says. */
export function parseWorkerScript(): string | undefined {
  const candidates = [process.env.SOURCEBOOK_PARSE_WORKER, join(__dirname, 'parseWorker.js')];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

/** A worker parser when the worker script is bundled beside the running bundle (it always is, built); else undefined. */
export function bundledWorkerParser(): WorkerParser | undefined {
  const script = parseWorkerScript();
  return script ? new WorkerParser({ script }) : undefined;
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
  private readonly pool: WorkerPool<
    ParseInput | AnalyseInput | DiscoverInput,
    IndexedOutcome | AnalysedDocument[] | Discovery
  >;
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
    const result = await this.run(file, decoded, false, signal);
    if (result.ok) return preparedOf(file, decoded.text, result.value as IndexedOutcome);
    if (result.failure === 'cancelled') return undefined;
    const why = failureReason(result, this.budgetMs);
    if (/\.txt$/i.test(file.path)) return { ok: false, reason: `${why}; skipped` };
    // The plain-text reading runs in a worker too, with a budget of its own: a file whose Markdown
    // was too much may still be large enough to hold the calling thread for seconds.
    const plain = await this.run(file, decoded, true, signal);
    if (!plain.ok && plain.failure === 'cancelled') return undefined;
    if (!plain.ok)
      return { ok: false, reason: `${why}; as plain text, ${failureReason(plain, this.budgetMs)}; skipped` };
    const fallback = preparedOf(file, decoded.text, plain.value as IndexedOutcome);
    if (!fallback.ok) return fallback;
    const warning = [`${why}; read as plain text`, fallback.warning].filter((w) => w !== undefined).join('; ');
    return { ...fallback, warning };
  }

  /** Parses one file in a worker, as Markdown or (`plainText`) as plain text. */
  private run(file: CorpusFile, decoded: Decoded & { ok: true }, plainText: boolean, signal?: AbortSignal) {
    const plain = { path: file.path, relativePath: file.relativePath, bundled: file.bundled, plainText };
    const input = { file: file.defaults ? { ...plain, defaults: file.defaults } : plain, decoded };
    return this.pool.run(input, { timeoutMs: this.budgetMs, ...(signal ? { signal } : {}) });
  }

  /**
   * Tokenizes paragraph texts for the search index in the same workers (idle
   * once a load is done), so warming the index does not hold this thread.
   * Undefined when the worker could not (over its budget, cancelled).
   */
  readonly analyse: DocumentAnalyser = async (texts, signal) => {
    const result = await this.pool.run({ texts }, { timeoutMs: ANALYSE_BUDGET_MS, ...(signal ? { signal } : {}) });
    return result.ok ? (result.value as AnalysedDocument[]) : undefined;
  };

  /**
   * Discovers the entities of a corpus in a worker, from each article's
   * sentences and the catalog's names (see `discoveryInput`), so the calling
   * thread is not held for it. Undefined when the worker could not (over its
   * budget or memory, cancelled): the caller then discovers them itself.
   */
  async discover(input: DiscoverInput, signal?: AbortSignal): Promise<Discovery | undefined> {
    const result = await this.pool.run(input, { timeoutMs: DISCOVER_BUDGET_MS, ...(signal ? { signal } : {}) });
    return result.ok ? (result.value as Discovery) : undefined;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Why a worker gave no parse, as the log says it. */
function failureReason(result: { readonly failure: TaskFailure; readonly message: string }, budgetMs: number): string {
  if (result.failure === 'timeout') return `parsing took over ${budgetMs / 1000} s`;
  if (result.failure === 'memory') return 'parsing needed too much memory';
  return `parsing failed (${result.message})`;
}

/** A prepared file from what a worker made of it; the text is kept, so sections are made without reading it again. */
function preparedOf(file: CorpusFile, text: string, outcome: IndexedOutcome): PreparedFile {
  if ('skipped' in outcome) return { ok: false, reason: outcome.skipped };
  return preparedFromRecord(outcome.article, outcome.warning, {
    path: file.path,
    relativePath: file.relativePath,
    bundled: file.bundled,
    texts: { read: () => text },
  });
}
