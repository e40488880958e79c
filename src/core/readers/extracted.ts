import type { Block } from '../parse/blocks';

/** The file formats an article can come from. */
export type ArticleFormat = 'markdown' | 'text' | 'html' | 'pdf';

/** The format of an article file, by its extension. */
export function articleFormat(path: string): ArticleFormat {
  if (/\.html?$/i.test(path)) return 'html';
  if (/\.pdf$/i.test(path)) return 'pdf';
  if (/\.txt$/i.test(path)) return 'text';
  return 'markdown';
}

/** Whether a file needs a reader (HTML or PDF) rather than being read as text. */
export function isExtractedFormat(path: string): boolean {
  const format = articleFormat(path);
  return format === 'html' || format === 'pdf';
}

/** Metadata a reader found in the page or PDF itself, in front-matter terms. */
export interface ExtractedMeta {
  readonly title?: string;
  readonly authors?: readonly string[];
  readonly publisher?: string;
  readonly date?: string;
  readonly url?: string;
  readonly language?: string;
  readonly doi?: string;
}

/**
 * What a reader made of a web page or PDF: the text an analyst reads (the
 * read-only article view shows exactly it, so every quote traces to a place
 * in it), its headings and prose blocks as offsets into that text, and the
 * metadata of the file. Plain data: it crosses a worker thread unchanged.
 */
export interface ExtractedDocument {
  readonly format: 'html' | 'pdf';
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly meta: ExtractedMeta;
  /** For a PDF: the offset in `text` where each page starts. */
  readonly pages?: readonly number[];
  /** What was read best-effort (e.g. pages without text). */
  readonly warning?: string;
}

/** A reader's outcome: the document, or why the file is skipped. */
export type Extraction =
  { readonly ok: true; readonly document: ExtractedDocument } | { readonly ok: false; readonly reason: string };

/** The 1-based page of an offset in an article with pages; undefined for an article without. */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | undefined {
  if (!pages || pages.length === 0) return undefined;
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((pages[mid] ?? Infinity) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * Builds an extracted text block by block: each heading or paragraph is
 * appended with a blank line between, and its offsets recorded, so the text
 * and its blocks always agree.
 */
export class ExtractedTextBuilder {
  private text = '';
  private readonly blocks: Block[] = [];

  /** Appends a line that is shown but is not prose (a title line, a page marker); returns its offset. */
  marker(line: string): number {
    return this.append(line);
  }

  heading(title: string, depth: number): void {
    const clean = oneLine(title);
    if (clean === '') return;
    const start = this.append(`${'#'.repeat(Math.min(Math.max(depth, 1), 6))} ${clean}`);
    this.blocks.push({ type: 'heading', depth, title: clean, start, end: this.text.length });
  }

  /** Appends a prose block on one line (whitespace in a page's markup carries no meaning). */
  paragraph(text: string, kind: 'paragraph' | 'listItem' | 'blockquote' = 'paragraph'): void {
    const clean = oneLine(text);
    if (clean === '') return;
    const prefix = kind === 'listItem' ? '- ' : kind === 'blockquote' ? '> ' : '';
    const start = this.append(prefix + clean) + prefix.length;
    this.blocks.push({ type: 'text', kind, start, end: this.text.length });
  }

  /** The offset the next appended block starts at. */
  get length(): number {
    return this.text.length === 0 ? 0 : this.text.length + 2;
  }

  done(): { text: string; blocks: Block[] } {
    return { text: this.text === '' ? this.text : `${this.text}\n`, blocks: this.blocks };
  }

  private append(line: string): number {
    if (this.text !== '') this.text += '\n\n';
    const start = this.text.length;
    this.text += line;
    return start;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
