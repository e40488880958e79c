import * as vscode from 'vscode';
import type { CorpusService } from '../corpus/corpusService';
import type { QuoteDiagnostics } from './quoteDiagnostics';
import { updateSetting } from '../settings';

/** Notes larger than this are not read by the workspace check (a note is text a person writes). */
const MAX_NOTE_BYTES = 5 * 1024 * 1024;

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
      const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      const uris = (await vscode.workspace.findFiles('**/*.{md,markdown}')).filter(
        (uri) => !uri.path.includes('/node_modules/'),
      );
      const totals = { notes: 0, misquotes: 0, unknownArticles: 0 };
      for (const uri of uris) {
        if (corpus.current.articleAt(uri.fsPath)) continue;
        const document = open.get(uri.toString());
        const text = document ? document.getText() : await readNote(uri);
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

async function readNote(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_NOTE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
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
