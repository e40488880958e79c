import type * as vscode from 'vscode';
import type { CitedByService } from './citedBy/citedByService';
import type { CorpusService } from './corpus/corpusService';
import type { EntityDiscovery } from './indexes/entityDiscovery';

/** What the composition root hands every feature's `activate…` function. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly corpus: CorpusService;
  /** Who cites what in the workspace's notes (the Cited by view lists it, Topics counts it). */
  readonly citedBy: CitedByService;
  /** Entity discovery off the host's thread: `onDidChange` when the current corpus's entity index became whole. */
  readonly entityDiscovery: EntityDiscovery;
}
