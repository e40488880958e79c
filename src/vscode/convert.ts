import * as vscode from 'vscode';
import type { SourceRange } from '../core/model';

/** The core's 0-based range as VS Code's. */
export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Whether two URIs name the same document (VS Code's own test: their string forms). */
export function sameUri(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.toString() === b.toString();
}

/** The open document at a URI, if there is one. */
export function openDocumentAt(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => sameUri(document.uri, uri));
}
