import { type ArticleRecord, isWellFormedRecord } from './articleRecord';

/** Names the file format; a file that does not say it is one is not read. */
export const INDEX_FORMAT = 'sourcebook-corpus-index';
/** Bumped whenever the layout or the meaning of a record changes; other versions are discarded. */
export const INDEX_VERSION = 1;

/** What identifies a file's contents without reading it. */
export interface FileKey {
  readonly size: number;
  /** Modification time, in milliseconds. */
  readonly mtime: number;
}

/** What a file came to: an article record (and what was read best-effort), or why it was skipped. */
export type IndexedOutcome =
  | { readonly article: ArticleRecord; readonly warning?: string }
  | { readonly skipped: string };

export interface IndexEntry {
  readonly key: FileKey;
  readonly outcome: IndexedOutcome;
}

/** The persisted index of one corpus folder: entries by path relative to the folder. */
export interface FolderIndex {
  readonly root: string;
  /** Identifies the code that made the records (a different parser makes different records). */
  readonly producer: string;
  readonly files: ReadonlyMap<string, IndexEntry>;
}

/** The byte order of this machine's typed arrays: the integers are stored in it. */
const ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

/** An article record in the header: everything but the structure, which is `count` integers from `at`. */
type StoredRecord = Omit<ArticleRecord, 'structure'> & { readonly at: number; readonly count: number };
type StoredOutcome = { readonly article: StoredRecord; readonly warning?: string } | { readonly skipped: string };

/**
 * Serializes a folder index: one line of JSON (the header: format, version,
 * and per file its key, metadata and section titles), then, aligned to four
 * bytes, every record's structure as 32-bit integers.
 */
export function encodeFolderIndex(index: FolderIndex): Uint8Array {
  const files: Record<string, [number, number, StoredOutcome]> = {};
  const structures: Int32Array[] = [];
  let ints = 0;
  for (const [path, { key, outcome }] of index.files) {
    let stored: StoredOutcome = outcome as StoredOutcome;
    if ('article' in outcome) {
      const { structure, ...rest } = outcome.article;
      stored = { ...outcome, article: { ...rest, at: ints, count: structure.length } };
      structures.push(structure);
      ints += structure.length;
    }
    files[path] = [key.size, key.mtime, stored];
  }
  const header = new TextEncoder().encode(
    `${JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION, producer: index.producer, root: index.root, endian: ENDIAN, ints, files })}\n`,
  );
  const dataStart = align(header.length);
  const bytes = new Uint8Array(dataStart + ints * 4);
  bytes.set(header);
  const data = new Int32Array(bytes.buffer, dataStart, ints);
  let at = 0;
  for (const structure of structures) {
    data.set(structure, at);
    at += structure.length;
  }
  return bytes;
}

export type DecodedIndex = { readonly ok: true; readonly index: FolderIndex } | { readonly ok: false; readonly reason: string };

/**
 * Reads a folder index written by `encodeFolderIndex`, and checks all of it:
 * a bad header, another format or version, another folder, producer or byte
 * order, a truncated body, or any record of the wrong shape (offsets past the
 * text, unknown block kinds…) rejects the whole index with the reason.
 * Never throws.
 */
export function decodeFolderIndex(bytes: Uint8Array, expected: { readonly root: string; readonly producer: string }): DecodedIndex {
  const newline = bytes.indexOf(10);
  let data: unknown;
  try {
    if (newline === -1) throw new Error('no header line');
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, newline)));
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(data) || data.format !== INDEX_FORMAT) return { ok: false, reason: 'not a Sourcebook corpus index' };
  if (data.version !== INDEX_VERSION) return { ok: false, reason: `format version ${String(data.version)}, expected ${INDEX_VERSION}` };
  if (data.root !== expected.root) return { ok: false, reason: `made for another folder (${String(data.root)})` };
  if (data.producer !== expected.producer) return { ok: false, reason: `made by another build (${String(data.producer)})` };
  if (data.endian !== ENDIAN) return { ok: false, reason: 'made on a machine of another byte order' };
  if (!isObject(data.files) || !isCount(data.ints)) return { ok: false, reason: 'has no file table' };
  const dataStart = align(newline + 1);
  if (bytes.length !== dataStart + data.ints * 4) return { ok: false, reason: 'is truncated or has trailing bytes' };
  const body = bytes.subarray(dataStart);
  // Int32Array needs an aligned offset into its buffer; copy when the bytes do not have one.
  const ints = (bytes.byteOffset + dataStart) % 4 === 0 ? new Int32Array(body.buffer, body.byteOffset, data.ints) : new Int32Array(body.slice().buffer);
  const files = new Map<string, IndexEntry>();
  for (const [path, entry] of Object.entries(data.files)) {
    const outcome = entryOutcome(entry, ints);
    if (typeof outcome === 'string') return { ok: false, reason: `entry "${path}" ${outcome}` };
    const [size, mtime] = entry as [number, number];
    files.set(path, { key: { size, mtime }, outcome });
  }
  return { ok: true, index: { root: expected.root, producer: expected.producer, files } };
}

/** The outcome of an entry, or what is wrong with it. */
function entryOutcome(entry: unknown, ints: Int32Array): IndexedOutcome | string {
  if (!Array.isArray(entry) || entry.length !== 3) return 'is not [size, mtime, outcome]';
  const [size, mtime, outcome] = entry as unknown[];
  if (!isCount(size) || typeof mtime !== 'number' || !Number.isFinite(mtime)) return 'has a bad size or mtime';
  if (!isObject(outcome)) return 'has no outcome';
  if ('skipped' in outcome) return typeof outcome.skipped === 'string' ? { skipped: outcome.skipped } : 'has a bad skip reason';
  if (outcome.warning !== undefined && typeof outcome.warning !== 'string') return 'has a bad warning';
  const stored = outcome.article;
  if (!isObject(stored)) return 'has no article record';
  const { meta, length, hash, titles, at, count } = stored;
  if (!isCount(length) || !isCount(hash)) return 'has a bad text length or hash';
  const metaProblem = metaProblemOf(meta);
  if (metaProblem) return metaProblem;
  if (!isStrings(titles) || !isCount(at) || !isCount(count) || at + count > ints.length) return 'has bad sections';
  const article: ArticleRecord = { meta: meta as unknown as ArticleRecord['meta'], length, hash, titles, structure: ints.subarray(at, at + count) };
  if (!isWellFormedRecord(article)) return 'has a malformed structure';
  return outcome.warning === undefined ? { article } : { article, warning: outcome.warning };
}

function metaProblemOf(meta: unknown): string | undefined {
  if (!isObject(meta)) return 'has no metadata';
  if (typeof meta.id !== 'string' || meta.id === '' || typeof meta.title !== 'string') return 'has a bad id or title';
  if (meta.titleProvenance !== 'source' && meta.titleProvenance !== 'editor') return 'has a bad title provenance';
  if (!isStrings(meta.topics)) return 'has bad topics';
  for (const key of ['publisher', 'date', 'url', 'summary'] as const) {
    if (meta[key] !== undefined && typeof meta[key] !== 'string') return `has a bad ${key}`;
  }
  if (meta.authors !== undefined && !isStrings(meta.authors)) return 'has bad authors';
  return undefined;
}

function align(offset: number): number {
  return (offset + 3) & ~3;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
