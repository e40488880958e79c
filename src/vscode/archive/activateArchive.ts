import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { isNote } from '../notes';
import type { Services } from '../services';
import { ARCHIVE_PASSWORD_KEY, ArchiveService } from './archiveService';
import { Debouncer } from '../debouncer';

/** How long a note must rest after an edit before the archive is asked for what it newly cites. */
const EDIT_DELAY_MS = 400;

/**
 * The team archive in the editor: `sourcebook.archive.url`, *Set Archive
 * Password* (kept in SecretStorage), and the notes in view asking the
 * archive for the articles they cite, so their quotes are checked against
 * archived sources as against local ones.
 */
export function activateArchive({ context, corpus, log }: Services): ArchiveService {
  const archive = new ArchiveService(context.secrets, corpus, log);
  const bringVisible = () => {
    for (const editor of vscode.window.visibleTextEditors)
      if (isNote(editor.document, corpus.current)) void archive.bringCited(editor.document.getText());
  };
  const edits = new Debouncer();
  context.subscriptions.push(
    archive,
    vscode.commands.registerCommand(Commands.setArchivePassword, async () => {
      const password = await vscode.window.showInputBox({
        title: 'Sourcebook: team archive password',
        prompt: `The password for ${archive.url ?? 'the archive set in sourcebook.archive.url'}; kept in VS Code's secret storage. Leave empty to forget it.`,
        password: true,
        ignoreFocusOut: true,
      });
      if (password === undefined) return;
      if (password === '') await context.secrets.delete(ARCHIVE_PASSWORD_KEY);
      else await context.secrets.store(ARCHIVE_PASSWORD_KEY, password);
    }),
    context.secrets.onDidChange((event) => {
      if (event.key !== ARCHIVE_PASSWORD_KEY) return;
      archive.reset();
      bringVisible();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('sourcebook.archive')) return;
      archive.reset();
      bringVisible();
    }),
    vscode.window.onDidChangeVisibleTextEditors(bringVisible),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!isNote(event.document, corpus.current)) return;
      edits.schedule(EDIT_DELAY_MS, () => void archive.bringCited(event.document.getText()));
    }),
    // A reload makes a new corpus without the archived articles: the notes in view ask again.
    corpus.onDidChange(bringVisible),
    edits,
  );
  return archive;
}
