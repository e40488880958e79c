import * as vscode from 'vscode';
import { ARTICLE_SCHEME, ARTICLE_TEXT_LANGUAGE } from '../corpus/articleDocuments';

/** The documents whose notes Sourcebook checks and fixes: Markdown on disk or not yet saved. */
export const NOTE_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

/** Where entity cards show: notes, and the corpus' own read-only articles. */
export const HOVER_SELECTOR: vscode.DocumentSelector = [
  ...NOTE_SELECTOR,
  { language: 'markdown', scheme: ARTICLE_SCHEME },
  { language: ARTICLE_TEXT_LANGUAGE, scheme: ARTICLE_SCHEME },
];

/** Whether a document is a note Sourcebook may write into: Markdown, not a corpus article. */
export function isNotesDocument(document: vscode.TextDocument): boolean {
  return (
    document.languageId === 'markdown' && document.uri.scheme !== ARTICLE_SCHEME && document.uri.scheme !== 'output'
  );
}

/**
 * Remembers the last Markdown note the user worked in, so *Quote Selection
 * into Notes* knows where to write while an article has the focus.
 */
export class NotesTracker implements vscode.Disposable {
  private last: { uri: vscode.Uri; column?: vscode.ViewColumn } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  /** The last active note, open in an editor (shown without taking the focus), or undefined when there is none. */
  async editor(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active && isNotesDocument(active.document)) return active;
    if (!this.last) return undefined;
    const { uri, column } = this.last;
    const visible = vscode.window.visibleTextEditors.find(
      (editor) => editor.document.uri.toString() === uri.toString(),
    );
    if (visible) return visible;
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
    if (!document || document.isClosed) return undefined;
    return vscode.window.showTextDocument(document, {
      preserveFocus: true,
      preview: false,
      ...(column ? { viewColumn: column } : {}),
    });
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && isNotesDocument(editor.document))
      this.last = { uri: editor.document.uri, ...(editor.viewColumn ? { column: editor.viewColumn } : {}) };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
