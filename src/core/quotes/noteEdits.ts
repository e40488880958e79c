/**
 * The edits a cited quote makes beside the quote itself: its footnote
 * definition, its reference-list entry, and the bibliography line of the
 * front matter. Each reads the note as `noteScan.ts` found it, and adds only
 * what is missing, so inserting the same citation twice changes nothing more.
 */

import type { Article } from '../model';
import { referenceTitle } from './citedQuote';
import type { NoteScan } from './noteScan';

/** A replacement of `[start, end)` of the note text (offsets into the text before any edit). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What the quote itself inserts, for edits that also go at the end of the note. */
export interface NoteEnding {
  readonly noteText: string;
  readonly quoteEdit: TextEdit;
  readonly eol: string;
}

/** A footnote definition added after the note's other definitions (at the end when it has none). */
export function definitionEdit(
  scan: NoteScan,
  footnote: { readonly label: string; readonly text: string },
  ending: NoteEnding,
): TextEdit | undefined {
  const { eol } = ending;
  if (scan.definitions.some((d) => d.label.toLowerCase() === footnote.label.toLowerCase())) return undefined;
  const line = `[^${footnote.label}]: ${footnote.text}`;
  const last = scan.definitions[scan.definitions.length - 1];
  if (last) return { start: last.end, end: last.end, text: eol + line };
  return appendAtEnd(ending, line + eol);
}

/**
 * A reference-list entry, in sorted place among the entries (by their text,
 * case and markup aside), unless an entry already has this text or names the
 * article's title. A note without a list gets one at its end (before its
 * footnote definitions), under `## <heading>`.
 */
export function referenceEdit(
  scan: NoteScan,
  reference: { readonly heading: string; readonly entry: string },
  article: Article,
  ending: NoteEnding,
): TextEdit | undefined {
  const { eol } = ending;
  const list = scan.references;
  if (list) {
    const title = referenceTitle(article).toLowerCase();
    if (list.entries.some((e) => e.text === reference.entry || e.text.toLowerCase().includes(title))) return undefined;
    const key = sortKey(reference.entry);
    const after = list.entries.find((e) => sortKey(e.text) > key);
    if (after) return { start: after.start, end: after.start, text: reference.entry + eol + eol };
    const last = list.entries[list.entries.length - 1];
    const at = last ? last.end : list.headingEnd;
    return { start: at, end: at, text: eol + eol + reference.entry };
  }
  const block = `## ${reference.heading}${eol}${eol}${reference.entry}${eol}`;
  const footnotesAt = scan.trailingFootnotesStart;
  if (footnotesAt !== undefined) return { start: footnotesAt, end: footnotesAt, text: block + eol };
  return appendAtEnd(ending, block);
}

/** Entries sort by their words: leading quote marks, emphasis and case aside. */
function sortKey(entry: string): string {
  return entry
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The pandoc style's bibliography in the note's front matter: a
 * `bibliography:` line added to it (or a front matter created with one),
 * once. A front matter naming another bibliography gets this one too, as a
 * list; one already naming it is left alone.
 */
export function bibliographyEdit(noteText: string, scan: NoteScan, path: string, eol: string): TextEdit | undefined {
  const value = /^[\w./-]+$/.test(path) ? path : JSON.stringify(path);
  const front = scan.frontMatter;
  if (!front) {
    const gap = /^[ \t]*\r?\n/.test(noteText) ? '' : eol;
    return { start: 0, end: 0, text: `---${eol}bibliography: ${value}${eol}---${eol}${gap}` };
  }
  const body = noteText.slice(0, front.closeStart);
  const line = /^bibliography:[ \t]*(.*?)[ \t]*$/m.exec(front.text);
  if (!line) return { start: front.closeStart, end: front.closeStart, text: `bibliography: ${value}${eol}` };
  const lineStart = front.textStart + line.index;
  const named = line[1] ?? '';
  if (named.includes(path)) return undefined;
  if (named === '') {
    // A block list follows: add an item after its last one.
    const items = /^bibliography:[ \t]*\r?\n((?:[ \t]+-.*\r?\n?)*)/m.exec(body.slice(lineStart));
    if (items?.[1]?.includes(path)) return undefined;
    const at = lineStart + (items ? items[0].length : line[0].length);
    const sep = noteText[at - 1] === '\n' ? '' : eol;
    return { start: at, end: at, text: `${sep}  - ${value}${sep === '' ? eol : ''}` };
  }
  const list = /^\[(.*)\]$/.exec(named);
  const entries = list ? `${(list[1] ?? '').trim()}, ${value}` : `${named}, ${value}`;
  return {
    start: lineStart,
    end: lineStart + line[0].length,
    text: `bibliography: [${entries}]`,
  };
}

/** An edit at the very end of the note, after a blank line, taking into account a quote inserted there. */
function appendAtEnd(ending: NoteEnding, block: string): TextEdit {
  const { noteText, quoteEdit, eol } = ending;
  const tail = quoteEdit.end === noteText.length ? noteText.slice(0, quoteEdit.start) + quoteEdit.text : noteText;
  const gap =
    tail === '' ? '' : tail.endsWith(eol + eol) || tail.endsWith('\n\n') ? '' : tail.endsWith('\n') ? eol : eol + eol;
  return { start: noteText.length, end: noteText.length, text: gap + block };
}
