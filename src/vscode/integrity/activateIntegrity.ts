import * as vscode from 'vscode';
import { NOTE_SELECTOR } from '../notes';
import { Commands } from '../commandIds';
import type { Services } from '../services';
import { setting } from '../settings';
import { checkQuotesInWorkspace } from './checkQuotesInWorkspace';
import { QuoteDiagnostics } from './quoteDiagnostics';
import { ReplaceWithSourceText } from './replaceWithSourceText';

/**
 * Quote integrity: misquotes and citations of unknown articles in Markdown
 * notes as diagnostics, the *Replace with source text* quick fix, and
 * *Check Quotes in Workspace*.
 */
export function activateIntegrity(services: Services): QuoteDiagnostics {
  const enabled = () => setting('integrity.enabled');
  const diagnostics = new QuoteDiagnostics(services.corpus, services.log, enabled);
  services.context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(
      NOTE_SELECTOR,
      new ReplaceWithSourceText(diagnostics),
      ReplaceWithSourceText.metadata,
    ),
    vscode.commands.registerCommand(Commands.checkQuotesInWorkspace, () =>
      checkQuotesInWorkspace(services.corpus, diagnostics, enabled),
    ),
  );
  return diagnostics;
}
