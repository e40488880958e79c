import * as vscode from 'vscode';
import { addToBibliography, type BibliographyUpdate, toCslItem } from '../../core/citations';
import type { Article } from '../../core/model';

/** A bibliography change computed before the note is edited and written after. */
export interface PendingBibliography {
  readonly uri: vscode.Uri;
  readonly update: BibliographyUpdate;
}

/**
 * The CSL-JSON file the `pandoc` style keeps: `sourcebook.citation.bibliography`,
 * relative to the note's workspace folder. In an untrusted workspace only the
 * user's own setting counts, so a cloned repository cannot point it elsewhere.
 */
export function bibliographyUri(note: vscode.Uri): vscode.Uri | undefined {
  const config = vscode.workspace.getConfiguration('sourcebook', note);
  const path = vscode.workspace.isTrusted
    ? config.get<string>('citation.bibliography', 'references.json')
    : (config.inspect<string>('citation.bibliography')?.globalValue ?? 'references.json');
  if (/^([a-z]:)?[\\/]/i.test(path)) return vscode.Uri.file(path);
  const folder = vscode.workspace.getWorkspaceFolder(note) ?? vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, path);
}

/**
 * Reads the bibliography (from its open editor if it has one, else from disk)
 * and adds the article's entry unless it is there. Throws with a message for
 * the user when the file cannot be read as CSL-JSON: it is then left alone.
 */
export async function prepareBibliography(note: vscode.Uri, article: Article): Promise<PendingBibliography> {
  const uri = bibliographyUri(note);
  if (!uri) throw new Error('the pandoc citation style keeps its bibliography in a workspace folder, and none is open');
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  let existing: string | undefined;
  if (open) existing = open.getText();
  else {
    try {
      existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
    }
  }
  try {
    return { uri, update: addToBibliography(existing, [toCslItem(article)]) };
  } catch (error) {
    throw new Error(`${vscode.workspace.asRelativePath(uri)}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes the entries added; nothing when the article was already there. */
export async function writeBibliography(pending: PendingBibliography): Promise<void> {
  if (pending.update.added.length === 0) return;
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === pending.uri.toString());
  if (open?.isDirty) {
    // Unsaved changes in an open editor: edit the buffer rather than overwrite them on disk.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      open.uri,
      new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)),
      pending.update.text,
    );
    await vscode.workspace.applyEdit(edit);
    return;
  }
  await vscode.workspace.fs.writeFile(pending.uri, new TextEncoder().encode(pending.update.text));
}
