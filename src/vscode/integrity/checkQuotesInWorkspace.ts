import * as vscode from 'vscode';
import type { CorpusService } from '../corpus/corpusService';
import type { QuoteDiagnostics } from './quoteDiagnostics';
import { readNote, workspaceNotes } from '../notes';
import { updateSetting } from '../settings';

/** What the workspace check found, returned to callers of the command (and tests). */
export interface WorkspaceCheckResult {
  readonly notes: number;
  readonly misquotes: number;
  readonly unknownArticles: number;
}

/**
 * *Check Quotes in Workspace*: checks every Markdown note of the workspace
 * (open ones as they are in the editor, the rest as saved) and lists the
 * problems in the Problems panel. Corpus articles are not notes and are
 * skipped.
 */
export async function checkQuotesInWorkspace(
  corpus: CorpusService,
  diagnostics: QuoteDiagnostics,
  enabled: () => boolean,
): Promise<WorkspaceCheckResult | undefined> {
  if (!enabled()) {
    const turnOn = 'Turn On';
    const choice = await vscode.window.showInformationMessage(
      'Quote checking is turned off (setting sourcebook.integrity.enabled).',
      turnOn,
    );
    if (choice !== turnOn) return undefined;
    await updateSetting('integrity.enabled', true, vscode.ConfigurationTarget.Global);
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Sourcebook: checking quotes' },
    async () => {
      await corpus.ready;
      const totals = { notes: 0, misquotes: 0, unknownArticles: 0 };
      for (const uri of await workspaceNotes(corpus.current)) {
        const text = await readNote(uri);
        if (text === undefined) continue;
        const problems = diagnostics.publishText(uri, text);
        totals.notes++;
        for (const problem of problems) {
          if (problem.code === 'misquote') totals.misquotes++;
          else totals.unknownArticles++;
        }
      }
      return totals;
    },
  );
  void report(result);
  return result;
}

async function report({ notes, misquotes, unknownArticles }: WorkspaceCheckResult): Promise<void> {
  const checked = `Checked the cited quotes of ${notes} note${notes === 1 ? '' : 's'}`;
  if (misquotes + unknownArticles === 0) {
    void vscode.window.showInformationMessage(`${checked}: every quote matches its source.`);
    return;
  }
  const found = [
    misquotes > 0 ? `${misquotes} quote${misquotes === 1 ? ' does' : 's do'} not match the source` : '',
    unknownArticles > 0 ? `${unknownArticles} cite${unknownArticles === 1 ? 's' : ''} an unknown article` : '',
  ].filter(Boolean);
  const show = 'Show Problems';
  if ((await vscode.window.showWarningMessage(`${checked}: ${found.join(', ')}.`, show)) === show) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}
