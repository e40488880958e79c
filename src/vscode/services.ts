import type * as vscode from 'vscode';
import type { CorpusService } from './corpus/corpusService';

/** What the composition root hands every feature's `activate…` function. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly corpus: CorpusService;
}
