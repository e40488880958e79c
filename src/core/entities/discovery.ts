import { CALENDAR, CONNECTORS, HONORIFICS, PORTFOLIOS, ROLES, STOPWORDS } from './discoveryWords';
import { acronymDefinitions, initialismOf, kindOfDefinition, parenthesisAfter } from './discoveryDefinitions';
import { type NameRun, scanSentence } from './discoveryTokens';
import { fallbackKind, guessKind, type NameStats } from './discoveryKinds';
import { isAccepted, isNameWord, proseLines } from './discoveryAccept';
import { addDemonyms, dropGivenNames, type Found, foldSurnames, joinPlurals } from './discoveryMerge';
import {
  collectPartyRoles,
  dropJoinedNames,
  joinPartyNames,
  joinShortForms,
  joinSpellingVariants,
  type PartyRoles,
} from './discoveryVariants';
import { GIVEN_NAME_SET } from './gazetteer';
import type { EntityKind } from './types';

/** An entity found in the corpus text rather than in a catalog. */
export interface DiscoveredEntity {
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
}

export interface Discovery {
  readonly entities: DiscoveredEntity[];
  /** Names the text gives to catalog entities ("Alibaba Group Holding Ltd (BABA)"), by catalog entity id. */
  readonly catalogAliases: { readonly entityId: string; readonly alias: string }[];
}

export interface DiscoveryInput {
  /** The sentences of each article. */
  readonly articles: Iterable<Iterable<string>>;
  /** The catalog entity a name already refers to, if any. */
  readonly known: (name: string) => string | undefined;
}

/**
 * Finds the entities of a corpus without a catalog, from how news prose
 * writes names: "Full Name (ALIAS)" and "Company (TICKER)" definitions,
 * capitalized multi-word names that recur, and single capitalized words
 * that take a possessive or follow one ("Huawei's Ascend") and are rarely
 * written in lower case. Titles ("Prime Minister", "Mr") are cut off and
 * mark a person. Names the catalog knows are left to it. Pure.
 */
export function discoverEntities(input: DiscoveryInput): Discovery {
  const lowerCount = new Map<string, number>();
  const capitalCount = new Map<string, number>();
  // Runs repeat ("Tony Blair" hundreds of times): keep each distinct one once, with its count.
  const runs = new Map<string, { run: NameRun; parenthesis: string | undefined; count: number }>();
  const pairs: { name: string; alias: string }[] = [];
  const roles: PartyRoles = new Map();
  const scanText = (text: string) => {
    collectPartyRoles(text, roles);
    const defined = text.includes('(') ? acronymDefinitions(text) : [];
    pairs.push(...defined);
    scanSentence(text, lowerCount, capitalCount, (run) => {
      let parenthesis = parenthesisAfter(text, run);
      // "Securities and Exchange Commission (SEC)" is defined by its initials, not by the run "Exchange Commission".
      if (defined.some((pair) => pair.alias === parenthesis)) parenthesis = undefined;
      const flags = `${+run.initial}${+run.possessive}${+run.possessed}${+run.speaks}${+run.afterPlacePreposition}${+run.afterThe}${+run.aged}`;
      const key = `${run.tokens.join(' ')}|${flags}${run.followedAs ?? ''}|${parenthesis ?? ''}`;
      const seen = runs.get(key);
      if (seen) seen.count++;
      else runs.set(key, { run, parenthesis, count: 1 });
    });
  };
  let articleCount = 0;
  for (const sentences of input.articles) {
    articleCount++;
    for (const sentence of sentences) for (const text of proseLines(sentence)) scanText(text);
  }

  const stats = new Map<string, NameStats>();
  const isCommon = (word: string) => (lowerCount.get(word.toLowerCase()) ?? 0) > (capitalCount.get(word) ?? 0);
  for (const { run, parenthesis, count } of runs.values()) {
    const cut = segments(run, isCommon);
    const last = cut[cut.length - 1];
    if (parenthesis !== undefined && last?.closesRun && last.name !== parenthesis) {
      // "US Securities and Exchange Commission (SEC)": the name is the part the acronym spells.
      const words = last.name.split(' ');
      const spelled = initialismOf(words, parenthesis);
      const name = spelled > 0 ? words.slice(words.length - spelled).join(' ') : last.name;
      for (let i = 0; i < count; i++) pairs.push({ name, alias: parenthesis });
    }
    for (const segment of cut) {
      let entry = stats.get(segment.name);
      if (!entry)
        stats.set(
          segment.name,
          (entry = {
            occurrences: 0,
            midSentence: 0,
            proof: 0,
            person: 0,
            place: 0,
            company: 0,
            organization: 0,
            afterThe: 0,
            team: 0,
          }),
        );
      entry.occurrences += count;
      if (!segment.initial) entry.midSentence += count;
      if (segment.proof) entry.proof += count;
      if (segment.person) entry.person += count;
      if (segment.place) entry.place += count;
      if (segment.followedAs) entry[segment.followedAs] += count;
      if (segment.afterThe) entry.afterThe += count;
    }
  }

  const minMentions = articleCount < 50 ? 2 : 3;
  const found: Found = new Map();
  for (const [name, entry] of stats) {
    if (input.known(name) !== undefined) continue;
    const tokens = name.split(' ');
    const lower = lowerCount.get(name.toLowerCase()) ?? 0;
    if (isAccepted(name, tokens, entry, lower, capitalCount.get(name) ?? 0, isCommon, minMentions))
      found.set(name, { kind: guessKind(tokens, entry), aliases: new Set() });
  }
  dropGivenNames(found, stats);
  const catalogAliases = addDefinitions(found, pairs, stats, input.known, isCommon);
  foldSurnames(found, stats);
  addDemonyms(found, capitalCount);
  joinPlurals(found);
  joinSpellingVariants(found, stats);
  joinShortForms(found);
  joinPartyNames(found, stats, roles);
  dropJoinedNames(found);
  for (const [name, entity] of found)
    if (entity.kind === 'unknown') entity.kind = fallbackKind(name.split(' '), stats.get(name), isCommon);
  return {
    entities: [...found].map(([name, { kind, aliases }]) => ({ name, kind, aliases: [...aliases] })),
    catalogAliases,
  };
}

/**
 * Adds "Name (ALIAS)" definitions. An alias seen with more than one name is
 * a label, not a name ("Andre Agassi (US)", "O Smith (Leicester)" in results
 * tables), and so is one mostly met on its own ("Tim Henman (Britain)")
 * unless it spells the name's initials. An alias of a catalog entity, or a
 * name for one, is returned for the catalog entity.
 */
function addDefinitions(
  found: Found,
  pairs: readonly { name: string; alias: string }[],
  stats: Map<string, NameStats>,
  known: DiscoveryInput['known'],
  isCommon: (word: string) => boolean,
): Discovery['catalogAliases'] {
  const partners = new Map<string, Map<string, number>>();
  for (const { name, alias } of pairs) {
    const names = partners.get(alias) ?? new Map<string, number>();
    partners.set(alias, names.set(name, (names.get(name) ?? 0) + 1));
  }
  const catalogAliases: Discovery['catalogAliases'] = [];
  for (const [alias, names] of partners) {
    if (names.size !== 1 || !isNameWord(alias)) continue;
    const [[name, together]] = [...names] as [[string, number]];
    const words = name.split(' ');
    const spelled = initialismOf(words, alias) === words.length;
    if (alias.includes(name) || name.includes(alias)) continue;
    // "… Tariffs and Trade (GATT)": an everyday word before an acronym is the end of a longer name, not a company.
    if (!spelled && words.length === 1 && isCommon(name)) continue;
    if (
      !spelled &&
      ((stats.get(alias)?.occurrences ?? 0) > 3 * together + 2 ||
        (words.length === 1 && !alias.includes(' ') && !isTickerLike(alias)))
    )
      continue;
    const nameId = known(name);
    const aliasId = known(alias);
    if (nameId !== undefined || aliasId !== undefined) {
      if (nameId === undefined) {
        if (aliasId !== undefined) catalogAliases.push({ entityId: aliasId, alias: name });
      } else if (aliasId === undefined) catalogAliases.push({ entityId: nameId, alias });
      continue;
    }
    const kind = kindOfDefinition(name, alias);
    const entity = found.get(name) ?? { kind, aliases: new Set<string>() };
    if (entity.kind === 'unknown') entity.kind = kind;
    entity.aliases.add(alias);
    found.set(name, entity);
    found.delete(alias);
  }
  return catalogAliases;
}

function isTickerLike(alias: string): boolean {
  return /^[A-Z][A-Z0-9.&-]{1,7}$/.test(alias);
}

interface Segment {
  name: string;
  initial: boolean;
  proof: boolean;
  person: boolean;
  place: boolean;
  afterThe: boolean;
  /** The segment ends where the run ends: what follows the run follows it. */
  closesRun: boolean;
  followedAs: NameRun['followedAs'];
}

/** "The", "But", "of"… at the edge of a run; not "US", which is a name in capitals. */
const trimmable = (token: string) =>
  CONNECTORS.has(token) ||
  (STOPWORDS.has(token.toLowerCase()) && (token.length === 1 || token !== token.toUpperCase()));

/**
 * Cuts a run of capitalized words into candidate names: titles and calendar
 * words split it, function words and a common sentence-opening word are
 * trimmed from its edges.
 */
function segments(run: NameRun, isCommon: (word: string) => boolean): Segment[] {
  const result: Segment[] = [];
  let current: string[] = [];
  let initial = run.initial;
  let afterTitle = false;
  let first = true;
  const close = (last: boolean, beforeRole = false) => {
    // "UK Foreign | Secretary Jack Straw": the portfolio belongs to the title, not to the name.
    while (beforeRole && current.length > 1 && PORTFOLIOS.has(current.at(-1) ?? '')) current.pop();
    const trimmableAt = (i: number) => {
      const word = current[i];
      return word !== undefined && trimmable(word);
    };
    let start = 0;
    while (trimmableAt(start)) start++;
    if (start > 0) initial = false;
    const firstKept = current[start];
    if (initial && firstKept !== undefined && isCommon(firstKept)) {
      start++;
      initial = false;
      while (trimmableAt(start)) start++;
    }
    let end = current.length;
    while (end > start && trimmableAt(end - 1)) end--;
    const tokens = current.slice(start, end);
    const firstToken = tokens[0];
    if (firstToken !== undefined && tokens.length <= 5 && !/^\d/.test(firstToken)) {
      const untouched = start === 0 && end === current.length;
      const person =
        afterTitle ||
        (last && end === current.length && run.aged) ||
        (last && run.speaks && tokens.length > 1 && tokens.length < 4);
      result.push({
        name: tokens.join(' '),
        initial: initial && start === 0,
        proof:
          afterTitle || (last && run.possessive && end === current.length) || (first && untouched && run.possessed),
        person,
        place: first && start === 0 && run.afterPlacePreposition,
        afterThe: first && start === 0 && run.afterThe,
        closesRun: last && end === current.length,
        followedAs: last && end === current.length ? run.followedAs : undefined,
      });
    }
    current = [];
    initial = false;
    first = false;
  };
  for (const token of run.tokens) {
    const title = HONORIFICS.has(token) || ROLES.has(token);
    if (title || CALENDAR.has(token)) {
      if (current.length > 0) close(false, ROLES.has(token));
      initial = false;
      first = false;
      afterTitle = title;
      continue;
    }
    if (token === 'of' && ((afterTitle && current.length === 1) || GIVEN_NAME_SET.has(current[0] ?? ''))) {
      // "President Musharraf of Pakistan", "Emma Gale of Acme": a person, then where they are from.
      close(false);
      afterTitle = false;
      continue;
    }
    current.push(token);
  }
  if (current.length > 0) close(true);
  return result;
}
