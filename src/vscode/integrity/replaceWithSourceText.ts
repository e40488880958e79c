import * as vscode from 'vscode';
import { type QuoteDiagnostics, toRange } from './quoteDiagnostics';

export const REPLACE_WITH_SOURCE_TEXT = 'Replace with source text';

/**
 * The quick fix for a misquote: one edit that puts the source's exact words
 * back between the quote marks, leaving the marks and the citation as they
 * are, so a single undo brings the quote back.
 *
 * It answers from the check itself, not only from `context.diagnostics`:
 * those reach the editor a moment after a check, and a fix asked for in
 * between must not be missing.
 */
export class ReplaceWithSourceText implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly diagnostics: QuoteDiagnostics) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (
      context.only &&
      !vscode.CodeActionKind.QuickFix.contains(context.only) &&
      !context.only.contains(vscode.CodeActionKind.QuickFix)
    )
      return [];
    if (!this.diagnostics.isNote(document)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const problem of this.diagnostics.problemsOf(document)) {
      const quote = toRange(problem.range);
      if (!problem.fix || !quote.intersection(range)) continue;
      const action = new vscode.CodeAction(REPLACE_WITH_SOURCE_TEXT, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toRange(problem.fix.range), problem.fix.text);
      const diagnostic = context.diagnostics.find(
        (d) => d.source === 'sourcebook' && d.code === 'misquote' && d.range.isEqual(quote),
      );
      action.diagnostics = [diagnostic ?? this.diagnostics.diagnostic(problem)];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
