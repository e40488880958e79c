import * as vscode from 'vscode';
import { ContextKeys } from './commandIds';

type StepKey = typeof ContextKeys.walkthroughHoveredEntity | typeof ContextKeys.walkthroughInsertedQuote;

const done = new Set<StepKey>();

/**
 * Marks a walkthrough step as done by what the user did (a card shown, a
 * quote inserted): its `onContext:` completion event fires. Once per window.
 */
export function markWalkthroughStep(key: StepKey): void {
  if (done.has(key)) return;
  done.add(key);
  void vscode.commands.executeCommand('setContext', key, true);
}
