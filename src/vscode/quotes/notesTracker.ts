import * as vscode from 'vscode';
import type { CorpusService } from '../corpus/corpusService';
import { isNote } from '../notes';
import { openDocumentAt, sameUri } from '../convert';

/**
 * Remembers the last Markdown note the user worked in, so *Quote Selection
 * into Notes* knows where to write while an article has the focus.
 */
export class NotesTracker implements vscode.Disposable {
  private last: { uri: vscode.Uri; column?: vscode.ViewColumn } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService) {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  /** The last active note, open in an editor (shown without taking the focus), or undefined when there is none. */
  async editor(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active && isNote(active.document, this.corpus.current)) return active;
    if (!this.last) return undefined;
    const { uri, column } = this.last;
    const visible = vscode.window.visibleTextEditors.find((editor) => sameUri(editor.document.uri, uri));
    if (visible) return visible;
    const document = openDocumentAt(uri);
    if (!document || document.isClosed) return undefined;
    return vscode.window.showTextDocument(document, {
      preserveFocus: true,
      preview: false,
      ...(column ? { viewColumn: column } : {}),
    });
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && isNote(editor.document, this.corpus.current))
      this.last = { uri: editor.document.uri, ...(editor.viewColumn ? { column: editor.viewColumn } : {}) };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
