import {
  LEADING_ABBREVIATIONS,
  NUMBER_ABBREVIATIONS,
  SENTENCE_STARTERS,
  TRAILING_ABBREVIATIONS,
} from './sentenceWords';

/**
 * Sentence boundaries for English news prose and Markdown notes. A boundary
 * is a terminator (`.`, `!`, `?`, `…`) with what closes it (quotes,
 * brackets, Markdown `**`/`_`, a footnote reference `[^1]`, a link's
 * `](url)`), then whitespace and a character that can open a sentence. Not
 * boundaries: a title ("Mr. Smith"), an initial ("J. Smith"), a number
 * abbreviation before its number ("No. 5", "p. 55"), decimals, an elision
 * (`[...]`, ". . ." mid-sentence) or an ellipsis before a citation in
 * parentheses. An abbreviation that can close a sentence ("& Co.", "U.S.",
 * "etc.") or a single capital ("you and I.") ends one when the next word is
 * one that opens sentences ("It", "The", "How"). List markers (`1.`, `1)`,
 * `a.`, `•`, `-`) stay with their item; a marker after a line break, or the
 * next marker of an inline list, starts a new sentence.
 *
 * Hand-written rather than `Intl.Segmenter`: ICU splits after "Mr." and
 * "U.S." unless given locale-specific suppressions Node does not ship, and
 * this scanner is several times faster on a large corpus.
 */

/** Closing quotes, brackets and Markdown emphasis marks that belong to the sentence before the break. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '*', '_', '~', '`']);
const OPENERS = /[[\p{Lu}\p{Lt}\p{N}"'“‘(«*_—–•¿¡]/u;
/** Bullets that may run inline ("• one • two"), not only at the start of a line. */
const INLINE_BULLETS = '•‣⁃▪◦';
const LINE_BULLETS = '•‣⁃▪◦*+-';

export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

interface ListMarker {
  /** Where the item's text starts, after the marker and its spaces. */
  readonly end: number;
  readonly bullet: string;
  /** `9`, `b`… of an enumerated marker, and what follows it (`.`, `)`, `.)`). */
  readonly enumerator?: { readonly value: string; readonly punctuation: string };
}

/**
 * Splits `text[from, to)` into sentence spans (offsets into `text`), each
 * trimmed of surrounding whitespace. Never returns an empty span.
 */
export function splitSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, from, to);
  let i = start;
  let nextItem = -1;
  const open = (at: number) => {
    start = at;
    const marker = listMarkerAt(text, at, to);
    i = marker ? marker.end : at;
    nextItem = marker ? nextItemAt(text, marker, i, to) : -1;
  };
  const close = (end: number) => {
    const trimmed = trimEnd(text, start, end);
    if (trimmed > start) spans.push({ start, end: trimmed });
  };
  open(start);
  while (i < to) {
    const ch = text.charCodeAt(i);
    if (i === nextItem) {
      close(i);
      open(i);
      continue;
    }
    if (ch === 10) {
      const line = skipInlineSpace(text, i + 1, to);
      if (line < to && line > start && listMarkerAt(text, line, to, true)) {
        close(i);
        open(line);
        continue;
      }
      i++;
      continue;
    }
    // '.', '!', '?', '…'
    if (ch !== 46 && ch !== 33 && ch !== 63 && ch !== 0x2026) {
      i++;
      continue;
    }
    if (ch === 46 && text.charCodeAt(i + 1) === 32 && text.charCodeAt(i + 2) === 46) {
      // A spaced ellipsis: ". . ." within a sentence, ". . . ." or "word. . . ." at its end.
      const group = spacedDots(text, i, to);
      const attached = i > start && !isSpace(text.charCodeAt(i - 1));
      const closed = closersEnd(text, group.end, to);
      const next = skipSpace(text, closed, to);
      // Only whitespace may part the ellipsis (and what closes it) from the next sentence.
      const opensNext = next < to && next > closed && OPENERS.test(text.charAt(next));
      if (attached && group.count >= 4 && opensNext) {
        // "compounds. . . . The practice": the full stop ends this sentence, the ellipsis opens the next.
        close(i + 1);
        open(i + 2);
        continue;
      }
      if (!attached && group.count >= 4 && opensNext) {
        close(closed);
        open(next);
        continue;
      }
      i = group.end;
      continue;
    }
    let end = i + 1;
    while (end < to && isTerminator(text.charCodeAt(end))) end++;
    const run = end - i;
    const ellipsis = ch === 0x2026 || run >= 3 || text.slice(i, end).includes('…');
    // "[...]" is an elision inside a quotation, not an end.
    if (ellipsis && text[i - 1] === '[' && text[end] === ']') {
      i = end + 1;
      continue;
    }
    const terminatorEnd = end;
    end = closersEnd(text, end, to);
    if (end >= to) break;
    if (!isSpace(text.charCodeAt(end))) {
      i = end;
      continue;
    }
    const next = skipSpace(text, end, to);
    if (next >= to) break;
    const opener = text.charAt(next);
    if (
      !OPENERS.test(opener) ||
      (ellipsis && opener === '(') ||
      // A closing quote after the full stop ends the sentence even after an initial ("Cell Block H.\" Labour").
      (ch === 46 && run === 1 && end === terminatorEnd && !fullStopEnds(text, start, i, next))
    ) {
      i = end;
      continue;
    }
    close(end);
    open(next);
  }
  close(to);
  return spans;
}

/** Whether the single full stop at `dot` ends the sentence, given the word before it and what starts at `next`. */
function fullStopEnds(text: string, sentenceStart: number, dot: number, next: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && isAbbreviationChar(text.charCodeAt(wordStart - 1))) wordStart--;
  if (wordStart === dot) return true;
  const word = text.slice(wordStart, dot).toLowerCase();
  if (LEADING_ABBREVIATIONS.has(word)) return false;
  if (NUMBER_ABBREVIATIONS.has(word) && isDigit(text.charCodeAt(next))) return false;
  if (TRAILING_ABBREVIATIONS.has(word) || /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(word)) return opensSentence(text, next);
  // A single capital is an initial ("J. Smith") unless a sentence plainly follows ("you and I. Did").
  if (dot - wordStart === 1 && /\p{Lu}/u.test(text.charAt(wordStart))) return opensSentence(text, next);
  return true;
}

/** Whether the word at `at` is one that opens sentences ("The", "It", "How"), and not an initial ("A. Smith"). */
function opensSentence(text: string, at: number): boolean {
  const first = text.charAt(at);
  if (first === '"' || first === '“') return true;
  let end = at;
  while (end < text.length && /\p{L}/u.test(text.charAt(end))) end++;
  if (end === at || !/\p{Lu}/u.test(first)) return false;
  if (end - at === 1 && text[end] === '.') return false;
  return SENTENCE_STARTERS.has(text.slice(at, end).toLowerCase());
}

/**
 * The list marker at `at` ("1.", "1)", "1.)", "a.", "(2)", "•", "- ", "• 9."),
 * if any. After a line break (`lineStart`) a capital letter is not taken for
 * a marker: it is more often an initial.
 */
function listMarkerAt(text: string, at: number, to: number, lineStart = false): ListMarker | undefined {
  let i = at;
  let bullet = '';
  const first = text[i];
  if (first !== undefined && LINE_BULLETS.includes(first)) {
    const spaced = isSpace(text.charCodeAt(i + 1));
    if (!spaced && !INLINE_BULLETS.includes(first)) return undefined;
    bullet = first;
    i = skipInlineSpace(text, i + 1, to);
  }
  const match = /^(?:\((\d{1,3}|[a-z])\)|(\d{1,3}|[a-zA-Z])(\.\)|\)|\.))(?=[ \t\n])/.exec(text.slice(i, i + 8));
  const value = match?.[1] ?? match?.[2];
  if (match && value !== undefined && !(lineStart && /^[A-Z]$/.test(value))) {
    const enumerator = { value, punctuation: match[3] ?? '()' };
    return { end: skipInlineSpace(text, i + match[0].length, to), bullet, enumerator };
  }
  return bullet !== '' ? { end: i, bullet } : undefined;
}

/** Where the next item of an inline list starts ("… 2.) The second item", "… • 10. The second"), or -1. */
function nextItemAt(text: string, marker: ListMarker, from: number, to: number): number {
  let needle: string;
  if (INLINE_BULLETS.includes(marker.bullet) && marker.bullet !== '') needle = ` ${marker.bullet}`;
  else if (marker.enumerator && marker.bullet === '') {
    const { value, punctuation } = marker.enumerator;
    const next = /^\d+$/.test(value) ? String(Number(value) + 1) : String.fromCharCode(value.charCodeAt(0) + 1);
    needle = punctuation === '()' ? ` (${next}) ` : ` ${next}${punctuation} `;
  } else return -1;
  const found = text.indexOf(needle, from);
  return found === -1 || found + needle.length > to ? -1 : found + 1;
}

/** A ". . ." group from `at`: how many dots, and where it ends. */
function spacedDots(text: string, at: number, to: number): { count: number; end: number } {
  let count = 1;
  let end = at + 1;
  while (end + 1 < to && text.charCodeAt(end) === 32 && text.charCodeAt(end + 1) === 46) {
    count++;
    end += 2;
  }
  return { count, end };
}

/** Past the quotes, brackets, emphasis marks, footnote references and link targets that close a sentence. */
function closersEnd(text: string, end: number, to: number): number {
  for (;;) {
    const ch = text[end];
    if (ch === undefined || end >= to) return end;
    if (CLOSERS.has(ch)) {
      end++;
      continue;
    }
    if (ch === '[' && text[end + 1] === '^') {
      const close = text.indexOf(']', end);
      if (close === -1 || close - end > 40 || close >= to) return end;
      end = close + 1;
      continue;
    }
    if (ch === '(' && text[end - 1] === ']') {
      const close = text.indexOf(')', end);
      if (close === -1 || close >= to || /\s/.test(text.slice(end, close))) return end;
      end = close + 1;
      continue;
    }
    return end;
  }
}

function isTerminator(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

/**
 * Letters, digits, `.`, `°` and the joiners `&`, `-`, `'` make the word an
 * abbreviation is read from ("U.S", "N°", "100.00"; "AT&T" and "Jay-Z" are
 * whole words, not the initials "T" and "Z").
 */
function isAbbreviationChar(code: number): boolean {
  if (code < 128) {
    return (
      (code >= 48 && code <= 57) ||
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      code === 46 ||
      code === 38 ||
      code === 45 ||
      code === 39
    );
  }
  return code === 0xb0 || code === 0xba || code === 0x2019 || /\p{L}/u.test(String.fromCharCode(code));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xa0 || code === 0x2028;
}

function skipSpace(text: string, from: number, to: number): number {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  return from;
}

function skipInlineSpace(text: string, from: number, to: number): number {
  while (from < to && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
  return from;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to;
}
