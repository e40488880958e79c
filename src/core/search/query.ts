import type { TermQuery } from './termIndex';
import { termSpans } from './terms';

/** Finds entity names in a query: the part of the entity index search needs. */
export interface EntityNames {
  findMentions(text: string): readonly { readonly entityId: string; readonly start: number; readonly end: number }[];
  entity(id: string): { readonly name: string; readonly aliases: readonly string[] } | undefined;
}

/** One thing a passage must contain: a word, or any name of an entity. */
export interface QueryGroup {
  /** Alternatives, each a sequence of index terms (one word, or one name of the entity). */
  readonly alternatives: readonly (readonly string[])[];
  /** The word being typed at the end of the query: matched as a prefix. */
  readonly prefix: boolean;
  /** Set when the group stands for an entity named in the query. */
  readonly entityId?: string;
}

export interface ParsedQuery {
  /** Every group must match (AND). */
  readonly groups: readonly QueryGroup[];
  /** Quoted phrases, as folded words (stop words kept), that must appear in this order. */
  readonly phrases: readonly (readonly string[])[];
  /** All folded words of the query in order, for the bonus when they appear side by side. */
  readonly words: readonly string[];
}

/** Prefixes shorter than this would expand to too many terms to stay fast on a large corpus. */
const MIN_PREFIX = 3;

/**
 * Reads a query as typed: `"quoted phrases"` must appear as written (an
 * unclosed quote runs to the end), an entity name or alias stands for all of
 * its names, and the last word, unless followed by a space, is a prefix.
 */
export function parseQuery(query: string, entities?: EntityNames): ParsedQuery {
  const phrases: string[][] = [];
  for (const match of query.matchAll(/["“”]([^"“”]*)(?:["“”]|$)/g)) {
    const words = termSpans(match[1] ?? '').map((span) => span.word);
    if (words.length > 1) phrases.push(words);
  }
  const typing = /[\p{L}\p{N}]$/u.test(query);
  const groups: QueryGroup[] = [];
  const taken: [number, number][] = [];
  for (const mention of entities?.findMentions(query) ?? []) {
    const entity = entities?.entity(mention.entityId);
    if (!entity || groups.some((g) => g.entityId === mention.entityId)) continue;
    const alternatives = [entity.name, ...entity.aliases].map(terms).filter((alt) => alt.length > 0);
    if (alternatives.length === 0) continue;
    groups.push({ alternatives, prefix: false, entityId: mention.entityId });
    taken.push([mention.start, mention.end]);
  }
  const spans = termSpans(query);
  spans.forEach((span, i) => {
    if (span.term === null || taken.some(([start, end]) => span.start >= start && span.end <= end)) return;
    const last = i === spans.length - 1 && typing;
    // A word just begun ("oil pr") would match too much as a prefix and nothing as a word: wait for more.
    if (last && span.term.length < MIN_PREFIX && spans.length > 1) return;
    groups.push({ alternatives: [[span.term]], prefix: last && span.term.length >= MIN_PREFIX });
  });
  return { groups: dedupe(groups), phrases, words: spans.map((span) => span.word) };
}

/** The index query for a parsed query (MiniSearch's shape): groups AND-ed, alternatives OR-ed. */
export function toMiniSearchQuery(parsed: ParsedQuery, fuzzy = false): TermQuery {
  return {
    combineWith: 'AND',
    queries: parsed.groups.map((group): TermQuery => {
      const alternatives = group.alternatives.map((alt): TermQuery => ({
        combineWith: 'AND',
        queries: [alt.join(' ')],
        prefix: group.prefix,
        fuzzy: fuzzy && group.entityId === undefined ? (term: string) => (term.length >= 5 ? 0.2 : false) : false,
      }));
      const [only] = alternatives;
      return only && alternatives.length === 1 ? only : { combineWith: 'OR', queries: alternatives };
    }),
  };
}

function terms(name: string): string[] {
  return termSpans(name)
    .map((span) => span.term)
    .filter((term): term is string => term !== null);
}

function dedupe(groups: QueryGroup[]): QueryGroup[] {
  const seen = new Set<string>();
  return groups.filter((group) => {
    const key = `${group.prefix}|${group.alternatives.map((alt) => alt.join(' ')).join('|')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
