import { lstatSync } from 'node:fs';
import { articleRecord } from '../core/cache/articleRecord';
import type { FileKey, IndexedOutcome } from '../core/cache/folderIndex';
import { parseFallbackReason } from '../core/parse/article';
import { type Decoded, decodeCorpusFile, tooLargeReason } from '../core/parse/decode';
import { type PreparedFile, prepareFile } from '../core/preparedFile';
import { isExtractedFormat } from '../core/readers/extracted';
import { type CorpusFile, type CorpusFolder, excludeMatcher, isInside, relativeTo } from './corpusFiles';
import { notRegularReason, readRegularFile } from './corpusPaths';
import { prepareExtracted } from './readers/prepareExtracted';

/** One file read and parsed: the key it had, what it came to, and whether that may be persisted. */
export interface ReadFile {
  /** Undefined when the file could not even be looked at. */
  readonly key: FileKey | undefined;
  readonly prepared: PreparedFile;
  /**
   * Whether the outcome depends only on the file's contents (an article, or a
   * file skipped for what it holds) and so may go in the persisted index. A
   * file over the size limit or that could not be read is looked at again.
   */
  readonly cacheable: boolean;
}

/**
 * Looks at a file's key: its size and modification time. The file is looked
 * at where it really is (`realPath`), never through a link. Throws when it
 * cannot be looked at or is not a regular file.
 */
export function fileKey(file: CorpusFile): FileKey {
  const stat = lstatSync(file.realPath ?? file.path);
  if (!stat.isFile()) throw new Error(notRegularReason(stat));
  return { size: stat.size, mtime: stat.mtimeMs };
}

/** Reads, decodes and parses one corpus file in full: regular files only, within the size limit. Never throws. */
export function readAndPrepare(file: CorpusFile, maxBytes: number, known?: FileKey): ReadFile {
  if (isExtractedFormat(file.path)) return prepareExtracted(file, known ?? keyOrUndefined(file));
  if (known && known.size > maxBytes)
    return { key: known, prepared: { ok: false, reason: tooLargeReason(known.size, maxBytes) }, cacheable: false };
  const read = readRegularFile(file.realPath ?? file.path, maxBytes);
  if (!read.ok) return { key: known, prepared: { ok: false, reason: read.reason }, cacheable: false };
  const key = { size: read.size, mtime: read.mtime };
  try {
    return { key, prepared: parsedNow(prepareFile(file, decodeCorpusFile(read.bytes, maxBytes))), cacheable: true };
  } catch (error) {
    return { key, prepared: { ok: false, reason: `cannot be read: ${(error as Error).message}` }, cacheable: false };
  }
}

/**
 * Parses a decoded corpus file into a prepared file with every section
 * parsed: on this thread, or in a worker with a time and memory budget.
 * Resolves undefined only when cancelled.
 */
export interface ArticleParser {
  prepare(file: CorpusFile, decoded: Decoded, signal?: AbortSignal): Promise<PreparedFile | undefined>;
}

/** Parses on the calling thread: no budget, as before there were workers. */
export const inThreadParser: ArticleParser = {
  prepare: (file, decoded) => Promise.resolve(parsedNow(prepareFile(file, decoded))),
};

/** `readAndPrepare` with the parse handed to `parser`. Resolves undefined only when cancelled. */
export async function readAndPrepareWith(
  file: CorpusFile,
  maxBytes: number,
  known: FileKey | undefined,
  parser: ArticleParser,
  signal?: AbortSignal,
): Promise<ReadFile | undefined> {
  // A web page or PDF has been read by its own reader (readers/extractions) before it gets here.
  if (isExtractedFormat(file.path)) return prepareExtracted(file, known ?? keyOrUndefined(file));
  if (known && known.size > maxBytes)
    return { key: known, prepared: { ok: false, reason: tooLargeReason(known.size, maxBytes) }, cacheable: false };
  const read = readRegularFile(file.realPath ?? file.path, maxBytes);
  if (!read.ok) return { key: known, prepared: { ok: false, reason: read.reason }, cacheable: false };
  const key = { size: read.size, mtime: read.mtime };
  try {
    const prepared = await parser.prepare(file, decodeCorpusFile(read.bytes, maxBytes), signal);
    return prepared && { key, prepared, cacheable: true };
  } catch (error) {
    return { key, prepared: { ok: false, reason: `cannot be read: ${(error as Error).message}` }, cacheable: false };
  }
}

/**
 * What a prepared file persists as. Parses every section of an article now:
 * the record is what the next start restores. Never throws: a Markdown
 * parse that fails is read as plain text, and the reason joins the warning.
 */
export function outcomeOf(prepared: PreparedFile): IndexedOutcome {
  if (!prepared.ok) return { skipped: prepared.reason };
  try {
    const article = articleRecord(prepared.article);
    const warning = joinWarnings(prepared.warning, parseFallbackReason(prepared.article));
    return warning === undefined ? { article } : { article, warning };
  } catch (error) {
    return { skipped: `cannot be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A prepared file with every section parsed, and any fallback the parse needed in its warning. */
export function parsedNow(prepared: PreparedFile): PreparedFile {
  if (!prepared.ok) return prepared;
  const outcome = outcomeOf(prepared);
  if ('skipped' in outcome) return { ok: false, reason: outcome.skipped };
  return outcome.warning === prepared.warning ? prepared : { ...prepared, warning: outcome.warning! };
}

function joinWarnings(...warnings: (string | undefined)[]): string | undefined {
  const given = warnings.filter((w): w is string => w !== undefined && w !== '');
  return given.length > 0 ? given.join('; ') : undefined;
}

function keyOrUndefined(file: CorpusFile): FileKey | undefined {
  try {
    return fileKey(file);
  } catch {
    return undefined;
  }
}

export function sameKey(a: FileKey | undefined, b: FileKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtime === b.mtime;
}

/** Whether a corpus-relative path is in a hidden folder or `node_modules`, or is a hidden file: never read. */
export function isHidden(relativePath: string): boolean {
  return relativePath.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/** The configured folder a path is in (the innermost, when folders nest). */
export function folderOf(folders: readonly CorpusFolder[], path: string): CorpusFolder | undefined {
  let best: CorpusFolder | undefined;
  for (const folder of folders)
    if (isInside(folder.root, path) && (!best || folder.root.length > best.root.length)) best = folder;
  return best;
}

/**
 * Whether a changed path can matter to a corpus of these folders: inside one
 * of them, not hidden, not in `node_modules`, not excluded. A watcher drops
 * the rest (a `.git` folder's churn) before batching.
 */
export function isRelevantChange(folders: readonly CorpusFolder[], path: string): boolean {
  const folder = folderOf(folders, path);
  if (!folder) return false;
  const relativePath = relativeTo(folder.root, path);
  return !isHidden(relativePath) && !(excludeMatcher(folder.exclude)?.(relativePath) ?? false);
}
