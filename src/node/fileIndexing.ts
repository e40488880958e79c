import { articleRecord } from '../core/cache/articleRecord';
import type { FileKey, IndexedOutcome } from '../core/cache/folderIndex';
import { parseFallbackReason } from '../core/parse/article';
import { type Decoded, decodeCorpusFile, tooLargeReason } from '../core/parse/decode';
import { type PreparedFile, prepareFile } from '../core/preparedFile';
import { articleFormat, isExtractedFormat } from '../core/readers/extracted';
import type { CorpusFile } from './corpusFolder';
import { readRegularFile } from './corpusPaths';
import { prepareExtracted } from './readers/prepareExtracted';
import { fileKeyOrUndefined, type ReadFile } from './readFile';

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

/**
 * The files `here` picks parsed on the calling thread, the rest with
 * `parser` (a worker with a budget per file). What may go there: the
 * bundled corpus (a few short articles of our own, where starting a worker
 * would cost more than the parse), and, for a process with no thread to
 * keep free (the CLI), plain text (`plainTextOrBundled`), whose reading is linear in
 * its length; never a user's Markdown, which a hostile file can make slow
 * or huge to parse.
 */
export function parsedHereWhen(parser: ArticleParser, here: (file: CorpusFile) => boolean): ArticleParser {
  return {
    prepare: (file, decoded, signal) => (here(file) ? inThreadParser : parser).prepare(file, decoded, signal),
  };
}

/** A file of the bundled corpus. */
export const bundled = (file: CorpusFile): boolean => file.bundled === true;

/** A plain-text file, or one of the bundled corpus. */
export const plainTextOrBundled = (file: CorpusFile): boolean => bundled(file) || articleFormat(file.path) === 'text';

/**
 * Reads, decodes and parses one corpus file in full: regular files only,
 * within the size limit, the parse handed to `parser`. Never throws; resolves
 * undefined only when cancelled.
 */
export async function readAndPrepareWith(
  file: CorpusFile,
  maxBytes: number,
  known: FileKey | undefined,
  parser: ArticleParser,
  signal?: AbortSignal,
): Promise<ReadFile | undefined> {
  // A web page or PDF has been read by its own reader (readers/extractions) before it gets here.
  if (isExtractedFormat(file.path)) return prepareExtracted(file, known ?? fileKeyOrUndefined(file));
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
  if (outcome.warning === prepared.warning) return prepared;
  const { warning: _dropped, ...rest } = prepared;
  return outcome.warning === undefined ? rest : { ...rest, warning: outcome.warning };
}

function joinWarnings(...warnings: (string | undefined)[]): string | undefined {
  const given = warnings.filter((w): w is string => w !== undefined && w !== '');
  return given.length > 0 ? given.join('; ') : undefined;
}
