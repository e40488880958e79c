/**
 * Reads a note the way the cited-quote format (`citedQuote.ts`) writes it,
 * and the way pandoc and prettier rewrite it: blockquote paragraphs joined
 * across lines wherever the citation sits, whole multi-line footnote
 * definitions, the reference list at the end, and the front matter.
 *
 * A line scanner rather than a Markdown parser: cited quotes are small,
 * line-shaped constructs, and a note with thousands of them is checked as the
 * user types. Every pass is linear in the note's length (no pattern is
 * applied where it could backtrack over a long line), so a 20 MB note or a
 * 100 KB line costs time in proportion to its size.
 */

import { type NoteLine, noteLines } from '../text/noteLines';
import { REFERENCE_HEADING } from './citedQuote';
import { type NoteQuote, type UnreadQuote, quotesOfParagraph } from './quoteParagraph';

export type { NoteCitation, NoteQuote, UnreadQuote } from './quoteParagraph';

/** A footnote definition: `[^label]: text`, with its continuation lines. */
export interface FootnoteDefinition {
  readonly label: string;
  /** Offset where the definition line starts, and where its last line ends (before the line break). */
  readonly start: number;
  readonly end: number;
  /** Where the text after `[^label]: ` starts and ends on the first line. */
  readonly textStart: number;
  readonly textEnd: number;
  /** The whole text, its lines joined by single spaces. */
  readonly text: string;
  readonly multiline: boolean;
}

/** A paragraph of the reference list. */
export interface ReferenceEntry {
  readonly start: number;
  readonly end: number;
  /** Its lines joined by single spaces. */
  readonly text: string;
}

/** The References / Works Cited section of a note: its heading and the paragraphs under it. */
export interface ReferenceList {
  readonly heading: string;
  readonly headingStart: number;
  readonly headingEnd: number;
  /** Where the section ends: the next heading, the note's trailing footnote definitions, or the end. */
  readonly end: number;
  readonly entries: readonly ReferenceEntry[];
}

/** The leading YAML front matter: its lines between the `---` fences. */
export interface FrontMatterBlock {
  readonly start: number;
  /** Where the closing fence line starts. */
  readonly closeStart: number;
  readonly end: number;
  /** The YAML between the fences, and where it starts. */
  readonly text: string;
  readonly textStart: number;
}

export interface NoteScan {
  readonly quotes: readonly NoteQuote[];
  /** Blockquotes that look cited (a quote mark and a citation-like tail) but could not be read. */
  readonly unread: readonly UnreadQuote[];
  readonly definitions: readonly FootnoteDefinition[];
  /** Footnote definitions' text by label. */
  readonly footnotes: ReadonlyMap<string, string>;
  /** Where the block of definitions that ends the note starts, if it ends with some. */
  readonly trailingFootnotesStart?: number;
  readonly references?: ReferenceList;
  readonly frontMatter?: FrontMatterBlock;
}

const QUOTE_MARKERS = /^(?: {0,3}>[ \t]?)+/;
const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Lines that start a new block and so end a paragraph instead of continuing it. */
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:\s|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|(?:[-*_][ \t]*){3,}$|<|\[\^[^\]\s]+\]:|>)/;

interface Segment {
  readonly start: number;
  readonly content: number;
  readonly end: number;
}

/** Scans a note (see the module comment). Pure, linear, never throws. */
export function scanNote(note: string): NoteScan {
  const lines = noteLines(note);
  const quotes: NoteQuote[] = [];
  const unread: UnreadQuote[] = [];
  const definitions: FootnoteDefinition[] = [];
  const headings: { text: string; level: number; start: number; end: number }[] = [];
  const paragraphs: Segment[][] = [];
  let block: Segment[] = [];
  let paragraph: Segment[] = [];
  const flushBlock = () => {
    if (block.length > 0) readBlockquote(note, block, quotes, unread);
    block = [];
  };
  const flushParagraph = () => {
    if (paragraph.length > 0) paragraphs.push(paragraph);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    const text = note.slice(line.start, line.end);
    if (line.frontMatter || line.fenced) {
      flushBlock();
      flushParagraph();
      continue;
    }
    const markers = QUOTE_MARKERS.exec(text);
    if (markers) {
      flushParagraph();
      block.push({ start: line.start, content: line.start + markers[0].length, end: line.end });
      continue;
    }
    const blank = text.trim() === '';
    const last = block[block.length - 1];
    if (last && !blank && note.slice(last.content, last.end).trim() !== '' && !BLOCK_START.test(text)) {
      block.push({ start: line.start, content: line.start, end: line.end });
      continue;
    }
    flushBlock();
    if (blank) {
      flushParagraph();
      continue;
    }
    const definition = DEFINITION.exec(text);
    if (definition) {
      flushParagraph();
      const last = definitionEnd(note, lines, i);
      definitions.push(footnoteDefinition(note, lines, i, last, definition));
      i = last;
      continue;
    }
    const atx = ATX_HEADING.exec(text);
    if (atx) {
      flushParagraph();
      headings.push({ text: headingText(text.slice(atx[0].length)), level: (atx[1] ?? '').length, ...line });
      continue;
    }
    if (paragraph.length > 0 && SETEXT_UNDERLINE.test(text)) {
      const title = paragraph.map((s) => note.slice(s.content, s.end).trim()).join(' ');
      headings.push({
        text: title,
        level: text.trim()[0] === '=' ? 1 : 2,
        start: paragraph[0]?.start ?? line.start,
        end: line.end,
      });
      paragraph = [];
      continue;
    }
    paragraph.push({ start: line.start, content: line.start, end: line.end });
  }
  flushBlock();
  flushParagraph();
  const trailingFootnotesStart = trailing(note, definitions);
  const references = referenceList(note, headings, paragraphs, trailingFootnotesStart);
  const frontMatter = frontMatterBlock(note, lines);
  const footnotes = new Map<string, string>();
  for (const d of definitions) if (!footnotes.has(d.label)) footnotes.set(d.label, d.text);
  return {
    quotes,
    unread,
    definitions,
    footnotes,
    ...(trailingFootnotesStart === undefined ? {} : { trailingFootnotesStart }),
    ...(references === undefined ? {} : { references }),
    ...(frontMatter === undefined ? {} : { frontMatter }),
  };
}

/** Splits a blockquote at its blank lines into paragraphs and reads the cited quotes of each. */
function readBlockquote(note: string, block: Segment[], quotes: NoteQuote[], unread: UnreadQuote[]): void {
  let paragraph: Segment[] = [];
  const flush = () => {
    if (paragraph.length > 0) quotesOfParagraph(note, paragraph, quotes, unread);
    paragraph = [];
  };
  for (const segment of block) {
    if (note.slice(segment.content, segment.end).trim() === '') flush();
    else paragraph.push(segment);
  }
  flush();
}

/** The index of a definition's last line: indented lines (after blank lines too) and lazy continuations. */
function definitionEnd(note: string, lines: readonly NoteLine[], first: number): number {
  let last = first;
  let blankSince = false;
  for (let j = first + 1; j < lines.length; j++) {
    const next = lines[j];
    if (!next || next.fenced) break;
    const text = note.slice(next.start, next.end);
    if (text.trim() === '') {
      blankSince = true;
      continue;
    }
    if (/^(?: {2,}|\t)\S/.test(text)) {
      last = j;
      blankSince = false;
      continue;
    }
    if (!blankSince && !BLOCK_START.test(text)) {
      last = j;
      continue;
    }
    break;
  }
  return last;
}

function footnoteDefinition(
  note: string,
  lines: readonly NoteLine[],
  first: number,
  last: number,
  match: RegExpExecArray,
): FootnoteDefinition {
  const span = lines.slice(first, last + 1);
  const line = span[0];
  const end = span[span.length - 1];
  if (!line || !end) throw new RangeError(`footnote definition at line ${first} is outside the note`);
  const parts = span.map((l, j) => note.slice(j === 0 ? line.start + match[0].length : l.start, l.end).trim());
  return {
    label: match[1] ?? '',
    start: line.start,
    end: end.end,
    textStart: line.start + match[0].length,
    textEnd: line.end,
    text: parts.filter((p) => p !== '').join(' '),
    multiline: last > first,
  };
}

/** ATX heading text without its closing `#`s (trimmed by hand: a pattern could backtrack over a long line). */
function headingText(rest: string): string {
  let end = rest.length;
  while (end > 0 && /[ \t]/.test(rest.charAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === 0 || /[ \t]/.test(rest.charAt(hashes - 1)))) end = hashes;
  return rest.slice(0, end).trim();
}

function trailing(note: string, definitions: readonly FootnoteDefinition[]): number | undefined {
  let from = note.length;
  let start: number | undefined;
  for (const definition of [...definitions].reverse()) {
    if (note.slice(definition.end, from).trim() !== '') break;
    start = definition.start;
    from = definition.start;
  }
  return start;
}

function referenceList(
  note: string,
  headings: readonly { text: string; level: number; start: number; end: number }[],
  paragraphs: readonly Segment[][],
  trailingStart: number | undefined,
): ReferenceList | undefined {
  let at = -1;
  headings.forEach((h, k) => {
    if (REFERENCE_HEADING.test(h.text.replace(/[*_\\]/g, ''))) at = k;
  });
  const heading = headings[at];
  if (!heading) return undefined;
  const next = headings.slice(at + 1).find((h) => h.level <= heading.level);
  const end = Math.min(next?.start ?? note.length, trailingStart ?? note.length);
  const entries = paragraphs.flatMap((p) => {
    const first = p[0];
    const last = p[p.length - 1];
    if (!first || !last || first.start <= heading.end || last.end > end) return [];
    return [{ start: first.start, end: last.end, text: p.map((s) => note.slice(s.content, s.end).trim()).join(' ') }];
  });
  return { heading: heading.text, headingStart: heading.start, headingEnd: heading.end, end, entries };
}

function frontMatterBlock(note: string, lines: readonly NoteLine[]): FrontMatterBlock | undefined {
  if (!lines[0]?.frontMatter) return undefined;
  let close = 0;
  while (lines[close + 1]?.frontMatter) close++;
  const closing = lines[close];
  if (close === 0 || !closing || !/^(---|\.\.\.)\s*$/.test(note.slice(closing.start, closing.end))) return undefined;
  return {
    start: 0,
    closeStart: closing.start,
    end: closing.end,
    text: note.slice(lines[0].next, closing.start),
    textStart: lines[0].next,
  };
}
