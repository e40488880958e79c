import type { EntityKind } from './types';

const WORDS: Record<string, string> = {
  organization: 'organisation',
  government: 'government body',
  index: 'market index',
  unknown: 'kind not known',
};

/**
 * An entity kind in plain words, as the card and the Entities view show it:
 * "organisation", "place", "kind not known" (never "unknown" or "name").
 */
export function kindInWords(kind: EntityKind): string {
  return WORDS[kind] ?? kind.replace(/[-_]/g, ' ');
}

/** The heading of a group of entities of one kind in the Entities view: "Organisation", "Kind not known". */
export function kindGroupTitle(kind: EntityKind): string {
  const words = kindInWords(kind);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
