import type { Discovery } from '../entities/discovery';
import type { EntitySnapshot } from '../entities/entityIndex';
import type { EntityKind } from '../entities/types';

/** Names the file format; a file that does not say it is one is not read. */
export const ENTITY_INDEX_FORMAT = 'sourcebook-entity-index';
/** Bumped whenever the layout or the meaning of a field changes; other versions are discarded. */
export const ENTITY_INDEX_VERSION = 1;

export interface EntityIndexIdentity {
  readonly corpus: string;
  readonly producer: string;
}

/** Serializes an entity snapshot as one JSON document. */
export function encodeEntityIndex(snapshot: EntitySnapshot, identity: EntityIndexIdentity): string {
  return JSON.stringify({
    format: ENTITY_INDEX_FORMAT,
    version: ENTITY_INDEX_VERSION,
    corpus: identity.corpus,
    producer: identity.producer,
    fingerprint: snapshot.fingerprint,
    entities: snapshot.discovery.entities.map((e) => [e.name, e.kind, e.aliases]),
    catalogAliases: snapshot.discovery.catalogAliases.map((a) => [a.entityId, a.alias]),
  });
}

export type DecodedEntityIndex =
  { readonly ok: true; readonly snapshot: EntitySnapshot } | { readonly ok: false; readonly reason: string };

/** Reads an entity snapshot and checks every field; anything wrong rejects the file with the reason. Never throws. */
export function decodeEntityIndex(text: string, expected: EntityIndexIdentity): DecodedEntityIndex {
  let data: unknown;
  try {
    data = JSON.parse(text);
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
  if (typeof d.fingerprint !== 'number' || !Number.isInteger(d.fingerprint))
    return { ok: false, reason: 'has no fingerprint' };
  if (!Array.isArray(d.entities) || !Array.isArray(d.catalogAliases)) return { ok: false, reason: 'has no entities' };
  const entities: Discovery['entities'] = [];
  for (const e of d.entities as unknown[]) {
    if (
      !Array.isArray(e) ||
      e.length !== 3 ||
      !isName(e[0]) ||
      !isName(e[1]) ||
      !Array.isArray(e[2]) ||
      !(e[2] as unknown[]).every(isName)
    )
      return { ok: false, reason: 'an entity is malformed' };
    entities.push({ name: e[0], kind: e[1] as EntityKind, aliases: e[2] as string[] });
  }
  const catalogAliases: Discovery['catalogAliases'] = [];
  for (const a of d.catalogAliases as unknown[]) {
    if (!Array.isArray(a) || a.length !== 2 || !isName(a[0]) || !isName(a[1]))
      return { ok: false, reason: 'a catalog alias is malformed' };
    catalogAliases.push({ entityId: a[0], alias: a[1] });
  }
  return { ok: true, snapshot: { fingerprint: d.fingerprint, discovery: { entities, catalogAliases } } };
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
