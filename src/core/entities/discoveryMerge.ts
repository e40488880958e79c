import type { NameStats } from './discoveryKinds';
import { DEMONYM_OF, GIVEN_NAME_SET, PLACE_NAMES } from './gazetteer';
import type { EntityKind } from './types';

/** The entities found so far: name → kind and other names. */
export type Found = Map<string, { kind: EntityKind; aliases: Set<string> }>;

/**
 * A single word that starts three or more of the names found, and is met
 * less often alone than in them, is a given name ("David"), not an entity.
 */
export function dropGivenNames(found: Found, stats: Map<string, NameStats>): void {
  const starts = new Map<string, { names: number; occurrences: number }>();
  for (const name of found.keys()) {
    const space = name.indexOf(' ');
    if (space === -1) continue;
    const first = starts.get(name.slice(0, space)) ?? { names: 0, occurrences: 0 };
    first.names++;
    first.occurrences += stats.get(name)?.occurrences ?? 0;
    starts.set(name.slice(0, space), first);
  }
  for (const [word, { names, occurrences }] of starts) {
    if (word === word.toUpperCase() || PLACE_NAMES.has(word)) continue;
    if (names >= 3 && (stats.get(word)?.occurrences ?? 0) < occurrences && found.get(word)?.aliases.size === 0)
      found.delete(word);
  }
}

/**
 * A surname met alone after a title ("Mr Blair") becomes an alias of the one
 * person's full name that ends with it ("Tony Blair"), when that name is
 * clearly the most mentioned of those that do.
 */
export function foldSurnames(found: Found, stats: Map<string, NameStats>): void {
  const byLastWord = new Map<string, string[]>();
  for (const [name, { kind }] of found) {
    const words = name.split(' ');
    // Only a person's name takes a surname: "Old Labour" is not Labour's full name.
    if (words.length < 2 || words.length > 3 || !(kind === 'person' || GIVEN_NAME_SET.has(words[0] ?? ''))) continue;
    const last = words.at(-1) ?? '';
    byLastWord.set(last, [...(byLastWord.get(last) ?? []), name]);
  }
  for (const [surname, names] of byLastWord) {
    const single = found.get(surname);
    const singleStats = stats.get(surname);
    if (!single || !singleStats || PLACE_NAMES.has(surname)) continue;
    // A word met as a name of its own ("Ray" the film, "Labour leader") is not the surname.
    if (single.kind !== 'person' && single.kind !== 'unknown') continue;
    const ranked = names
      .map((name) => ({ name, count: stats.get(name)?.occurrences ?? 0 }))
      .sort((a, b) => b.count - a.count);
    const [top, next] = ranked;
    // "Smith" after "Mr", with several Smiths about: no one person to point at.
    if (!top || (next && top.count < 3 * next.count)) {
      // Kept as a name of its own: joining it to one of them would merge different people.
      if (singleStats.person * 5 >= singleStats.occurrences) single.kind = 'person';
      continue;
    }
    const full = found.get(top.name);
    if (!full) continue;
    full.aliases.add(surname);
    for (const alias of single.aliases) full.aliases.add(alias);
    full.kind = 'person';
    found.delete(surname);
  }
}

/**
 * A people's word ("French", "Malaysian") is another name of its country
 * when the country is an entity of the corpus: the demonym alone is not
 * an entity, but a reader hovering it wants the country.
 */
export function addDemonyms(found: Found, capitalCount: Map<string, number>): void {
  for (const [demonym, country] of DEMONYM_OF) {
    const entity = found.get(country);
    if (!entity || (capitalCount.get(demonym) ?? 0) === 0) continue;
    const own = found.get(demonym);
    if (own && own.aliases.size > 0) continue;
    found.delete(demonym);
    entity.aliases.add(demonym);
  }
}

/**
 * A plural met as a name of its own ("Tories", "Conservatives") is another
 * name of its singular when both are found and neither is a person's.
 */
export function joinPlurals(found: Found): void {
  for (const [name, entity] of [...found]) {
    if (name.includes(' ') || entity.kind === 'person' || !name.endsWith('s')) continue;
    const singular =
      name.endsWith('ies') && found.has(`${name.slice(0, -3)}y`) ? `${name.slice(0, -3)}y` : name.slice(0, -1);
    const target = found.get(singular);
    if (!target || target === entity || target.kind === 'person') continue;
    target.aliases.add(name);
    for (const alias of entity.aliases) target.aliases.add(alias);
    found.delete(name);
  }
}
