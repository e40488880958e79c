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
