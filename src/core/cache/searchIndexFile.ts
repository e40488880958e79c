import { Segment } from '../search/segment';
import type { SearchSnapshot } from '../search/passageSearch';
import { align, alignedHeader, joinParts } from './fileParts';

/** Names the file format; a file that does not say it is one is not read. */
export const SEARCH_INDEX_FORMAT = 'sourcebook-search-index';
/** Bumped whenever the layout, the tokenizer or the meaning of a field changes; other versions are discarded. */
export const SEARCH_INDEX_VERSION = 1;

const ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

/** What a search index file is for: the corpus (its folders) and the code that wrote it. */
export interface SearchIndexIdentity {
  /** Names the corpus: its folders, in order. */
  readonly corpus: string;
  readonly producer: string;
}

/**
 * Serializes a search snapshot: one line of JSON (format, version, identity,
 * counts and the article table), then, aligned to four bytes, the 32-bit
 * arrays (document lengths, paragraph references, term offsets, postings),
 * then the terms as UTF-8, one per line. Reopening maps the arrays in place.
 */
export function encodeSearchIndex(snapshot: SearchSnapshot, identity: SearchIndexIdentity): Uint8Array {
  return joinParts(searchIndexParts(snapshot, identity));
}

/**
 * The bytes of `encodeSearchIndex` as consecutive parts, written one after
 * another: the arrays are views on the snapshot's own, not copied.
 */
export function searchIndexParts(snapshot: SearchSnapshot, identity: SearchIndexIdentity): Uint8Array[] {
  const { segment, refs, articles } = snapshot;
  const terms = new TextEncoder().encode(segment.terms.join('\n'));
  const header = new TextEncoder().encode(
    `${JSON.stringify({
      format: SEARCH_INDEX_FORMAT,
      version: SEARCH_INDEX_VERSION,
      corpus: identity.corpus,
      producer: identity.producer,
      endian: ENDIAN,
      docs: segment.docCount,
      terms: segment.terms.length,
      postings: segment.postings.length,
      termBytes: terms.length,
      articles,
    })}\n`,
  );
  const arrays = [segment.docLength, refs, segment.offsets, segment.postings];
  return [alignedHeader(header), ...arrays.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)), terms];
}

export type DecodedSearchIndex =
  { readonly ok: true; readonly snapshot: SearchSnapshot } | { readonly ok: false; readonly reason: string };

/**
 * Reads a search index written by `encodeSearchIndex` and checks all of it
 * (header, identity, sizes, the article table covering every document once,
 * term order, postings in range): anything wrong rejects the whole file with
 * the reason. Never throws.
 */
export function decodeSearchIndex(bytes: Uint8Array, expected: SearchIndexIdentity): DecodedSearchIndex {
  try {
    return decode(bytes, expected);
  } catch (error) {
    return { ok: false, reason: `unreadable (${(error as Error).message})` };
  }
}

function decode(bytes: Uint8Array, expected: SearchIndexIdentity): DecodedSearchIndex {
  const newline = bytes.indexOf(10);
  if (newline === -1) return { ok: false, reason: 'no header line' };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, newline)));
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(header) || header.format !== SEARCH_INDEX_FORMAT)
    return { ok: false, reason: 'not a Sourcebook search index' };
  if (header.version !== SEARCH_INDEX_VERSION)
    return { ok: false, reason: `format version ${String(header.version)}, expected ${SEARCH_INDEX_VERSION}` };
  if (header.corpus !== expected.corpus) return { ok: false, reason: 'made for another corpus' };
  if (header.producer !== expected.producer)
    return { ok: false, reason: `made by another build (${String(header.producer)})` };
  if (header.endian !== ENDIAN) return { ok: false, reason: 'made on a machine of another byte order' };
  const { docs, terms, postings, termBytes, articles } = header;
  if (!isCount(docs) || !isCount(terms) || !isCount(postings) || !isCount(termBytes) || !Array.isArray(articles))
    return { ok: false, reason: 'has no counts' };
  const dataStart = align(newline + 1);
  const ints = docs * 3 + terms + 1 + postings;
  if (bytes.length !== dataStart + ints * 4 + termBytes)
    return { ok: false, reason: 'is truncated or has trailing bytes' };
  const body =
    (bytes.byteOffset + dataStart) % 4 === 0
      ? new Int32Array(bytes.buffer, bytes.byteOffset + dataStart, ints)
      : new Int32Array(bytes.slice(dataStart, dataStart + ints * 4).buffer);
  let at = 0;
  const take = (n: number) => body.subarray(at, (at += n));
  const docLength = take(docs);
  const refs = take(docs * 2);
  const offsets = take(terms + 1);
  const postingList = take(postings);
  const termText = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(dataStart + ints * 4));
  const termList = terms === 0 ? [] : termText.split('\n');
  if (termList.length !== terms) return { ok: false, reason: 'term list does not match its count' };
  const segment = Segment.fromParts(0, docLength, termList, offsets, postingList);
  const problem = segment.check();
  if (problem) return { ok: false, reason: problem };
  if (refs.some((ref) => ref < 0)) return { ok: false, reason: 'a paragraph reference is negative' };
  let next = 0;
  const ids = new Set<string>();
  for (const article of articles as unknown[]) {
    if (
      !Array.isArray(article) ||
      article.length !== 4 ||
      typeof article[0] !== 'string' ||
      ids.has(article[0]) ||
      !isCount(article[1]) ||
      article[2] !== next ||
      !isCount(article[3])
    )
      return { ok: false, reason: 'the article table is malformed' };
    ids.add(article[0]);
    next += article[3];
  }
  if (next !== docs) return { ok: false, reason: 'the article table does not cover the documents' };
  return {
    ok: true,
    snapshot: { articles: articles as SearchSnapshot['articles'], refs, segment },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
