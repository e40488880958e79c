import type { NameStats } from './discoveryKinds';
import { CALENDAR, COMMON_ACRONYMS, CONNECTORS, DEMONYMS, STOPWORDS } from './discoveryWords';
import { PLACE_NAMES } from './gazetteer';

/**
 * Whether a candidate is a name. A multi-word name needs to be seen once
 * inside a sentence (or twice, or be a known place), and not to be made only
 * of everyday words ("Year Ago", "Full Time") unless it recurs. A single word
 * needs to be seen inside a sentence and be rarely written in lower case;
 * seen once, it also needs a proof (a possessive, a title) or no lower-case
 * sighting at all. A gazetteer place is a name wherever it stands.
 */
export function isAccepted(
  name: string,
  tokens: readonly string[],
  entry: NameStats,
  lower: number,
  capital: number,
  isCommon: (word: string) => boolean,
  minMentions: number,
): boolean {
  if (NOT_NAMES.has(name) || ADJECTIVE_COMPOUND.test(name)) return false;
  if (tokens.length > 1) {
    if (tokens.every((token) => token.length <= 3 && token === token.toUpperCase())) return false; // "L PCT GB"
    const everyday = tokens.every((token) => CONNECTORS_OR_COMMON(token, isCommon));
    // "Jamie Foxx and …" opening a sentence: no word of it is ever seen in lower case.
    const opensWithName = !tokens.some((token) => isCommon(token) || STOPWORDS.has(token.toLowerCase()));
    const seen = entry.midSentence > 0 || entry.occurrences >= minMentions || PLACE_NAMES.has(name) || opensWithName;
    return seen && (!everyday || entry.occurrences >= 3);
  }
  if (!isNameWord(name)) return false;
  if (PLACE_NAMES.has(name) && lower * 4 <= capital + entry.occurrences) return true;
  if (entry.midSentence === 0 || lower * 4 > capital) return false;
  return entry.midSentence >= minMentions || entry.proof > 0 || lower === 0;
}

/** "German-based", "Indian-born": adjectives made from a name, not names. */
const ADJECTIVE_COMPOUND = /-(?:based|born|led|owned|backed|made|style|era|listed|run|bred|funded|linked|speaking)$/;

const CONNECTORS_OR_COMMON = (token: string, isCommon: (word: string) => boolean) =>
  CONNECTORS.has(token) || isCommon(token);

/** Capitalized words and phrases that are not names, however often they are capitalized (`_` joins a phrase). */
const NOT_NAMES = new Set(
  `Year_Ago Week_Ago Month_Ago Quarter_Ago Year_Earlier Full_Time Half_Time Net_Profit Net_Income Total_Revenue
  Internet Web Net God Mum Dad Christmas Easter Select Choice Click Note Update Read More Related Advertisement
  Photo Video Gallery Top Stories Copyright Source Sources Total Average Profit Week Month North South East West`
    .trim()
    .split(/\s+/)
    .map((entry) => entry.replace(/_/g, ' ')),
);

/** Whether a single word can be a name on its own: not a people's adjective, a month, or a generic acronym ("TV", "MPs"). */
export function isNameWord(word: string): boolean {
  return (
    word.length > 1 &&
    !DEMONYMS.has(word) &&
    !CALENDAR.has(word) &&
    !COMMON_ACRONYMS.has(word) &&
    !/^\p{Lu}{2,}s$/u.test(word)
  );
}

/**
 * The lines of a sentence that are prose. A line with no lower-case letter
 * is a headline, a dateline or a table row ("L PCT GB"): every word in it is
 * capitalized, so it says nothing about which words are names.
 */
export function proseLines(sentence: string): string[] {
  if (!sentence.includes('\n')) return HAS_LOWER.test(sentence) ? [sentence] : [];
  return sentence.split('\n').filter((line) => HAS_LOWER.test(line));
}

const HAS_LOWER = /\p{Ll}/u;
