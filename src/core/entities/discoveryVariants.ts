import type { NameStats } from './discoveryKinds';
import type { Found } from './discoveryMerge';

/**
 * Roles a party, union or council gives a person, written between the two
 * names ("Tory leader Michael Howard", "Lib Dem spokesman Ed Davey"). Only
 * these: a footballer is "Arsenal striker" and "France striker" at once,
 * while a politician is the MP of one party.
 */
const PARTY_ROLE =
  /(?:^|[^\p{L}])(\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}) (?:deputy )?(?:leader|MPs?|MEP|MSP|AM|peer|candidate|spokes(?:man|woman|person)|(?:co-)?chairman|activists?|backbenchers?) (\p{Lu}[\p{L}'’-]+ \p{Lu}[\p{L}'’-]+)/gu;
const ROLE_WORD =
  /\b(?:leader|MPs?|MEP|MSP|AM|peer|candidate|spokes(?:man|woman|person)|chairman|activists?|backbenchers?)\b/;

/** The party names before the roles of each person, counted: person → party → times. */
export type PartyRoles = Map<string, Map<string, number>>;

/** Adds the "Party role Person" phrases of one line of prose to `roles`. */
export function collectPartyRoles(line: string, roles: PartyRoles): void {
  if (!ROLE_WORD.test(line)) return;
  for (const match of line.matchAll(PARTY_ROLE)) {
    const [, party, person] = match as unknown as [string, string, string];
    const parties = roles.get(person) ?? new Map<string, number>();
    roles.set(person, parties.set(party, (parties.get(party) ?? 0) + 1));
  }
}

/**
 * Two names the text gives the same party ("Tory" and "Conservative") are
 * one entity when at least two different people hold a role under each
 * ("Tory leader Michael Howard", "Conservative leader Michael Howard";
 * "Tory MP Ann Winterton", "Conservative MP Ann Winterton"). One person is
 * not enough: people move. The more mentioned name is kept; the other
 * becomes an alias. Names that are a person's or a place's are left alone.
 */
export function joinPartyNames(found: Found, stats: Map<string, NameStats>, roles: PartyRoles): void {
  const names = new Names(found);
  /** The found name a party phrase ends with ("Former Tory" → "Tory"). */
  const partyOf = (phrase: string) => {
    const words = phrase.split(' ');
    for (let i = 0; i < words.length; i++) {
      const name = names.resolve(words.slice(i).join(' '));
      if (name !== undefined) return name;
    }
    return undefined;
  };
  const shared = new Map<string, Set<string>>();
  for (const [person, parties] of roles) {
    const named = [...new Set([...parties.keys()].map(partyOf).filter((n): n is string => n !== undefined))];
    for (const a of named)
      for (const b of named) {
        if (a >= b) continue;
        const key = `${a}\u0000${b}`;
        shared.set(key, (shared.get(key) ?? new Set()).add(person));
      }
  }
  for (const [pair, people] of shared) {
    if (people.size < 2) continue;
    const [a, b] = pair.split('\u0000') as [string, string];
    const first = names.resolve(a);
    const second = names.resolve(b);
    if (first === undefined || second === undefined || first === second) continue;
    const kinds = [found.get(first)?.kind, found.get(second)?.kind];
    if (kinds.some((kind) => kind === 'person' || kind === 'place')) continue;
    const [keep, drop] = occurrences(stats, first) >= occurrences(stats, second) ? [first, second] : [second, first];
    absorb(found, keep, drop);
    names.moved(drop, keep);
  }
}

/** Finds the entity a name or alias belongs to, while entities are being joined. */
class Names {
  private readonly owner = new Map<string, string>();
  constructor(private readonly found: Found) {
    for (const [name, entity] of found) for (const alias of entity.aliases) this.owner.set(alias, name);
  }
  resolve(name: string): string | undefined {
    let current: string | undefined = name;
    for (let hops = 0; current !== undefined && hops < 16; hops++) {
      if (this.found.has(current)) return current;
      current = this.owner.get(current);
    }
    return undefined;
  }
  moved(from: string, to: string): void {
    this.owner.set(from, to);
  }
}

/**
 * Spellings of one name that differ only in case ("ABN Amro", "ABN AMRO";
 * "SOUTHAMPTON" from a headline), a possessive ("Standard & Poor's") or a
 * plural's last word in a name of several ("Liberal Democrats") are one entity, under the
 * spelling met most. Short names are left apart ("Sim" and "SIM" are not
 * one thing), and so is a person from a plural ("Smith", "Smiths").
 */
export function joinSpellingVariants(found: Found, stats: Map<string, NameStats>): void {
  const byKey = new Map<string, string[]>();
  for (const name of found.keys()) {
    const key = variantKey(name);
    if (key.replace(/[^\p{L}\p{N}]/gu, '').length <= 3) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  for (const names of byKey.values()) {
    if (names.length < 2) continue;
    const persons = names.filter((name) => found.get(name)?.kind === 'person');
    // "Edward" and "Edwards", "Smith" and "Smiths": a person's name with an s is someone else, or a band.
    if (persons.length > 0 && names.some((name) => !name.includes(' ') && pluralOf(name, names))) continue;
    const [keep, ...rest] = [...names].sort((a, b) => occurrences(stats, b) - occurrences(stats, a));
    if (keep !== undefined) for (const drop of rest) absorb(found, keep, drop);
  }
}

/**
 * A run that is a name followed by a person's full name ("Conservative
 * Michael Howard", "BBC Michael Howard") is two mentions, not a third
 * entity: it is dropped, and the matcher finds both parts.
 */
export function dropJoinedNames(found: Found): void {
  const names = new Names(found);
  for (const [name, entity] of [...found]) {
    const words = name.split(' ');
    if (words.length < 3 || entity.aliases.size > 0) continue;
    for (let i = 1; i <= words.length - 2; i++) {
      const tail = names.resolve(words.slice(i).join(' '));
      if (tail === undefined || found.get(tail)?.kind !== 'person' || tail === name) continue;
      if (names.resolve(words.slice(0, i).join(' ')) === undefined) continue;
      found.delete(name);
      break;
    }
  }
}

/**
 * A short form whose every word opens the matching word of a longer name
 * ("Lib Dem" of "Liberal Democrat", "Man City" of "Manchester City") is
 * another name of it, when each shortened word is at most 60% of the word it
 * shortens ("York" is not "Yorker").
 */
export function joinShortForms(found: Found): void {
  // A short form and its long name open every word with the same three letters: compared only within such groups.
  const byOpenings = new Map<string, string[]>();
  for (const [name, entity] of found) {
    if (entity.kind === 'person' || !name.includes(' ')) continue;
    const key = name
      .split(' ')
      .map((word) => word.slice(0, 3))
      .join(' ');
    byOpenings.set(key, [...(byOpenings.get(key) ?? []), name]);
  }
  for (const names of byOpenings.values()) {
    if (names.length < 2) continue;
    for (const short of names) {
      const words = short.split(' ');
      const longs = names.filter((long) => long !== short && shortens(words, long.split(' ')));
      const [long] = longs;
      if (longs.length !== 1 || long === undefined || !found.has(short) || !found.has(long)) continue;
      absorb(found, long, short);
    }
  }
}

function shortens(short: readonly string[], long: readonly string[]): boolean {
  let shortened = 0;
  if (short.length !== long.length) return false;
  for (const [i, s] of short.entries()) {
    const l = long[i] ?? ''; // the same length as short
    if (s === l) continue;
    if (s.length < 3 || !l.startsWith(s) || s.length > 0.6 * l.length) return false;
    shortened++;
  }
  return shortened > 0;
}

/** Case folded, apostrophes straightened, a possessive and a last word's plural s taken off. */
function variantKey(name: string): string {
  const key = name.toLowerCase().replace(/’/g, "'").replace(/'s?$/, '');
  // Single words are joinPlurals' ("Times" and "Time" are two papers, "Tories" is Tory's).
  return key.includes(' ') ? key.replace(/(\p{L}{3,})s$/u, '$1') : key;
}

function pluralOf(name: string, names: readonly string[]): boolean {
  return /s$/.test(name) && names.some((other) => other !== name && name.toLowerCase() === `${other.toLowerCase()}s`);
}

function occurrences(stats: Map<string, NameStats>, name: string): number {
  return stats.get(name)?.occurrences ?? 0;
}

/** Moves `drop` and its aliases into `keep`; `keep` takes its kind if it had none. */
function absorb(found: Found, keep: string, drop: string): void {
  const target = found.get(keep);
  const source = found.get(drop);
  if (!target || !source || target === source) return;
  target.aliases.add(drop);
  for (const alias of source.aliases) if (alias !== keep) target.aliases.add(alias);
  if (target.kind === 'unknown') target.kind = source.kind;
  found.delete(drop);
}
