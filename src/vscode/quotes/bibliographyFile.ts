import * as vscode from 'vscode';
import { addToBibliography, type BibliographyUpdate, type CslItem, toCslItem } from '../../core/citations';
import type { Article } from '../../core/model';
import { openDocumentAt } from '../convert';
import { settingUnderTrust } from '../settings';

/** A bibliography change computed before the note is edited and written after. */
export interface PendingBibliography {
  readonly uri: vscode.Uri;
  readonly item: CslItem;
  readonly update: BibliographyUpdate;
}

/**
 * The CSL-JSON file the `pandoc` style keeps: `sourcebook.citation.bibliography`,
 * relative to the note's workspace folder. In an untrusted workspace only the
 * user's own setting counts, so a cloned repository cannot point it elsewhere.
 */
export function bibliographyUri(note: vscode.Uri): vscode.Uri | undefined {
  const path = settingUnderTrust('citation.bibliography', note).value;
  if (/^([a-z]:)?[\\/]/i.test(path)) return vscode.Uri.file(path);
  const folder = vscode.workspace.getWorkspaceFolder(note) ?? vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, path);
}

/**
 * Reads the bibliography (from its open editor if it has one, else from disk)
 * and adds the article's entry unless it is there. Throws with a message for
 * the user when the file is a folder, read-only, or not CSL-JSON: it is then
 * left alone and the quote is not inserted.
 */
export async function prepareBibliography(note: vscode.Uri, article: Article): Promise<PendingBibliography> {
  const uri = bibliographyUri(note);
  if (!uri) throw new Error('the pandoc citation style keeps its bibliography in a workspace folder, and none is open');
  const item = toCslItem(article);
  return { uri, item, update: computeUpdate(uri, await currentText(uri), item) };
}

/** The bibliography's text now: its open editor's, else the file's; undefined when it does not exist. */
async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = openDocumentAt(uri);
  if (open) return open.getText();
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
  const where = vscode.workspace.asRelativePath(uri);
  if (stat.type & vscode.FileType.Directory) throw new Error(`${where} is a folder, not a CSL-JSON bibliography file`);
  if ((stat.permissions ?? 0) & vscode.FilePermission.Readonly)
    throw new Error(`${where} is read-only; the quote was not inserted`);
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function computeUpdate(uri: vscode.Uri, existing: string | undefined, item: CslItem): BibliographyUpdate {
  try {
    return addToBibliography(existing, [item]);
  } catch (error) {
    throw new Error(`${vscode.workspace.asRelativePath(uri)}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Writes the entry added, as a minimal edit of the bibliography as it is at
 * this moment (read again, so an edit made since the insert began is kept):
 * an insertion into its open editor when it has unsaved changes, else into
 * the file. Nothing when the article was already there.
 */
export async function writeBibliography(pending: PendingBibliography): Promise<void> {
  if (pending.update.added.length === 0) return;
  const existing = await currentText(pending.uri);
  const update = computeUpdate(pending.uri, existing, pending.item);
  if (update.added.length === 0) return;
  const open = openDocumentAt(pending.uri);
  if (open?.isDirty && existing !== undefined) {
    let at = 0;
    while (at < existing.length && existing[at] === update.text[at]) at++;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(open.uri, open.positionAt(at), update.text.slice(at, at + update.text.length - existing.length));
    await vscode.workspace.applyEdit(edit);
    return;
  }
  await vscode.workspace.fs.writeFile(pending.uri, new TextEncoder().encode(update.text));
}
