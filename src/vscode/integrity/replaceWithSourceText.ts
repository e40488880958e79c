import * as vscode from 'vscode';
import { keepAsQuoted, type QuoteFix, type QuoteProblem, updateToSource } from '../../core/integrity/problems';
import { toRange } from '../convert';
import type { QuoteDiagnostics } from './quoteDiagnostics';

export const REPLACE_WITH_SOURCE_TEXT = 'Replace with source text';
export const UPDATE_TO_CURRENT_SOURCE = 'Update quote to the current source';
export const KEEP_AS_QUOTED = 'Keep as quoted (mark as of date)';

/**
 * The quick fixes of quote integrity, each one workspace edit, so a single
 * undo takes it back:
 * - a misquote: *Replace with source text* puts the source's exact words back
 *   between the quote marks, leaving the marks and the citation as they are;
 * - a quote whose source changed: *Update quote to the current source* (the
 *   words and the anchor), or *Keep as quoted (mark as of date)* (the anchor
 *   records today and the source as it now is, and the warning goes);
 * - a moved quote: the citation is made to name the section it is now in.
 *
 * It answers from the check itself, not only from `context.diagnostics`:
 * those reach the editor a moment after a check, and a fix asked for in
 * between must not be missing.
 */
export class ReplaceWithSourceText implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(
    private readonly diagnostics: QuoteDiagnostics,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

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
      if (!quote.intersection(range)) continue;
      const diagnostic =
        context.diagnostics.find(
          (d) => d.source === 'sourcebook' && d.code === problem.code && d.range.isEqual(quote),
        ) ?? this.diagnostics.diagnostic(problem);
      const add = (title: string, edits: readonly QuoteFix[], preferred: boolean) => {
        if (edits.length === 0) return;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of edits) action.edit.replace(document.uri, toRange(edit.range), edit.text);
        action.diagnostics = [diagnostic];
        action.isPreferred = preferred;
        actions.push(action);
      };
      for (const [title, edits, preferred] of fixesOf(problem, this.today())) add(title, edits, preferred);
    }
    return actions;
  }
}

/** The quick fixes of one problem: title, edits, whether it is the preferred one. */
function fixesOf(problem: QuoteProblem, today: string): [string, readonly QuoteFix[], boolean][] {
  if (problem.code === 'misquote') return [[REPLACE_WITH_SOURCE_TEXT, updateToSource(problem), true]];
  if (problem.code === 'source-changed') {
    const keep = keepAsQuoted(problem, today);
    return [
      [UPDATE_TO_CURRENT_SOURCE, updateToSource(problem), true],
      [KEEP_AS_QUOTED, keep ? [keep] : [], false],
    ];
  }
  return (problem.actions ?? []).map((action) => [action.title, action.edits, true]);
}
