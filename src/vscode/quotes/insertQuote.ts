import { posix } from 'node:path';
import * as vscode from 'vscode';
import { type CitationStyle, CITATION_STYLES, isCitationStyle } from '../../core/citations';
import { styleInForce } from './citationStyleSetting';
import type { Article, Passage } from '../../core/model';
import { renderQuote } from '../../core/quotes';
import { type PendingBibliography, prepareBibliography, writeBibliography } from './bibliographyFile';
import { setting } from '../settings';

/** What an insert did: the blockquote line written, and where. */
export interface InsertedQuote {
  readonly uri: string;
  readonly passageId: string;
  readonly style: CitationStyle;
  readonly quote: string;
  /** The bibliography file the pandoc style wrote to, if it added an entry. */
  readonly bibliography?: string;
}

/** The style to cite with: the command's argument, else the setting for that note. */
export function citationStyle(requested: unknown, note: vscode.Uri, log: vscode.LogOutputChannel): CitationStyle {
  if (isCitationStyle(requested)) return requested;
  if (requested !== undefined)
    log.warn(`unknown citation style ${JSON.stringify(requested)}; expected one of ${CITATION_STYLES.join(', ')}`);
  const inForce = styleInForce(note);
  const configured = setting('citation.style', note);
  if (!isCitationStyle(configured))
    log.warn(`sourcebook.citation.style ${JSON.stringify(configured)} is not a citation style; using ${inForce.style}`);
  return inForce.style;
}

/** Whether an insert opens and closes an undo step: several inserts in a row share one when only the first opens it and only the last closes it. */
export interface UndoStops {
  readonly before: boolean;
  readonly after: boolean;
}

/**
 * Inserts a cited quote of `passage` at the editor's selection (replacing
 * it), as one undoable edit: the blockquote and, for footnotes, the
 * definition. For the pandoc style the bibliography entry is prepared first
 * (an unreadable bibliography stops the insert) and written right after.
 */
export async function insertQuote(
  editor: vscode.TextEditor,
  passage: Passage,
  article: Article,
  style: CitationStyle,
  undo: UndoStops = { before: true, after: true },
): Promise<InsertedQuote | undefined> {
  const document = editor.document;
  const pending: PendingBibliography | undefined =
    style === 'pandoc' ? await prepareBibliography(document.uri, article) : undefined;
  const text = document.getText();
  const { selection } = editor;
  const rendered = renderQuote(text, passage, article, style, document.offsetAt(selection.start), {
    replaceEnd: document.offsetAt(selection.end),
    eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
    ...(pending ? { bibliography: bibliographyFromNote(document.uri, pending.uri) } : {}),
  });
  const edits = rendered.edits.map((edit) => ({
    range: new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)),
    text: edit.text,
  }));
  const applied = await editor.edit((builder) => edits.forEach((edit) => builder.replace(edit.range, edit.text)), {
    undoStopBefore: undo.before,
    undoStopAfter: undo.after,
  });
  if (!applied) return undefined;
  const end = document.positionAt(rendered.quoteOffset + rendered.quote.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (pending) await writeBibliography(pending);
  return {
    uri: document.uri.toString(),
    passageId: passage.id,
    style,
    quote: rendered.quote,
    ...(pending && pending.update.added.length > 0 ? { bibliography: pending.uri.toString() } : {}),
  };
}

/** The bibliography as the note's front matter names it: relative to the note's folder when both are files. */
function bibliographyFromNote(note: vscode.Uri, bibliography: vscode.Uri): string {
  if (note.scheme !== 'file' || bibliography.scheme !== 'file') return bibliography.fsPath;
  return posix.relative(posix.dirname(note.path), bibliography.path) || posix.basename(bibliography.path);
}
