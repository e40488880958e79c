/**
 * How the citation right after a cited quote's closing mark is read (the
 * forms are listed in `quoteParagraph.ts`), and the quote marks and spaces
 * both read by.
 */

import { ANCHOR_OPEN } from './quoteAnchor';

export type NoteCitation =
  | { readonly kind: 'footnote'; readonly label: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'pandoc';
      readonly key: string;
      /** The locator text after the key, e.g. `sec. Results`, if any. */
      readonly locator?: string;
      readonly start: number;
      readonly end: number;
    }
  /** Text after a dash: inline, and older APA, Chicago, MLA quotes. */
  | { readonly kind: 'text'; readonly text: string; readonly start: number; readonly end: number }
  /** A parenthesized in-text citation: APA, Chicago, MLA (without its parentheses). */
  | { readonly kind: 'intext'; readonly text: string; readonly start: number; readonly end: number };

/** Where the paragraph being read sits in the note: its offsets, and where its lines start. */
export interface ParagraphStream {
  /** The note offset of an offset into the joined paragraph. */
  noteOffset(at: number): number;
  /** Offsets into the joined paragraph at which its lines start. */
  readonly lineStarts: ReadonlySet<number>;
}

const OPENING = '"“„«';
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

export function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text[at])) at++;
  return at;
}

export function openingMark(text: string, at: number): { textStart: number } | undefined {
  if (at < text.length && OPENING.includes(text.charAt(at))) return { textStart: at + 1 };
  if (text[at] === '\\' && text[at + 1] === '"') return { textStart: at + 2 };
  return undefined;
}

export type Kind = NoteCitation['kind'];

/** Where a citation's `[` is: at `at`, or after a backslash (a writer without citations, as pandoc's gfm, escapes it). */
function bracketAt(text: string, at: number): number {
  return text[at] === '\\' && text[at + 1] === '[' ? at + 1 : at;
}

export function citationKind(text: string, at: number): Kind | undefined {
  const b = bracketAt(text, at);
  if (text[b] === '[') {
    if (text[b + 1] === '^') return 'footnote';
    if (text[b + 1] === '@' || (text[b + 1] === '-' && text[b + 2] === '@')) return 'pandoc';
    return undefined;
  }
  const ch = text[at];
  if (ch === '(') return 'intext';
  const dash = dashLength(text, at);
  if (dash > 0 && !isSpace(text[skipSpace(text, at + dash)] ?? ' ') && at + dash < text.length) {
    return isSpace(text[at + dash]) || ch !== '-' ? 'text' : undefined;
  }
  return undefined;
}

function dashLength(text: string, at: number): number {
  const ch = text[at];
  if (ch === '—' || ch === '–' || ch === '―') return 1;
  if (ch !== '-') return 0;
  let n = 1;
  while (n < 3 && text[at + n] === '-') n++;
  return n;
}

export function readCitation(
  text: string,
  start: number,
  kind: Kind,
  stream: ParagraphStream,
): { citation: NoteCitation; end: number } {
  const span = (from: number, to: number) => ({ start: stream.noteOffset(from), end: stream.noteOffset(to) });
  const open = bracketAt(text, start);
  const escaped = open > start;
  if (kind === 'footnote') {
    const close = closingBracket(text, open + 2, escaped);
    const end = close === -1 ? text.length : close + 1;
    const label = text.slice(open + 2, close === -1 ? end : close - (escaped ? 1 : 0)).trim();
    return { citation: { kind, label, ...span(start, end) }, end: punctuationAfter(text, end) };
  }
  if (kind === 'pandoc') {
    const close = closingBracket(text, open + 1, escaped);
    const end = close === -1 ? text.length : close + 1;
    const inner = text.slice(open + 1, close === -1 ? end : close - (escaped ? 1 : 0));
    const { key, locator } = pandocKey(inner);
    return {
      citation: { kind, key, ...(locator === undefined ? {} : { locator }), ...span(start, end) },
      end: punctuationAfter(text, end),
    };
  }
  if (kind === 'intext') {
    const close = closingParen(text, start);
    const end = close === -1 ? text.length : close + 1;
    const inner = text.slice(start + 1, close === -1 ? end : close);
    return {
      citation: { kind, text: inner.replace(/\s+/g, ' ').trim(), ...span(start, end) },
      end: punctuationAfter(text, end),
    };
  }
  const from = skipSpace(text, start + dashLength(text, start));
  const end = dashCitationEnd(text, from, stream.lineStarts);
  let trimmed = end;
  while (trimmed > from && isSpace(text[trimmed - 1])) trimmed--;
  return {
    citation: { kind: 'text', text: text.slice(from, trimmed).replace(/\s+/g, ' '), ...span(from, trimmed) },
    end,
  };
}

function punctuationAfter(text: string, at: number): number {
  return text[at] === '.' || text[at] === ',' || text[at] === ';' ? at + 1 : at;
}

/** The first unescaped `]` from `from` (the first `\\]` when the bracket was opened escaped), or -1. */
function closingBracket(text: string, from: number, escaped: boolean): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      if (escaped && text[i + 1] === ']') return i + 1;
      i++;
    } else if (text[i] === ']' && !escaped) return i;
  }
  return -1;
}

/** The `)` closing the `(` at `open`, counting nested parentheses, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The key of a pandoc citation's first item (`@key`, `@{key}`, `-@key`) and
 * the locator after it, from the text inside its brackets (the preview reads
 * citations with this too).
 */
export function pandocKey(inner: string): { key: string; locator?: string } {
  const at = inner.indexOf('@');
  if (at === -1) return { key: '' };
  let key: string;
  let after: number;
  if (inner[at + 1] === '{') {
    const close = inner.indexOf('}', at + 2);
    key = inner.slice(at + 2, close === -1 ? inner.length : close);
    after = close === -1 ? inner.length : close + 1;
  } else {
    let end = at + 1;
    while (end < inner.length && !/[\s;,\]]/.test(inner.charAt(end))) end++;
    key = inner.slice(at + 1, end).replace(/\\(.)/g, '$1');
    // A key ends before trailing punctuation (pandoc's rule).
    while (/[.:]$/.test(key)) key = key.slice(0, -1);
    after = end;
  }
  const rest =
    inner
      .slice(after)
      .replace(/^\s*,\s*/, '')
      .split(';')[0]
      ?.trim() ?? '';
  return rest === '' ? { key } : { key, locator: rest.replace(/\s+/g, ' ') };
}

/**
 * Where a dash citation ends: the paragraph's end, or the start of a line
 * that opens a new quote while no emphasis, parenthesis, bracket or
 * quotation of the citation is open.
 */
function dashCitationEnd(text: string, from: number, lineStarts: ReadonlySet<number>): number {
  let star = false;
  let underscore = false;
  let parens = 0;
  let brackets = 0;
  let curly = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    // A quote's anchor comment ends its citation.
    if (ch === '<' && text.startsWith(ANCHOR_OPEN, i)) return i;
    if (i > from && lineStarts.has(i) && !star && !underscore && parens <= 0 && brackets <= 0 && curly <= 0) {
      if (openingMark(text, i)) return i;
    }
    if (ch === '\\') i++;
    else if (ch === '*') star = !star;
    else if (ch === '_' && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ')) underscore = !underscore;
    else if (ch === '(') parens++;
    else if (ch === ')') parens--;
    else if (ch === '[') brackets++;
    else if (ch === ']') brackets--;
    else if (ch === '“') curly++;
    else if (ch === '”') curly--;
  }
  return text.length;
}
