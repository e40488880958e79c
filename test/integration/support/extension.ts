import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../../src/extension';

export const EXTENSION_ID = 'sourcebook.sourcebook';

/** Activates Sourcebook and waits for its first corpus load; returns its API. */
export async function sourcebook(): Promise<SourcebookApi> {
  const extension = vscode.extensions.getExtension<SourcebookApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  const api = await extension.activate();
  await api.services.corpus.ready;
  return api;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Saves the workspace's `.vscode/settings.json` as it is now; the returned
 * function puts it back (or removes it when there was none), so a suite that
 * changes workspace settings leaves the sample workspace as it found it.
 */
export function keepWorkspaceSettings(): () => void {
  const file = join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.vscode', 'settings.json');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  return () => {
    if (before === undefined) rmSync(file, { force: true });
    else writeFileSync(file, before);
  };
}

/**
 * The quick fixes at a range, once `title` is among them. Asked again while
 * it is not: VS Code rejects the whole request when any provider cancels (the
 * built-in Markdown server does while it reads a new document), and the
 * workbench may answer before it has set up a document just opened.
 */
export function quickFixes(uri: vscode.Uri, range: vscode.Range, title: string | RegExp): Promise<vscode.CodeAction[]> {
  return waitFor(
    `the quick fix "${title}"`,
    async () => {
      try {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          range,
          vscode.CodeActionKind.QuickFix.value,
        );
        return (
          actions.some((action) => (typeof title === 'string' ? action.title === title : title.test(action.title))) &&
          actions
        );
      } catch (error) {
        if (error instanceof Error && error.message === 'Canceled') return undefined;
        throw error;
      }
    },
    20_000,
  );
}
