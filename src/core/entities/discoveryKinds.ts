import { GIVEN_NAME_SET, PLACE_NAMES } from './gazetteer';
import { kindFromEnding } from './discoveryWords';
import type { EntityKind } from './types';

/** What the corpus says around one candidate name, counted over all its occurrences. */
export interface NameStats {
  occurrences: number;
  midSentence: number;
  /** Seen as a name in its own right: possessive, possessed or after a title. */
  proof: number;
  /** After a title, with an age ("Redknapp, 57,"), or saying something ("… said Tony Blair"). */
  person: number;
  /** After "in", "from", "near"… */
  place: number;
  /** Followed by "shares", "chief", "profits"… */
  company: number;
  /** Followed by "leader", "manager", "fans"… */
  organization: number;
  /** After "the" ("the BBC"). */
  afterThe: number;
  /** Followed by a plural verb ("Southampton are"): a team when the name is a town's. */
  team: number;
}

/** Last words of place names: "Fratton Park", "Downing Street", "Mbita Point". */
const PLACE_ENDINGS = new Set(
  `Park Street Road Avenue Square Lane Stadium Ground Arena Point Bridge Island Islands River Lake Mountains Mountain
  Valley Hill Hills Coast Bay County City Town Airport Station Beach Peninsula Province Region State Sea Ocean Forest
  Gardens Palace Castle Abbey Cathedral Village Heights Falls Desert Strait Canal Harbour Port`
    .trim()
    .split(/\s+/),
);
const CLUB_ENDINGS = new Set([
  'City',
  'Town',
  'United',
  'County',
  'Rovers',
  'Athletic',
  'Wanderers',
  'Albion',
  'Villa',
]);
/** First words of place names: "New Zealand", "San Marino", "Los Angeles". */
const PLACE_OPENERS = new Set(['New', 'San', 'Santa', 'Los', 'Las', 'Port', 'Fort', 'Mount', 'Lake', 'Saint', 'St']);
const DIRECTIONS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central']);

/**
 * The kind of a discovered name from the corpus' cues: its last word
 * ("Inc", "Group", "FC", "Park"), the gazetteer, a given name in front,
 * titles, ages and speech around it, prepositions of place, and the words
 * that follow it ("Chelsea manager", "Microsoft shares"); `unknown` when
 * none of them says (see `fallbackKind`).
 */
export function guessKind(tokens: readonly string[], entry: NameStats): EntityKind {
  const name = tokens.join(' ');
  const fromEnding = kindFromEnding(tokens);
  if (fromEnding) return fromEnding;
  const first = tokens[0] ?? '';
  const last = tokens.at(-1) ?? '';
  const institution = entry.organization + entry.company;
  if (PLACE_NAMES.has(name)) {
    // "Southampton manager", "Chelsea fans", "Southampton are": a club named after its town.
    const club = institution + entry.team;
    return club >= 2 && club > 2 * entry.place
      ? entry.company > entry.organization
        ? 'company'
        : 'organization'
      : 'place';
  }
  if (entry.person > 0 && entry.person * 5 >= entry.occurrences) return 'person';
  // "Leicester City", "Bristol Rovers": a town's club.
  if (tokens.length === 2 && PLACE_NAMES.has(first) && CLUB_ENDINGS.has(last)) return 'organization';
  if (tokens.length > 1 && (PLACE_ENDINGS.has(last) || PLACE_OPENERS.has(first) || DIRECTIONS.has(first)))
    return 'place';
  if (tokens.length > 1 && tokens.length < 4 && GIVEN_NAME_SET.has(first) && /^\p{Lu}\p{Ll}/u.test(last))
    return 'person';
  // An acronym ("BBC", "NHS") is an institution unless the gazetteer knows it as a place.
  if (/^\p{Lu}[\p{Lu}&.-]+$/u.test(name) && name.length <= 6) return 'organization';
  // "Microsoft shares", "Labour leader": the stronger of the two, if seen often enough to mean something.
  const institutionKind = entry.company > entry.organization ? 'company' : 'organization';
  if (institution > 0 && institution * 8 >= entry.occurrences && institution >= entry.place) return institutionKind;
  // "in X", "from X": a place when it says so repeatedly ("from EduVision" once says little).
  if (entry.place >= 2 && entry.place * 3 >= entry.occurrences) return 'place';
  if (entry.afterThe * 2 >= entry.occurrences && entry.afterThe > 0) return 'organization';
  return 'unknown';
}

/**
 * The kind of a name that has no cue of its own, once definitions and
 * surnames are joined: a given name or a pair of capitalized words that are
 * not everyday words ("Golden Globe" is not) is a person; a single word met
 * inside sentences again and again, that is nobody's surname and no place,
 * is in news most often an institution. Anything else stays `unknown`.
 */
export function fallbackKind(
  tokens: readonly string[],
  entry: NameStats | undefined,
  isCommon: (word: string) => boolean,
): EntityKind {
  const name = tokens.join(' ');
  const person = entry?.person ?? 0;
  if ((person > 0 && person * 10 >= (entry?.occurrences ?? 0)) || (tokens.length === 1 && GIVEN_NAME_SET.has(name)))
    return 'person';
  if (tokens.length === 2 && tokens.every((token) => /^\p{Lu}\p{Ll}+$/u.test(token) && !isCommon(token)))
    return 'person';
  // "Chelsea", "BBC"; not "A-level" or "A380", which are things rather than bodies.
  if (tokens.length === 1 && (entry?.midSentence ?? 0) >= 2 && /^\p{Lu}(?:\p{Ll}+|[\p{Lu}&]+)$/u.test(name))
    return 'organization';
  return 'unknown';
}
