import { type CatalogEntry, isShortAcronym } from './catalog';
import type { DiscoveredEntity } from './discovery';
import { Fingerprint } from './entitySnapshot';
import type { AliasEntry } from './matcher';
import type { EntityKind, EntitySource } from './types';

// An entity while its index is being built, from the catalog or from discovery, and the names it is matched by.

/** An entity being built: its names grow as discovery finds aliases, and its related names resolve at the end. */
export interface Draft {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  description?: string;
  source: EntitySource;
  caseSensitive: boolean;
  /** The catalog's `related`, as written: resolved once every entity is known. */
  relatedNames: readonly string[];
}

export function fromCatalog(id: string, entry: CatalogEntry): Draft {
  return {
    id,
    name: entry.name,
    kind: entry.kind,
    aliases: [...entry.aliases],
    ...(entry.description ? { description: entry.description } : {}),
    source: 'catalog',
    caseSensitive: entry.caseSensitive,
    relatedNames: entry.related,
  };
}

/** Catalog names ignore case unless the entity asks otherwise or the name is a short acronym; discovered names keep it. */
export function aliasEntry(draft: Draft, alias: string): AliasEntry {
  return {
    alias,
    entityId: draft.id,
    caseSensitive: draft.caseSensitive || draft.source === 'discovered' || isShortAcronym(alias),
  };
}

/** An entity discovery found: matched with its case, as found. */
export function fromDiscovery(id: string, found: DiscoveredEntity): Draft {
  return {
    id,
    name: found.name,
    kind: found.kind,
    aliases: [...found.aliases],
    source: 'discovered',
    caseSensitive: true,
    relatedNames: [],
  };
}

/**
 * Names the names of the drafts and how each matches: scans made with
 * another key found other names. Summed, so the key does not depend on the
 * order discovery lists names in (it follows article order).
 */
export function matcherKeyOf(drafts: readonly Draft[]): number {
  let key = 0;
  for (const draft of drafts)
    for (const name of [draft.name, ...draft.aliases]) {
      const entry = aliasEntry(draft, name);
      key =
        (key +
          new Fingerprint()
            .text(entry.alias)
            .text(entry.entityId)
            .mix(entry.caseSensitive ? 1 : 0).value) >>>
        0;
    }
  return key;
}
