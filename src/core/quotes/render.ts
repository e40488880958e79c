import { citedSection, formatReference, footnoteDefinitionText, type CitationStyle } from '../citations';
import { citationKeyOf } from '../library/match';
import type { Article, Passage, Section } from '../model';
import { type FootnoteDefinition, noteFootnotes } from './footnotes';
import { eolOf } from '../text/noteLines';

/** A replacement of `[start, end)` of the note text (offsets into the text before any edit). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface RenderQuoteOptions {
  /** End of a selection the quote replaces; by default nothing is replaced. */
  readonly replaceEnd?: number;
  /** Line break to write; by default the note's own. */
  readonly eol?: '\n' | '\r\n';
}

export interface RenderedQuote {
  /** Sorted, non-overlapping edits; apply them together as one undoable step. */
  readonly edits: readonly TextEdit[];
  /** The blockquote line as inserted (quote and citation). */
  readonly quote: string;
  /** Where the quote line starts in the note once the edits are applied. */
  readonly quoteOffset: number;
}

/**
 * The edits that insert a cited quote of `passage` into a note at `insertAt`
 * (replacing `[insertAt, options.replaceEnd)` when given). The quote is one
 * blockquote line, `> "passage text"` plus the citation of `style`, set off by
 * blank lines. Cursor positions inside or after the footnote definitions that
 * end a note are moved to just before them.
 *
 * `footnote` style also adds the definition `[^<articleId>]: …` after the
 * note's other definitions (at the end of the note when it has none). When the
 * note already defines that label, no definition is added: a definition
 * Sourcebook wrote is extended with the newly quoted section, and one the user
 * wrote is kept as it is.
 */
export function renderQuote(
  noteText: string,
  passage: Passage,
  article: Article,
  style: CitationStyle,
  insertAt: number,
  options: RenderQuoteOptions = {},
): RenderedQuote {
  const eol = options.eol ?? eolOf(noteText);
  const section = article.sections[passage.sectionIndex];
  const quote = `> "${quoteText(passage.text)}"${citationSuffix(article, style, section)}`;
  const footnotes = noteFootnotes(noteText);
  let start = clamp(insertAt, noteText.length);
  let end = clamp(Math.max(options.replaceEnd ?? start, start), noteText.length);
  if (footnotes.trailingStart !== undefined && end > footnotes.trailingStart) {
    start = Math.min(start, footnotes.trailingStart);
    end = start;
  }
  if (start === end) start = end = blockBoundary(noteText, start);
  const before = noteText.slice(0, start);
  const after = noteText.slice(end);
  const leading = leadingBreak(before, eol);
  const quoteEdit: TextEdit = { start, end, text: leading + quote + trailingBreak(after, eol) };
  const edits: TextEdit[] = [quoteEdit];
  if (style === 'footnote') {
    const definition = definitionEdit(noteText, footnotes.definitions, article, section, quoteEdit, eol);
    if (definition) edits.push(definition);
  }
  // Edits earlier in the note (a definition placed above the quote) move it.
  const shift = edits
    .filter((edit) => edit !== quoteEdit && edit.end <= quoteEdit.start)
    .reduce((sum, edit) => sum + edit.text.length - (edit.end - edit.start), 0);
  return { edits: merge(edits), quote, quoteOffset: start + shift + leading.length };
}

/**
 * The passage as quoted: its words on one line (line breaks and runs of
 * spaces become one space), and double quotation marks inside it made single,
 * as a quotation within a quotation is written. Nothing else changes.
 */
export function quoteText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/“/g, '‘').replace(/”/g, '’').replace(/"/g, "'");
}

/** What follows the closing quotation mark, by style (see the cited-quote format). */
function citationSuffix(article: Article, style: CitationStyle, section: Section | undefined): string {
  if (style === 'footnote') return `[^${article.id}]`;
  if (style === 'pandoc') return ` [@${citationKeyOf(article)}]`;
  return ` — ${formatReference(article, style, section)}`;
}

function definitionEdit(
  noteText: string,
  definitions: readonly FootnoteDefinition[],
  article: Article,
  section: Section | undefined,
  quoteEdit: TextEdit,
  eol: string,
): TextEdit | undefined {
  const existing = definitions.find((d) => d.label.toLowerCase() === article.id.toLowerCase());
  if (existing) return extendDefinition(noteText, existing, article, section);
  const line = `[^${article.id}]: ${footnoteDefinitionText(article, section ? [section] : [])}`;
  const last = definitions[definitions.length - 1];
  if (last) return { start: last.end, end: last.end, text: eol + line };
  // No definitions yet: start them at the end of the note, after a blank line.
  const tail = quoteEdit.end === noteText.length ? noteText.slice(0, quoteEdit.start) + quoteEdit.text : noteText;
  const gap =
    tail === '' ? '' : tail.endsWith(eol + eol) || tail.endsWith('\n\n') ? '' : tail.endsWith('\n') ? eol : eol + eol;
  return { start: noteText.length, end: noteText.length, text: gap + line + eol };
}

/** Adds a newly quoted section to a definition Sourcebook wrote; leaves any other definition alone. */
function extendDefinition(
  noteText: string,
  existing: FootnoteDefinition,
  article: Article,
  section: Section | undefined,
): TextEdit | undefined {
  if (existing.multiline || !citedSection(article, section)) return undefined;
  const text = noteText.slice(existing.textStart, existing.textEnd).trim();
  const quoted = article.sections.filter((s) => {
    const name = citedSection(article, s);
    return name !== undefined && text.includes(`§ ${name}`);
  });
  if (quoted.includes(section!) || text !== footnoteDefinitionText(article, quoted)) return undefined;
  return {
    start: existing.textStart,
    end: existing.textEnd,
    text: footnoteDefinitionText(article, [...quoted, section!]),
  };
}

/**
 * Where a quote goes for a cursor (no selection): a quote is a block of its
 * own, so a cursor inside a paragraph, list or blockquote (a run of non-blank
 * lines) moves to the end of that block, or stays at its start when it is
 * there. A quote never splits a sentence, a list or another quote.
 */
function blockBoundary(text: string, at: number): number {
  const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = endOfLine(text, at);
  if (text.slice(lineStart, lineEnd).trim() === '') return at;
  const blockStart = startOfBlock(text, lineStart);
  if (text.slice(blockStart, at).trim() === '') return blockStart;
  let end = lineEnd;
  for (;;) {
    const next = text.indexOf('\n', end);
    if (next === -1) return end;
    const following = endOfLine(text, next + 1);
    if (text.slice(next + 1, following).trim() === '') return end;
    end = following;
  }
}

function endOfLine(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  if (newline === -1) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

function startOfBlock(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    if (text.slice(previousStart, start - 1).trim() === '') return start;
    start = previousStart;
  }
  return start;
}

/** Line breaks before a block inserted after `before`, so it starts on a line of its own after a blank line. */
function leadingBreak(before: string, eol: string): string {
  if (before.trim() === '') return '';
  if (!before.endsWith('\n')) return eol + eol;
  return /\n[ \t]*\r?\n$/.test(before) ? '' : eol;
}

/** Line breaks after the block, so what follows is separated by a blank line and the note keeps its end. */
function trailingBreak(after: string, eol: string): string {
  if (after === '') return eol;
  const first = /^\r?\n/.exec(after);
  if (!first) return eol + eol;
  const rest = after.slice(first[0].length);
  return rest === '' || /^[ \t]*\r?\n/.test(rest) ? '' : eol;
}

/** Joins edits at the same position (in order) and sorts them, as editors require. */
function merge(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.end === edit.start && edit.start === edit.end)
      merged[merged.length - 1] = { ...previous, text: previous.text + edit.text };
    else merged.push(edit);
  }
  return merged;
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(Math.trunc(offset), length));
}

/** Applies edits made against `text` (sorted, non-overlapping) and returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}
