import { CONNECTORS } from './discoveryWords';
import { isWordChar } from './matcher';

/** A run of capitalized words in a sentence (with the lower-case connectors between them). */
export interface NameRun {
  /** The words, possessive `'s` removed. */
  readonly tokens: readonly string[];
  readonly start: number;
  readonly end: number;
  /** The run opens the sentence, a quotation or a list item, where any word is capitalized. */
  readonly initial: boolean;
  /** The last word took a possessive ("Huawei's"). */
  readonly possessive: boolean;
  /** The run follows a possessive ("Huawei's Ascend"). */
  readonly possessed: boolean;
  /** The run says or is said something of ("… said Tony Blair", "Blair said"). */
  readonly speaks: boolean;
  /** The run follows "in", "from", "near"… */
  readonly afterPlacePreposition: boolean;
  /** The run follows "the" ("the BBC", "the Commons"): an institution more often than a person. */
  readonly afterThe: boolean;
  /** An age follows the run ("Redknapp, 57,"): a person. */
  readonly aged: boolean;
  /** What the word after the run suggests: "Microsoft shares" a company, "Labour leader" an organization. */
  readonly followedAs: 'company' | 'organization' | 'team' | undefined;
}

export const CAPITALIZED = /^(?:\p{Lu}|\p{Ll}+\p{Lu})/u;
/** "I'm", "Don't", "They'll": capitalized only because they open a sentence. */
const CONTRACTION = /['’](?:m|re|ve|ll|d|t)$/i;
const OPENS_CLAUSE = /["“‘:;—–•*#>|]/;
const PLACE_PREPOSITIONS = new Set(['in', 'from', 'near', 'across', 'throughout', 'outside']);
/** Words after a name that say what it is: "Microsoft shares", "Labour leader", "Chelsea manager". */
const FOLLOWERS = new Map<string, 'company' | 'organization' | 'team'>([
  ...[
    'shares',
    'boss',
    'bosses',
    'chief',
    'executive',
    'executives',
    'firm',
    'brand',
    'shareholders',
    'profits',
    'profit',
    'sales',
    'customers',
    'stake',
  ].map((w) => [w, 'company'] as const),
  ...[
    'party',
    'mps',
    'mp',
    'leader',
    'leadership',
    'spokesman',
    'spokeswoman',
    'members',
    'manager',
    'coach',
    'fans',
    'players',
    'striker',
    'boss',
    'chairman',
    'president',
    'officials',
    'council',
    'committee',
    'campaign',
  ].map((w) => [w, 'organization'] as const),
  // "Southampton are", "Chelsea have": a town's name with a plural verb is its team, in British usage.
  ...['are', 'were', 'have'].map((w) => [w, 'team'] as const),
]);
const SPEECH_AFTER = /^,?\s+(?:said|says|told|added|argued|explained|insisted|warned)\b/;
const SPEECH_BEFORE = /\b(?:said|says|according to)\s+$/;

/**
 * Splits a sentence into runs of capitalized words, counting on the way how
 * often each word is written in lower case (`lowerCount`) and capitalized
 * inside a sentence (`capitalCount`). Called for every sentence of the
 * corpus, so it keeps its state in plain variables.
 */
export function scanSentence(
  text: string,
  lowerCount: Map<string, number>,
  capitalCount: Map<string, number>,
  onRun: (run: NameRun) => void,
): void {
  let tokens: string[] = [];
  let pending: string[] = [];
  let runStart = 0;
  let runEnd = 0;
  let runInitial = false;
  let possessed = false;
  let placeBefore = false;
  let theBefore = false;
  let previousPossessive = false;
  let lastLower: string | undefined;
  let beforeThe: string | undefined;
  const close = (possessive: boolean) => {
    if (tokens.length > 0)
      onRun(toRun(text, tokens, runStart, runEnd, runInitial, possessive, possessed, placeBefore, theBefore));
    tokens = [];
    pending = [];
  };
  let previousEnd = 0;
  for (let start = nextWord(text, 0); start < text.length; start = nextWord(text, previousEnd)) {
    let end = wordEnd(text, start);
    // "U.S." keeps its last full stop: it is part of the name.
    if (
      text.charCodeAt(end) === 46 &&
      end - start >= 3 &&
      text.charCodeAt(end - 2) === 46 &&
      isInitials(text, start, end)
    )
      end++;
    const word = text.slice(start, end);
    const gap = gapKind(text, previousEnd, start);
    previousEnd = end;
    const possessive = end - start > 2 && isPossessive(text, end);
    const base = possessive ? word.slice(0, -2) : word;
    if (!isCapitalized(word) || CONTRACTION.test(word)) {
      lowerCount.set(base, (lowerCount.get(base) ?? 0) + 1);
      if (tokens.length > 0 && gap !== Gap.Other && !possessive && CONNECTORS.has(word)) pending.push(word);
      else close(false);
      previousPossessive = false;
      beforeThe = lastLower;
      lastLower = base;
      continue;
    }
    const initial = start === 0 || gap === Gap.Clause;
    if (!initial) capitalCount.set(base, (capitalCount.get(base) ?? 0) + 1);
    if (tokens.length > 0 && (gap === Gap.Space || gap === Gap.Ampersand)) {
      if (gap === Gap.Ampersand) tokens.push('&');
      for (const connector of pending) tokens.push(connector);
      pending = [];
      tokens.push(base);
    } else {
      close(false);
      possessed = previousPossessive && gap === Gap.Space;
      placeBefore =
        gap === Gap.Space &&
        (PLACE_PREPOSITIONS.has(lastLower ?? '') || (lastLower === 'the' && PLACE_PREPOSITIONS.has(beforeThe ?? '')));
      theBefore = gap === Gap.Space && lastLower === 'the';
      runStart = start;
      runInitial = initial;
      tokens = [base];
    }
    runEnd = start + base.length;
    if (possessive) close(true);
    previousPossessive = possessive;
    lastLower = undefined;
  }
  close(false);
}

/** "U.S", "U.K", "E.U": capitals each followed by a full stop but the last. */
function isInitials(text: string, start: number, end: number): boolean {
  return /^(?:\p{Lu}\.)+\p{Lu}$/u.test(text.slice(start, end));
}

function nextWord(text: string, from: number): number {
  while (from < text.length && !isWordChar(text.charCodeAt(from))) from++;
  return from;
}

/** A word runs over letters and digits, and over `'`, `’`, `.`, `&`, `-` between two of them ("U.S", "AT&T", "Blair's"). */
function wordEnd(text: string, start: number): number {
  let end = start + 1;
  for (;;) {
    const code = text.charCodeAt(end);
    if (isWordChar(code)) end++;
    else if (
      (code === 39 || code === 0x2019 || code === 46 || code === 38 || code === 45) &&
      isWordChar(text.charCodeAt(end + 1))
    )
      end += 2;
    else return end;
  }
}

const enum Gap {
  Space,
  Ampersand,
  Clause,
  Other,
}

/** What separates two words: only spaces, " & ", something that opens a clause (quote, colon, bullet), or other punctuation. */
function gapKind(text: string, from: number, to: number): Gap {
  let kind = Gap.Space;
  if (from === to) return Gap.Other;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0) continue;
    if (code === 38 && kind === Gap.Space) {
      kind = Gap.Ampersand;
      continue;
    }
    return OPENS_CLAUSE.test(text.charAt(i)) || OPENS_CLAUSE.test(text.slice(i, to)) ? Gap.Clause : Gap.Other;
  }
  return kind;
}

function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code >= 97 && code <= 122 && word.length > 1) {
    const second = word.charCodeAt(1);
    if (second >= 97 && second <= 122 && !/^[a-z]+[A-Z]/.test(word)) return false;
  } else if (code < 128) {
    return false;
  }
  return CAPITALIZED.test(word);
}

function isPossessive(text: string, end: number): boolean {
  const apostrophe = text.charCodeAt(end - 2);
  return text.charCodeAt(end - 1) === 115 && (apostrophe === 39 || apostrophe === 0x2019);
}

function toRun(
  text: string,
  tokens: string[],
  start: number,
  end: number,
  initial: boolean,
  possessive: boolean,
  possessed: boolean,
  afterPlacePreposition: boolean,
  afterThe: boolean,
): NameRun {
  const speakAfter = !possessive && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 44);
  return {
    tokens,
    start,
    end,
    initial,
    possessive,
    possessed,
    speaks:
      (speakAfter && SPEECH_AFTER.test(text.slice(end, end + 24))) ||
      (start > 5 && SPEECH_BEFORE.test(text.slice(Math.max(0, start - 16), start))),
    afterPlacePreposition,
    afterThe,
    aged: !possessive && /^, \d{2},/.test(text.slice(end, end + 5)),
    followedAs: FOLLOWERS.get(/^(?:['’]s)?\s+([a-z]+)/.exec(text.slice(end, end + 24))?.[1] ?? ''),
  };
}
