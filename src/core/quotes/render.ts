import type { CitationStyle } from '../citations';
import { placeOfPassage } from '../citations/locator';
import type { Article, Passage } from '../model';
import { eolOf } from '../text/noteLines';
import { type CitedQuoteParts, citedQuoteParts, quoteText } from './citedQuote';
import { bibliographyEdit, definitionEdit, referenceEdit, type TextEdit } from './noteEdits';
import { blockBoundary, leadingBreak, trailingBreak } from './placement';
import { type NoteScan, scanNote } from './noteScan';
import { anchorOfPassage } from '../integrity/anchor';
import { formatAnchor } from './quoteAnchor';

export type { TextEdit } from './noteEdits';

export interface RenderQuoteOptions {
  /** End of a selection the quote replaces; by default nothing is replaced. */
  readonly replaceEnd?: number;
  /** Line break to write; by default the note's own. */
  readonly eol?: '\n' | '\r\n';
  /**
   * Pandoc style: the bibliography as the note's front matter should name it
   * (relative to the note); `references.json` by default.
   */
  readonly bibliography?: string;
  /** Whether to write the quote's anchor comment (`quoteAnchor.ts`) after its citation; by default it is written. */
  readonly anchor?: boolean;
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
 * (replacing `[insertAt, options.replaceEnd)` when given), in the cited-quote
 * format of `style` (`citedQuote.ts`). The quote is one blockquote line set
 * off by blank lines; a cursor inside a paragraph moves to its end, and one
 * inside or after what ends the note (its reference list, its footnote
 * definitions) moves to just before it.
 *
 * Then, by style:
 * - `footnote`: the definition of the article's section label, after the
 *   note's other definitions (at the end when there are none), unless the
 *   note already defines that label or has a definition with the same text
 *   under another label (a formatter renumbered it), which is reused;
 * - APA, Chicago, MLA: the entry in the References / Works Cited list at the
 *   end (created when missing), in sorted place, unless it is there;
 * - `pandoc`: the bibliography named in the front matter (added once).
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
  const { section, page } = placeOfPassage(article, passage);
  const scan = scanNote(noteText);
  const cited = reuseFootnote(citedQuoteParts(passage.text, article, section, style, page), scan);
  const parts =
    options.anchor === false
      ? cited
      : {
          ...cited,
          quote: `${cited.quote} ${formatAnchor(anchorOfPassage(quoteText(passage.text), article, passage.range.start.offset, passage.range.end.offset))}`,
        };
  const tailStart = Math.min(
    scan.trailingFootnotesStart ?? noteText.length,
    scan.references?.headingStart ?? noteText.length,
  );
  let start = clamp(insertAt, noteText.length);
  let end = clamp(Math.max(options.replaceEnd ?? start, start), noteText.length);
  if (end > tailStart && tailStart < noteText.length) {
    start = Math.min(start, tailStart);
    end = start;
  }
  if (start === end) start = end = blockBoundary(noteText, start);
  const before = noteText.slice(0, start);
  const leading = leadingBreak(before, eol);
  const quoteEdit: TextEdit = {
    start,
    end,
    text: leading + parts.quote + trailingBreak(noteText.slice(end), eol),
  };
  const ending = { noteText, quoteEdit, eol };
  const edits: TextEdit[] = [];
  if (parts.needsBibliography) {
    const edit = bibliographyEdit(noteText, scan, options.bibliography ?? 'references.json', eol);
    if (edit) edits.push(edit);
  }
  edits.push(quoteEdit);
  if (parts.footnote) {
    const edit = definitionEdit(scan, parts.footnote, ending);
    if (edit) edits.push(edit);
  }
  if (parts.reference) {
    const edit = referenceEdit(scan, parts.reference, article, ending);
    if (edit) edits.push(edit);
  }
  const merged = merge(edits);
  // Edits placed before the quote (front matter, a definition above it) move it.
  let shift = 0;
  for (const edit of edits) {
    if (edit === quoteEdit) break;
    shift += edit.text.length - (edit.end - edit.start);
  }
  for (const edit of edits.slice(edits.indexOf(quoteEdit) + 1))
    if (edit.end <= quoteEdit.start && edit.start < quoteEdit.start)
      shift += edit.text.length - (edit.end - edit.start);
  return { edits: merged, quote: parts.quote, quoteOffset: start + shift + leading.length };
}

/** A definition with the same text under another label (pandoc renumbers labels to `[^1]`) is reused. */
function reuseFootnote(parts: CitedQuoteParts, scan: NoteScan): CitedQuoteParts {
  const footnote = parts.footnote;
  if (!footnote || scan.definitions.some((d) => d.label.toLowerCase() === footnote.label.toLowerCase())) return parts;
  const same = scan.definitions.find((d) => d.text === footnote.text);
  if (!same) return parts;
  return {
    ...parts,
    quote: parts.quote.slice(0, parts.quote.length - footnote.label.length - 3) + `[^${same.label}]`,
    footnote: { label: same.label, text: same.text },
  };
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
