import type { ArticleMeta } from '../model';
import { finish, type Steps } from '../steps';
import { type ArticleRecord, isWellFormedRecord } from './articleRecord';
import { align, alignedHeader, joinInts, joinParts } from './fileParts';

/** Names the file format; a file that does not say it is one is not read. */
export const INDEX_FORMAT = 'sourcebook-corpus-index';
/** Bumped whenever the layout or the meaning of a record changes; other versions are discarded. */
export const INDEX_VERSION = 2;

/** What identifies a file's contents without reading it. */
export interface FileKey {
  readonly size: number;
  /** Modification time, in milliseconds. */
  readonly mtime: number;
}

/** What a file came to: an article record (and what was read best-effort), or why it was skipped. */
export type IndexedOutcome =
  { readonly article: ArticleRecord; readonly warning?: string } | { readonly skipped: string };

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

/**
 * An article in the header, as one flat array (a start reads thousands of
 * them: fewer JSON objects parse faster): `[length, hash, at, count, titles,
 * id, title, titleFromEditor, topics, publisher, date, url, summary, authors,
 * warning]`, absent values as `null`; the structure is `count` integers from
 * `at`. A skipped file is stored as its reason, a string.
 */
type StoredArticle = [
  number,
  number,
  number,
  number,
  readonly string[],
  string,
  string,
  0 | 1,
  readonly string[],
  ...(string | readonly string[] | null)[],
];
type StoredOutcome = StoredArticle | string;
const OPTIONAL_META = ['publisher', 'date', 'url', 'summary'] as const;

/**
 * Serializes a folder index: one line of JSON (the header: format, version,
 * and per file its key, metadata and section titles), then, aligned to four
 * bytes, every record's structure as 32-bit integers.
 */
export function encodeFolderIndex(index: FolderIndex): Uint8Array {
  return joinParts(finish(folderIndexParts(index)));
}

/**
 * The bytes of `encodeFolderIndex` as consecutive parts, made in steps (one
 * per few hundred files) for a thread that must not be held: the header line
 * (its file table as JSON, one file at a time), then the structures' integers.
 */
export function* folderIndexParts(index: FolderIndex): Steps<Uint8Array[]> {
  // An array of entries, not an object keyed by path: an object of thousands of keys parses slowly.
  const files: string[] = [];
  const structures: Int32Array[] = [];
  let ints = 0;
  for (const [path, { key, outcome }] of [...index.files]) {
    let stored: StoredOutcome;
    if ('skipped' in outcome) stored = outcome.skipped;
    else {
      const { meta, length, hash, titles, structure } = outcome.article;
      stored = [
        length,
        hash,
        ints,
        structure.length,
        titles,
        meta.id,
        meta.title,
        meta.titleProvenance === 'editor' ? 1 : 0,
        meta.topics,
        ...OPTIONAL_META.map((key) => meta[key] ?? null),
        meta.authors ?? null,
        outcome.warning ?? null,
      ];
      structures.push(structure);
      ints += structure.length;
    }
    files.push(JSON.stringify([path, key.size, key.mtime, stored]));
    if (files.length % FILES_PER_STEP === 0) yield;
  }
  const fields = JSON.stringify({
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    producer: index.producer,
    root: index.root,
    endian: ENDIAN,
    ints,
  });
  const header = new TextEncoder().encode(`${fields.slice(0, -1)},"files":[${files.join(',')}]}\n`);
  yield;
  return [alignedHeader(header), joinInts(structures)];
}

/** Files of a folder index encoded per step of `folderIndexParts`. */
const FILES_PER_STEP = 500;

export type DecodedIndex =
  { readonly ok: true; readonly index: FolderIndex } | { readonly ok: false; readonly reason: string };

/**
 * Reads a folder index written by `encodeFolderIndex`, and checks all of it:
 * a bad header, another format or version, another folder, producer or byte
 * order, a truncated body, or any record of the wrong shape (offsets past the
 * text, unknown block kinds…) rejects the whole index with the reason.
 * Never throws.
 */
export function decodeFolderIndex(
  bytes: Uint8Array,
  expected: { readonly root: string; readonly producer: string },
): DecodedIndex {
  const newline = bytes.indexOf(10);
  let data: unknown;
  try {
    if (newline === -1) throw new Error('no header line');
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, newline)));
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(data) || data.format !== INDEX_FORMAT) return { ok: false, reason: 'not a Sourcebook corpus index' };
  if (data.version !== INDEX_VERSION)
    return { ok: false, reason: `format version ${String(data.version)}, expected ${INDEX_VERSION}` };
  if (data.root !== expected.root) return { ok: false, reason: `made for another folder (${String(data.root)})` };
  if (data.producer !== expected.producer)
    return { ok: false, reason: `made by another build (${String(data.producer)})` };
  if (data.endian !== ENDIAN) return { ok: false, reason: 'made on a machine of another byte order' };
  if (!Array.isArray(data.files) || !isCount(data.ints)) return { ok: false, reason: 'has no file table' };
  const dataStart = align(newline + 1);
  if (bytes.length !== dataStart + data.ints * 4) return { ok: false, reason: 'is truncated or has trailing bytes' };
  const body = bytes.subarray(dataStart);
  // Int32Array needs an aligned offset into its buffer; copy when the bytes do not have one.
  const ints =
    (bytes.byteOffset + dataStart) % 4 === 0
      ? new Int32Array(body.buffer, body.byteOffset, data.ints)
      : new Int32Array(body.slice().buffer);
  const files = new Map<string, IndexEntry>();
  for (const entry of data.files as unknown[]) {
    const outcome = entryOutcome(entry, ints);
    if (typeof outcome === 'string')
      return {
        ok: false,
        reason: `entry ${JSON.stringify(Array.isArray(entry) ? entry[0] : entry)?.slice(0, 200)} ${outcome}`,
      };
    const [path, size, mtime] = entry as [string, number, number];
    files.set(path, { key: { size, mtime }, outcome });
  }
  return { ok: true, index: { root: expected.root, producer: expected.producer, files } };
}

/** The outcome of an entry, or what is wrong with it. */
function entryOutcome(entry: unknown, ints: Int32Array): IndexedOutcome | string {
  if (!Array.isArray(entry) || entry.length !== 4 || typeof entry[0] !== 'string')
    return 'is not [path, size, mtime, outcome]';
  const size: unknown = entry[1];
  const mtime: unknown = entry[2];
  const stored: unknown = entry[3];
  if (!isCount(size) || typeof mtime !== 'number' || !Number.isFinite(mtime)) return 'has a bad size or mtime';
  if (typeof stored === 'string') return { skipped: stored };
  if (!Array.isArray(stored) || stored.length !== 15) return 'has no article record';
  // Indexed reads, not destructuring: this runs for every file at startup, before the JIT warms up.
  const a = stored as unknown[];
  const length = a[0];
  const hash = a[1];
  const at = a[2];
  const count = a[3];
  const titles = a[4];
  const id = a[5];
  const title = a[6];
  const editor = a[7];
  const topics = a[8];
  const publisher = a[9];
  const date = a[10];
  const url = a[11];
  const summary = a[12];
  const authors = a[13];
  const warning = a[14];
  if (!isCount(length) || !isCount(hash)) return 'has a bad text length or hash';
  if (!isCount(at) || !isCount(count) || at + count > ints.length || !isStrings(titles)) return 'has bad sections';
  if (typeof id !== 'string' || id === '' || typeof title !== 'string' || (editor !== 0 && editor !== 1))
    return 'has a bad id or title';
  if (
    !isStrings(topics) ||
    !isOptionalString(publisher) ||
    !isOptionalString(date) ||
    !isOptionalString(url) ||
    !isOptionalString(summary)
  )
    return 'has bad metadata';
  if (authors !== null && !isStrings(authors)) return 'has bad authors';
  if (!isOptionalString(warning)) return 'has a bad warning';
  const meta: { -readonly [K in keyof ArticleMeta]: ArticleMeta[K] } = {
    id,
    title,
    titleProvenance: editor === 1 ? 'editor' : 'source',
    topics,
  };
  if (publisher !== null) meta.publisher = publisher;
  if (date !== null) meta.date = date;
  if (url !== null) meta.url = url;
  if (summary !== null) meta.summary = summary;
  if (authors !== null) meta.authors = authors;
  const article: ArticleRecord = { meta, length, hash, titles, structure: ints.subarray(at, at + count) };
  if (!isWellFormedRecord(article)) return 'has a malformed structure';
  return warning === null ? { article } : { article, warning };
}

function isOptionalString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isStrings(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}
