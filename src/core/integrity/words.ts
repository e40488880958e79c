/**
 * The words of a text as quote integrity compares them. A quote matches its
 * source when its words and numbers are the same, in the same order; what
 * only typesets them does not count: whitespace and line breaks, straight or
 * typographic quotes and apostrophes, dashes and other punctuation between
 * words, letter case, Unicode compatibility forms (NFKC), and Markdown syntax
 * around the words (emphasis, link destinations, footnote references, HTML).
 *
 * A word is a run of letters, marks and digits, with apostrophes inside it
 * ("company's") and, between digits, the `.`, `,` or `:` of a number ("1.5",
 * "1,000", "10:30"), so "1.5" and "15" differ. Currency signs, `%` and `&`
 * are words of their own: "$33" and "33" differ.
 */

/** A normalized word and where it is in the text it was read from. */
export interface WordSpan {
  /** NFKC, lower case, apostrophes as `'`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{N}/u;
const SYMBOL = /[\p{Sc}%‰&]/u;

const enum Kind {
  Separator,
  Letter,
  Digit,
  Symbol,
}

/** Kinds of the ASCII characters, looked up rather than tested: most text is ASCII. */
const ASCII_KINDS: readonly Kind[] = Array.from({ length: 128 }, (_, c) => {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return Kind.Letter;
  if (c >= 48 && c <= 57) return Kind.Digit;
  return c === 36 || c === 37 || c === 38 ? Kind.Symbol : Kind.Separator;
});

/**
 * Markdown syntax whose characters are not words of the prose: a link's
 * destination and title, a footnote reference (escaped, `[\\^x\\]`, too, so a
 * quote reads the same as the source it escapes), an HTML tag or autolink.
 */
const MARKUP =
  /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)|\[\\?\^[^\]\s]{1,200}\]|<\/?[A-Za-z][^<>]*>/g;

function kindAt(text: string, i: number): Kind {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_KINDS[c] ?? Kind.Separator;
  // A surrogate pair is read whole, so letters outside the BMP count as letters.
  const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
  if (WORD_CHAR.test(ch)) return DIGIT.test(ch) ? Kind.Digit : Kind.Letter;
  if (c >= 0xdc00 && c <= 0xdfff && i > 0 && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i - 1) ?? 0)))
    return Kind.Letter;
  return SYMBOL.test(ch) ? Kind.Symbol : Kind.Separator;
}

/** Whether `text[i]` is a letter, mark or digit (a character words are made of). */
export function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const kind = kindAt(text, i);
  return kind === Kind.Letter || kind === Kind.Digit;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2bc;
}

/** Normalizes one word's raw text: NFKC, typographic apostrophes to `'`, lower case. */
export function normalizeWord(raw: string): string {
  if (raw.includes('\\')) raw = raw.replace(/\\/g, '');
  if (!/[^\u0020-\u007e]/.test(raw)) return raw.toLowerCase();
  return raw.normalize('NFKC').replace(/[’ʼ]/g, "'").toLowerCase();
}

/**
 * Receives the bounds of each word found in a text. `ascii` says whether it
 * is all ASCII, in which case lower-casing is all its normalizing needs.
 */
export type WordSink = (start: number, end: number, ascii: boolean) => void;

/** Calls `visit` for each span of `text[from, to)` that is not Markdown markup. */
function proseSpans(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  const slice = text.slice(from, to);
  if (!slice.includes('](') && !slice.includes('[^') && !slice.includes('[\\^') && !slice.includes('<')) {
    visit(from, to);
    return;
  }
  MARKUP.lastIndex = 0;
  let at = from;
  for (let match = MARKUP.exec(slice); match; match = MARKUP.exec(slice)) {
    const start = from + match.index;
    // A link destination keeps its `]`, which is punctuation anyway.
    visit(at, start);
    at = start + match[0].length;
  }
  visit(at, to);
}

/**
 * The words of `text[from, to)` with their offsets in `text`. Pure and
 * linear in the length of the span; never throws.
 */
export function wordsOf(text: string, from = 0, to = text.length): WordSpan[] {
  const words: WordSpan[] = [];
  scanWords(text, from, to, (start, end, ascii) => {
    const raw = text.slice(start, end);
    words.push({ text: ascii ? raw.toLowerCase() : normalizeWord(raw), start, end });
  });
  return words;
}

/** Finds the words of `text[from, to)` and hands their bounds to `sink`, without making strings (for whole articles). */
export function scanWords(text: string, from: number, to: number, sink: WordSink): void {
  proseSpans(text, from, to, (start, end) => scanSpan(text, start, end, sink));
}

function scanSpan(text: string, from: number, to: number, sink: WordSink): void {
  let i = from;
  while (i < to) {
    const first = text.charCodeAt(i);
    const kind = first < 128 ? (ASCII_KINDS[first] ?? Kind.Separator) : kindAt(text, i);
    if (kind === Kind.Separator) {
      i++;
      continue;
    }
    const start = i++;
    let ascii = first < 128;
    if (kind !== Kind.Symbol) {
      while (i < to) {
        const c = text.charCodeAt(i);
        const next = c < 128 ? (ASCII_KINDS[c] ?? Kind.Separator) : kindAt(text, i);

        if (next === Kind.Letter || next === Kind.Digit) {
          if (c >= 128) ascii = false;
          i++;
          continue;
        }
        // A backslash-escaped apostrophe (`Alibaba\'s`, as pandoc writes one) joins the word like a plain one;
        // so does one after an escaped backslash (`0\\'0`, how a quote writes a source's literal `0\'0`).
        if (c === 92) {
          const skip = text.charCodeAt(i + 1) === 92 ? 2 : 1;
          if (i + skip + 1 < to && isApostrophe(text.charCodeAt(i + skip))) {
            const next = kindAt(text, i + skip + 1);
            if (next === Kind.Letter || next === Kind.Digit) {
              ascii = false;
              i += skip + 1;
              continue;
            }
          }
        }
        const after = i + 1 < to ? kindAt(text, i + 1) : Kind.Separator;
        const joinsWord = after === Kind.Letter || after === Kind.Digit;
        if (joinsWord && isApostrophe(c)) {
          if (c !== 39) ascii = false;
          i++;
          continue;
        }
        if ((c === 46 || c === 44 || c === 58) && after === Kind.Digit && kindAt(text, i - 1) === Kind.Digit) {
          i++;
          continue;
        }
        break;
      }
    }
    sink(start, i, ascii);
  }
}

/**
 * An elision inside a quote: `…`, `...` (or `. . .`), `[...]`, `[…]`, `(...)`.
 * NFKC turns `…` into `...`, so both are one mark.
 */
const ELISION = /\[\s*(?:…|\.(?:\s?\.){2,})\s*\]|\(\s*(?:…|\.(?:\s?\.){2,})\s*\)|…|\.(?:\s?\.){2,}/g;

/** A run of quoted words between elisions, with the span of text it covers. */
export interface QuotedPart {
  readonly start: number;
  readonly end: number;
  readonly words: readonly WordSpan[];
}

/**
 * Splits quoted text `text[from, to)` at its elisions into the parts that
 * must each appear in the source. A leading or trailing ellipsis only marks
 * that the quote starts or ends mid-passage, so it yields no empty part;
 * parts without words are dropped.
 */
export function quotedParts(text: string, from: number, to: number): QuotedPart[] {
  const parts: QuotedPart[] = [];
  const slice = text.slice(from, to);
  const add = (start: number, end: number) => {
    const words = wordsOf(text, start, end);
    if (words.length > 0) parts.push({ start, end, words });
  };
  ELISION.lastIndex = 0;
  let at = from;
  for (let match = ELISION.exec(slice); match; match = ELISION.exec(slice)) {
    add(at, from + match.index);
    at = from + match.index + match[0].length;
  }
  add(at, to);
  return parts;
}
