import * as vscode from 'vscode';
import { type QuoteDiagnostics, toRange } from './quoteDiagnostics';

export const REPLACE_WITH_SOURCE_TEXT = 'Replace with source text';

/**
 * The quick fix for a misquote: one edit that puts the source's exact words
 * back between the quote marks, leaving the marks and the citation as they
 * are, so a single undo brings the quote back.
 */
export class ReplaceWithSourceText implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: QuoteDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const misquotes = context.diagnostics.filter((d) => d.source === 'sourcebook' && d.code === 'misquote');
    if (misquotes.length === 0 || !this.diagnostics.isNote(document)) return [];
    const problems = this.diagnostics.problemsOf(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of misquotes) {
      const problem = problems.find((p) => p.code === 'misquote' && p.fix && toRange(p.range).isEqual(diagnostic.range));
      if (!problem?.fix) continue;
      const action = new vscode.CodeAction(REPLACE_WITH_SOURCE_TEXT, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toRange(problem.fix.range), problem.fix.text);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
