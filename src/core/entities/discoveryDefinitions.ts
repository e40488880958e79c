import { isShortAcronym } from './catalog';
import { CAPITALIZED, type NameRun } from './discoveryTokens';
import { CONNECTORS, EXCHANGES, kindFromEnding, STOPWORDS } from './discoveryWords';
import type { EntityKind } from './types';

// Names a text defines by giving another in parentheses: "Alibaba (BABA)", "large language model (LLM)".

/** What stands in parentheses right after a run, if it can be another name for it ("(BABA)", "(Tongyi Qianwen)"). */
export function parenthesisAfter(text: string, run: NameRun): string | undefined {
  if (run.possessive) return undefined;
  const match = /^ ?\(([^()\n]{1,48})\)/.exec(text.slice(run.end, run.end + 56));
  if (!match) return undefined;
  const inner = (match[1] ?? '').trim().replace(EXCHANGES, '');
  if (isTicker(inner) || isShortAcronym(inner)) return inner;
  const words = inner.split(/\s+/);
  return words.length <= 4 && words.every((w) => CAPITALIZED.test(w) && /^[\p{L}\p{M}.'’-]+$/u.test(w))
    ? inner
    : undefined;
}

function isTicker(text: string): boolean {
  return /^[A-Z]{1,5}(?:\.[A-Z]{1,2})?$/.test(text);
}

/**
 * The kind a "Name (ALIAS)" definition suggests: an acronym of the name's
 * initials is an organization (or a concept, for a lower-case name); any
 * other ticker-like alias is a company's ticker.
 */
export function kindOfDefinition(name: string, alias: string): EntityKind {
  const words = name.split(' ');
  const fromEnding = kindFromEnding(words);
  if (fromEnding) return fromEnding;
  if (isInitialism(words, alias)) return /^\p{Ll}/u.test(name) ? 'concept' : 'organization';
  return isTicker(alias) ? 'company' : 'unknown';
}

function isInitialism(words: readonly string[], alias: string): boolean {
  return initialismOf(words, alias) === words.length;
}

/**
 * How many of the last `words` spell `alias`'s capitals as initials ("Securities
 * Exchange Commission" for SEC, "Scottish and Newcastle" for S&N, skipping
 * "of", "and", "the"…); 0 when they do not.
 */
export function initialismOf(words: readonly string[], alias: string): number {
  let letters = alias.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2) return 0;
  let i = words.length - 1;
  for (; i >= 0 && letters.length > 0; i--) {
    const word = words[i] ?? '';
    if (CONNECTORS.has(word) || word === 'and') continue;
    // An acronym inside the name gives all its letters: "UK Independence Party" for UKIP.
    const part =
      word.length > 1 && word === word.toUpperCase() && letters.endsWith(word) ? word : word.charAt(0).toUpperCase();
    if (!letters.endsWith(part)) return 0;
    letters = letters.slice(0, letters.length - part.length);
  }
  return letters.length === 0 ? words.length - 1 - i : 0;
}

/**
 * Terms defined by their acronym: "large language model (LLM)", "Scottish and
 * Newcastle (S&N)". The words before the parenthesis must give the acronym's
 * capitals as initials; a capitalized term must be capitalized throughout.
 */
export function acronymDefinitions(text: string): { name: string; alias: string }[] {
  const found: { name: string; alias: string }[] = [];
  for (const match of text.matchAll(
    /((?:[\p{L}&][\p{L}\p{M}'’-]*\s+){0,7}[\p{L}][\p{L}\p{M}'’-]*)\s\((\p{Lu}[\p{L}&]{1,6})\)/gu,
  )) {
    const [, term, alias] = match;
    if (term === undefined || alias === undefined || !isShortAcronym(alias)) continue;
    const words = term.split(/\s+/);
    const used = initialismOf(words, alias);
    if (used === 0) continue;
    const picked = words.slice(words.length - used);
    const first = picked[0] ?? '';
    const lower = /^\p{Ll}/u.test(first);
    const consistent = picked.every((w) => CONNECTORS.has(w) || w === 'and' || /^\p{Ll}/u.test(w) === lower);
    if (consistent && !STOPWORDS.has(first.toLowerCase())) found.push({ name: picked.join(' '), alias });
  }
  return found;
}
