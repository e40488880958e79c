/**
 * The cited quotes of one blockquote paragraph, read as one stream of text
 * whatever its line breaks: `"…"` (or `“…”`, `«…»`, `\"…\"` as pandoc writes
 * a literal quote mark), then a citation right after the closing mark (a
 * period or comma may come between):
 *
 * - `[^label]` — footnote;
 * - `[@key]`, `[@key, sec. …]`, `[-@key]` — pandoc;
 * - `(…)` — an in-text citation (APA, Chicago, MLA);
 * - a dash (`—`, `–`, `---`, `--`, `-`) and text — inline, and the older
 *   formatted styles.
 *
 * The closing mark is the first one followed by a citation, so quote marks
 * inside the quote need no escaping. A dash citation runs to the end of the
 * paragraph, or to a line that opens a new quote outside any emphasis,
 * parenthesis or quotation of the citation itself, so a quoted title never
 * starts a quote. One pass, linear in the paragraph's length.
 */

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

export interface NoteQuote {
  /** Offset of the opening quote mark (its backslash, if escaped), and one past the closing one. */
  readonly start: number;
  readonly end: number;
  /** Where the quoted text starts and ends, inside the marks. */
  readonly textStart: number;
  readonly textEnd: number;
  readonly citation: NoteCitation;
}

/** A blockquote that opens with a quote mark and has a citation-like tail, but no readable cited quote. */
export interface UnreadQuote {
  readonly start: number;
  readonly end: number;
}

interface Segment {
  readonly start: number;
  readonly content: number;
  readonly end: number;
}

const OPENING = '"“„«';
const CLOSING = '"”»';

/** The paragraph as one string (lines joined by `\n`), with the note offset of each line's start. */
class Stream {
  readonly text: string;
  private readonly joinedStarts: number[] = [];
  private readonly noteStarts: number[] = [];
  readonly lineStarts = new Set<number>();

  constructor(note: string, segments: readonly Segment[]) {
    let text = '';
    for (const segment of segments) {
      if (text !== '') text += '\n';
      this.joinedStarts.push(text.length);
      this.noteStarts.push(segment.content);
      this.lineStarts.add(text.length);
      text += note.slice(segment.content, segment.end);
    }
    this.text = text;
  }

  /** The note offset of joined offset `at` (line breaks map to the end of their line). */
  noteOffset(at: number): number {
    let low = 0;
    let high = this.joinedStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.joinedStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return this.noteStarts[low]! + (at - this.joinedStarts[low]!);
  }
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Reads the cited quotes of a blockquote paragraph into `quotes` (see the module comment). */
export function quotesOfParagraph(
  note: string,
  segments: readonly Segment[],
  quotes: NoteQuote[],
  unread: UnreadQuote[],
): void {
  const stream = new Stream(note, segments);
  const text = stream.text;
  let at = skipSpace(text, 0);
  let first = true;
  while (at < text.length) {
    const open = openingMark(text, at);
    if (open === undefined) {
      if (first) return;
      // Text after a citation: a later quote may start after a space (a formatter joined two quotes' lines).
      at = nextOpening(text, at);
      continue;
    }
    const found = closingWithCitation(text, open.textStart);
    if (!found) {
      // Only a paragraph that opens with a quote mark can be a cited quote Sourcebook failed to read.
      if (first && looksCited(text, open.textStart))
        unread.push({ start: stream.noteOffset(at), end: stream.noteOffset(text.length) });
      return;
    }
    const citation = readCitation(text, found.citationStart, stream);
    quotes.push({
      start: stream.noteOffset(at),
      end: stream.noteOffset(found.close + 1),
      textStart: stream.noteOffset(open.textStart),
      textEnd: stream.noteOffset(found.textEnd),
      citation: citation.citation,
    });
    at = skipSpace(text, citation.end);
    first = false;
  }
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text[at])) at++;
  return at;
}

function openingMark(text: string, at: number): { textStart: number } | undefined {
  if (OPENING.includes(text[at]!)) return { textStart: at + 1 };
  if (text[at] === '\\' && text[at + 1] === '"') return { textStart: at + 2 };
  return undefined;
}

function nextOpening(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isSpace(text[i - 1]) && openingMark(text, i)) return i;
  return text.length;
}

/** The first closing mark after `from` that a citation follows. */
function closingWithCitation(
  text: string,
  from: number,
): { close: number; textEnd: number; citationStart: number } | undefined {
  for (let i = from; i < text.length; i++) {
    if (!CLOSING.includes(text[i]!)) continue;
    const textEnd = text[i - 1] === '\\' && text[i] === '"' ? i - 1 : i;
    let j = i + 1;
    if (text[j] === '.' || text[j] === ',' || text[j] === ';') j++;
    j = skipSpace(text, j);
    if (citationKind(text, j) !== undefined) return { close: i, textEnd, citationStart: j };
  }
  return undefined;
}

type Kind = NoteCitation['kind'];

/** Where a citation's `[` is: at `at`, or after a backslash (a writer without citations, as pandoc's gfm, escapes it). */
function bracketAt(text: string, at: number): number {
  return text[at] === '\\' && text[at + 1] === '[' ? at + 1 : at;
}

function citationKind(text: string, at: number): Kind | undefined {
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

/** Whether what follows an opening mark that has no cited close still looks like a citation. */
function looksCited(text: string, from: number): boolean {
  const rest = text.slice(from);
  return /\[\^|\[-?@/.test(rest) || /["”»][.,;]?\s*(?:—|–|―|--|\(|\[)/.test(rest);
}

function readCitation(text: string, start: number, stream: Stream): { citation: NoteCitation; end: number } {
  const kind = citationKind(text, start)!;
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
    while (end < inner.length && !/[\s;,\]]/.test(inner[end]!)) end++;
    key = inner.slice(at + 1, end).replace(/\\(.)/g, '$1');
    // A key ends before trailing punctuation (pandoc's rule).
    while (/[.:]$/.test(key)) key = key.slice(0, -1);
    after = end;
  }
  const rest = inner
    .slice(after)
    .replace(/^\s*,\s*/, '')
    .split(';')[0]!
    .trim();
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
