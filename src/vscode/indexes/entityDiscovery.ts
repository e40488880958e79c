import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import { discoveryInput, existingEntityIndex, provideDiscovery } from '../../core/entities';
import type { CorpusService } from '../corpus/corpusService';
import type { PersistedIndexes } from './persistedIndexes';

/**
 * Keeps entity discovery off the extension host's thread. For each corpus
 * (a load, or a batch of changed files) whose entity index cannot start from
 * the persisted one, the sentences are gathered in slices and discovery runs
 * in a parse worker; meanwhile the entity index answers with the previous
 * version's entities, or the catalog's. When the whole index is made,
 * `onDidChange` fires so underlines, cards and views show it.
 */
export class EntityDiscovery implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Corpus>();
  /** Fires with the corpus whose entity index has just become whole. */
  readonly onDidChange = this.changed.event;
  private running = new AbortController();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly corpus: CorpusService,
    private readonly indexes: PersistedIndexes,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = corpus.onDidChange((current) => this.start(current));
  }

  private start(current: Corpus): void {
    // Whatever the previous corpus's discovery was doing, this one supersedes it.
    this.running.abort();
    const discover = this.corpus.discoverer;
    if (!discover || current.size === 0 || existingEntityIndex(current) || this.indexes.restoresEntities(current))
      return;
    const running = (this.running = new AbortController());
    const started = performance.now();
    let where = 'on this thread (the worker could not)';
    const discovery = (async () => {
      const input = await discoveryInput(current, running.signal);
      const found = input && (await discover({ sentences: input.articles, known: input.known }, running.signal));
      if (found) where = 'in a worker';
      return found;
    })();
    void provideDiscovery(current, discovery, running.signal).then((index) => {
      if (!index) return;
      const ms = Math.round(performance.now() - started);
      this.log.info(`entities of ${current.size} articles discovered ${where} in ${ms} ms`);
      this.changed.fire(current);
    });
  }

  dispose(): void {
    this.running.abort();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
