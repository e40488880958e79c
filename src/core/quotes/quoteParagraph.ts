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

import {
  citationKind,
  isSpace,
  type Kind,
  type NoteCitation,
  openingMark,
  readCitation,
  skipSpace,
} from './quoteCitation';

import { type NoteAnchor, readAnchor } from './quoteAnchor';

export type { NoteCitation } from './quoteCitation';

export interface NoteQuote {
  /** Offset of the opening quote mark (its backslash, if escaped), and one past the closing one. */
  readonly start: number;
  readonly end: number;
  /** Where the quoted text starts and ends, inside the marks. */
  readonly textStart: number;
  readonly textEnd: number;
  readonly citation: NoteCitation;
  /** The anchor comment after the citation (`quoteAnchor.ts`), for quotes inserted with one. */
  readonly anchor?: NoteAnchor;
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
      if ((this.joinedStarts[mid] ?? Infinity) <= at) low = mid;
      else high = mid - 1;
    }
    return (this.noteStarts[low] ?? 0) + (at - (this.joinedStarts[low] ?? 0));
  }
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
    const citation = readCitation(text, found.citationStart, found.kind, stream);
    const after = skipSpace(text, citation.end);
    const anchor = readAnchor(text, after);
    quotes.push({
      start: stream.noteOffset(at),
      end: stream.noteOffset(found.close + 1),
      textStart: stream.noteOffset(open.textStart),
      textEnd: stream.noteOffset(found.textEnd),
      citation: citation.citation,
      ...(anchor
        ? { anchor: { ...anchor.anchor, start: stream.noteOffset(after), end: stream.noteOffset(anchor.end) } }
        : {}),
    });
    at = anchor ? skipSpace(text, anchor.end) : after;
    first = false;
  }
}

function nextOpening(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isSpace(text[i - 1]) && openingMark(text, i)) return i;
  return text.length;
}

/** The first closing mark after `from` that a citation follows. */
function closingWithCitation(
  text: string,
  from: number,
): { close: number; textEnd: number; citationStart: number; kind: Kind } | undefined {
  for (let i = from; i < text.length; i++) {
    if (!CLOSING.includes(text.charAt(i))) continue;
    const textEnd = text[i - 1] === '\\' && text[i] === '"' ? i - 1 : i;
    let j = i + 1;
    if (text[j] === '.' || text[j] === ',' || text[j] === ';') j++;
    j = skipSpace(text, j);
    const kind = citationKind(text, j);
    if (kind !== undefined) return { close: i, textEnd, citationStart: j, kind };
  }
  return undefined;
}

/** Whether what follows an opening mark that has no cited close still looks like a citation. */
function looksCited(text: string, from: number): boolean {
  const rest = text.slice(from);
  return /\[\^|\[-?@/.test(rest) || /["”»][.,;]?\s*(?:—|–|―|--|\(|\[)/.test(rest);
}
