/* eslint-disable @typescript-eslint/no-non-null-assertion --
   The packed hit table is validated here four integers at a time, inside bounds the loop checks. */
import type { ArticleScan } from '../entities/corpusMentions';
import type { Discovery } from '../entities/discovery';
import type { EntitySnapshot } from '../entities/entitySnapshot';
import { align, alignedHeader, joinInts, joinParts } from './fileParts';

/** Names the file format; a file that does not say it is one is not read. */
export const ENTITY_INDEX_FORMAT = 'sourcebook-entity-index';
/** Bumped whenever the layout or the meaning of a field changes; other versions are discarded. */
export const ENTITY_INDEX_VERSION = 2;

const ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

export interface EntityIndexIdentity {
  readonly corpus: string;
  readonly producer: string;
}

/**
 * Serializes an entity snapshot: one line of JSON (identity, discovery, the
 * entity ids the scans name, and per article its id, hash and counts), then,
 * aligned to four bytes, per article its entity references (indexes into the
 * id table), first-mention ranges and hits as 32-bit integers.
 */
export function encodeEntityIndex(snapshot: EntitySnapshot, identity: EntityIndexIdentity): Uint8Array {
  return joinParts(entityIndexParts(snapshot, identity));
}

/** The bytes of `encodeEntityIndex` as consecutive parts: the header line, then the integers. */
export function entityIndexParts(snapshot: EntitySnapshot, identity: EntityIndexIdentity): Uint8Array[] {
  const ids = new Map<string, number>();
  const articles: [string, number, number, number][] = [];
  const parts: Int32Array[] = [];
  let ints = 0;
  for (const [id, { hash, scan }] of snapshot.scans ?? []) {
    const refs = Int32Array.from(scan.entities, (entity) => {
      let at = ids.get(entity);
      if (at === undefined) ids.set(entity, (at = ids.size));
      return at;
    });
    articles.push([id, hash, scan.entities.length, scan.hits.length / 6]);
    parts.push(refs, scan.firsts, scan.hits);
    ints += refs.length + scan.firsts.length + scan.hits.length;
  }
  const header = new TextEncoder().encode(
    `${JSON.stringify({
      format: ENTITY_INDEX_FORMAT,
      version: ENTITY_INDEX_VERSION,
      corpus: identity.corpus,
      producer: identity.producer,
      endian: ENDIAN,
      fingerprint: snapshot.fingerprint,
      entities: snapshot.discovery.entities.map((e) => [e.name, e.kind, e.aliases]),
      catalogAliases: snapshot.discovery.catalogAliases.map((a) => [a.entityId, a.alias]),
      matcherKey: snapshot.matcherKey ?? null,
      ids: [...ids.keys()],
      articles,
      ints,
    })}\n`,
  );
  return [alignedHeader(header), joinInts(parts)];
}

export type DecodedEntityIndex =
  { readonly ok: true; readonly snapshot: EntitySnapshot } | { readonly ok: false; readonly reason: string };

/** Reads an entity snapshot and checks every field; anything wrong rejects the file with the reason. Never throws. */
export function decodeEntityIndex(bytes: Uint8Array, expected: EntityIndexIdentity): DecodedEntityIndex {
  try {
    return decode(bytes, expected);
  } catch (error) {
    return { ok: false, reason: `unreadable (${(error as Error).message})` };
  }
}

function decode(bytes: Uint8Array, expected: EntityIndexIdentity): DecodedEntityIndex {
  const newline = bytes.indexOf(10);
  if (newline === -1) return { ok: false, reason: 'no header line' };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, newline)));
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'not an object' };
  const d = data as Record<string, unknown>;
  if (d.format !== ENTITY_INDEX_FORMAT) return { ok: false, reason: 'not a Sourcebook entity index' };
  if (d.version !== ENTITY_INDEX_VERSION)
    return { ok: false, reason: `format version ${String(d.version)}, expected ${ENTITY_INDEX_VERSION}` };
  if (d.corpus !== expected.corpus) return { ok: false, reason: 'made for another corpus' };
  if (d.producer !== expected.producer) return { ok: false, reason: `made by another build (${String(d.producer)})` };
  if (d.endian !== ENDIAN) return { ok: false, reason: 'made on a machine of another byte order' };
  if (!isInteger(d.fingerprint)) return { ok: false, reason: 'has no fingerprint' };
  if (!Array.isArray(d.entities) || !Array.isArray(d.catalogAliases)) return { ok: false, reason: 'has no entities' };
  const entities: Discovery['entities'] = [];
  for (const e of d.entities as unknown[]) {
    if (!Array.isArray(e) || e.length !== 3 || !isName(e[0]) || !isName(e[1]) || !isNames(e[2]))
      return { ok: false, reason: 'an entity is malformed' };
    entities.push({ name: e[0], kind: e[1], aliases: e[2] });
  }
  const catalogAliases: Discovery['catalogAliases'] = [];
  for (const a of d.catalogAliases as unknown[]) {
    if (!Array.isArray(a) || a.length !== 2 || !isName(a[0]) || !isName(a[1]))
      return { ok: false, reason: 'a catalog alias is malformed' };
    catalogAliases.push({ entityId: a[0], alias: a[1] });
  }
  const discovery = { entities, catalogAliases };
  if (d.matcherKey === null) return { ok: true, snapshot: { fingerprint: d.fingerprint, discovery } };
  if (!isInteger(d.matcherKey) || !isNames(d.ids) || !Array.isArray(d.articles) || !isInteger(d.ints) || d.ints < 0)
    return { ok: false, reason: 'has no mention table' };
  const dataStart = align(newline + 1);
  if (bytes.length !== dataStart + d.ints * 4) return { ok: false, reason: 'is truncated or has trailing bytes' };
  const body =
    (bytes.byteOffset + dataStart) % 4 === 0
      ? new Int32Array(bytes.buffer, bytes.byteOffset + dataStart, d.ints)
      : new Int32Array(bytes.slice(dataStart).buffer);
  const ids = d.ids;
  const scans = new Map<string, { hash: number; scan: ArticleScan }>();
  let at = 0;
  for (const article of d.articles as unknown[]) {
    if (
      !Array.isArray(article) ||
      article.length !== 4 ||
      !isName(article[0]) ||
      !isInteger(article[1]) ||
      !isInteger(article[2]) ||
      !isInteger(article[3]) ||
      article[2] < 0 ||
      article[3] < 0
    )
      return { ok: false, reason: 'the article table is malformed' };
    const [id, hash, entityCount, hitCount] = article as [string, number, number, number];
    if (at + entityCount * 7 + hitCount * 6 > body.length) return { ok: false, reason: 'the mention table overruns' };
    const refs = body.subarray(at, (at += entityCount));
    const firsts = body.subarray(at, (at += entityCount * 6));
    const hits = body.subarray(at, (at += hitCount * 6));
    const names: string[] = [];
    for (const ref of refs) {
      const name = ids[ref];
      if (name === undefined) return { ok: false, reason: 'a mention names an unknown entity' };
      names.push(name);
    }
    for (let h = 0; h < hits.length; h += 6)
      if (hits[h]! < 0 || hits[h]! >= entityCount || hits[h + 1]! < 0 || hits[h + 2]! < 0 || hits[h + 3]! < 0)
        return { ok: false, reason: 'a mention is out of range' };
    scans.set(id, { hash, scan: { entities: names, firsts, hits } });
  }
  if (at !== body.length) return { ok: false, reason: 'the mention table does not cover the data' };
  return { ok: true, snapshot: { fingerprint: d.fingerprint, discovery, matcherKey: d.matcherKey, scans } };
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isNames(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isName);
}
