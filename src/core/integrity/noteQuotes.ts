/**
 * Finds the cited quotes of a note: blockquotes whose text is a quotation in
 * quote marks followed, on the last line, by a citation (see the cited-quote
 * format: `"…"[^label]`, `"…" [@key]`, or `"…" — citation text`).
 *
 * A line scanner rather than a Markdown parser: a cited quote is a small,
 * line-shaped construct, and a note with a thousand of them must be checked
 * as the user types (remark takes ~0.4 s on such a note). It honours what
 * changes the meaning of a `>` line: fenced code, front matter, and lazy
 * continuation lines of a blockquote paragraph.
 */

import { noteLines } from '../text/noteLines';

export type NoteCitation =
  | { readonly kind: 'footnote'; readonly label: string; readonly start: number; readonly end: number }
  | { readonly kind: 'pandoc'; readonly key: string; readonly start: number; readonly end: number }
  /** Text after a dash: inline, APA, Chicago, MLA. */
  | { readonly kind: 'text'; readonly text: string; readonly start: number; readonly end: number };

export interface NoteQuote {
  /** Offset of the opening quote mark, and one past the closing one. */
  readonly start: number;
  readonly end: number;
  readonly citation: NoteCitation;
}

export interface NoteQuotes {
  readonly quotes: NoteQuote[];
  /** Footnote definitions by label: the first line of their text. */
  readonly footnotes: ReadonlyMap<string, string>;
}

interface Line {
  readonly start: number;
  /** Where the text after the blockquote markers starts. */
  readonly content: number;
  readonly end: number;
}

const QUOTE_MARKERS = /^(?: {0,3}>[ \t]?)+/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/;
/** Lines that start a new block and so end a blockquote paragraph instead of continuing it. */
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:\s|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|(?:[-*_][ \t]*){3,}$|<|\[\^[^\]\s]+\]:)/;
const OPENING_MARKS = '"“„«';
const CLOSING_MARKS = '"”»';

const FOOTNOTE_TAIL = /\[\^([^\]\s]+)\][.,;]?$/;
const PANDOC_TAIL = /\[[^[\]]*?@([^\s;,\]]+)[^[\]]*\][.,;]?$/;
const DASH_AFTER_QUOTE = /["”»][ \t]*(?:—|–|―|--?)[ \t]*(?=\S)/g;
const DASH_AT_START = /^(?:—|–|―|--?)[ \t]*(?=\S)/;

/** Parses the cited quotes and footnote definitions out of a note's text. Never throws. */
export function findNoteQuotes(note: string): NoteQuotes {
  const quotes: NoteQuote[] = [];
  const footnotes = new Map<string, string>();
  let block: Line[] = [];
  const flush = () => {
    if (block.length > 0) for (const group of quoteGroups(note, block)) pushQuote(note, group, quotes);
    block = [];
  };
  let wasFenced = false;
  for (const line of noteLines(note)) {
    const { start, end } = line;
    const text = note.slice(start, end);
    const opensFence = line.fenced && !wasFenced;
    wasFenced = line.fenced;
    if (line.frontMatter) continue;
    if (line.fenced) {
      if (opensFence) flush();
      continue;
    }
    const markers = QUOTE_MARKERS.exec(text);
    if (markers) {
      block.push({ start, content: start + markers[0].length, end });
      continue;
    }
    const last = block[block.length - 1];
    if (last && text.trim() !== '' && note.slice(last.content, last.end).trim() !== '' && !BLOCK_START.test(text)) {
      block.push({ start, content: start, end });
      continue;
    }
    flush();
    const definition = FOOTNOTE_DEFINITION.exec(text);
    if (definition) footnotes.set(definition[1]!, definition[2]!.trim());
  }
  flush();
  return { quotes, footnotes };
}

/**
 * Splits a blockquote into quotes: several cited quotes may share one
 * blockquote, each ending with its citation on a line of its own and the
 * next starting with a quote mark.
 */
function quoteGroups(note: string, block: Line[]): Line[][] {
  const groups: Line[][] = [];
  let group: Line[] = [];
  block.forEach((line, i) => {
    group.push(line);
    const following = block[i + 1];
    if (following && startsWithMark(note, following) && citationTail(note, line, group.length > 1)) {
      groups.push(group);
      group = [];
    }
  });
  groups.push(group);
  return groups;
}

function startsWithMark(note: string, line: Line): boolean {
  const first = note.slice(line.content, line.end).trimStart()[0];
  return first !== undefined && OPENING_MARKS.includes(first);
}

interface Tail {
  readonly citation: NoteCitation;
  /** Where to look back from for the closing quote mark. */
  readonly before: number;
}

function citationTail(note: string, line: Line, multiline: boolean): Tail | undefined {
  const content = note.slice(line.content, line.end).trimEnd();
  const base = line.content;
  const end = base + content.length;
  const footnote = FOOTNOTE_TAIL.exec(content);
  if (footnote)
    return {
      citation: { kind: 'footnote', label: footnote[1]!, start: base + footnote.index, end },
      before: base + footnote.index,
    };
  const pandoc = PANDOC_TAIL.exec(content);
  if (pandoc) {
    const key = pandoc[1]!.replace(/[.:]+$/, '');
    return { citation: { kind: 'pandoc', key, start: base + pandoc.index, end }, before: base + pandoc.index };
  }
  // The first closing mark and dash: a quote Sourcebook writes has no double quote marks inside it, while
  // the title that follows may (`— *Says "no" — then yes*`).
  DASH_AFTER_QUOTE.lastIndex = 0;
  const dash = DASH_AFTER_QUOTE.exec(content);
  if (dash) {
    const start = base + dash.index + dash[0].length;
    return { citation: { kind: 'text', text: note.slice(start, end), start, end }, before: base + dash.index + 1 };
  }
  const leading = multiline ? DASH_AT_START.exec(content.trimStart()) : null;
  if (leading) {
    const start = end - content.trimStart().length + leading[0].length;
    return {
      citation: { kind: 'text', text: note.slice(start, end), start, end },
      before: end - content.trimStart().length,
    };
  }
  return undefined;
}

function pushQuote(note: string, group: Line[], out: NoteQuote[]): void {
  const first = group[0]!;
  const tail = citationTail(note, group[group.length - 1]!, group.length > 1);
  if (!tail) return;
  const open =
    first.content +
    (note.slice(first.content, first.end).length - note.slice(first.content, first.end).trimStart().length);
  if (!OPENING_MARKS.includes(note[open] ?? '')) return;
  // Back from the citation over spaces, line breaks, blockquote markers and a trailing period to the closing mark.
  let close = tail.before - 1;
  while (close > open && /[\s>]/.test(note[close]!)) close--;
  if (close > open && /[.,;]/.test(note[close]!) && CLOSING_MARKS.includes(note[close - 1]!)) close--;
  if (close <= open || !CLOSING_MARKS.includes(note[close]!)) return;
  out.push({ start: open, end: close + 1, citation: tail.citation });
}
