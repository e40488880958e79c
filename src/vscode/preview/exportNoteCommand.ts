import * as vscode from 'vscode';
import { isCslStyle, type CslStyle } from '../../core/citations';
import { styleInForce } from '../quotes/citationStyleSetting';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportNote,
  isExportFormat,
  PANDOC_MISSING,
  pandocVersion,
} from '../../node/exportNote';

/**
 * *Sourcebook: Export Note…*: the active Markdown note (saved first) through
 * pandoc with citeproc, to the format picked (or `args.format`), in the
 * configured CSL style. Returns the file written; a missing pandoc is shown
 * with how to install it.
 */
export async function exportActiveNote(args: { format?: ExportFormat } = {}): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown' || editor.document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Sourcebook: open a saved Markdown note to export it.');
    return undefined;
  }
  if (!pandocVersion()) {
    void vscode.window.showErrorMessage(`Sourcebook: ${PANDOC_MISSING}.`);
    return undefined;
  }
  const format = isExportFormat(args.format)
    ? args.format
    : ((await vscode.window.showQuickPick([...EXPORT_FORMATS], { title: 'Export Note as' })) as
        ExportFormat | undefined);
  if (!format) return undefined;
  if (editor.document.isDirty) await editor.document.save();
  const configured = styleInForce(editor.document.uri).style;
  const style: CslStyle = isCslStyle(configured) ? configured : 'chicago';
  try {
    const written = exportNote(editor.document.uri.fsPath, format, { style });
    void vscode.window.showInformationMessage(`Sourcebook: exported ${vscode.workspace.asRelativePath(written)}.`);
    return written;
  } catch (error) {
    void vscode.window.showErrorMessage(`Sourcebook: ${(error as Error).message}`);
    return undefined;
  }
}
