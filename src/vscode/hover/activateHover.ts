import * as vscode from 'vscode';
import { HOVER_SELECTOR } from '../notes';
import { type EntityIndex, entityIndexFor, wholeEntityIndex } from '../../core/entities';
import type { Services } from '../services';
import { setting } from '../settings';
import { EntityDecorations } from './decorations';
import { EntityHoverProvider } from './entityHoverProvider';

/**
 * Entity hover cards and underlines in Markdown documents (product §3),
 * over the entity index of the current corpus; settings
 * `sourcebook.hover.enabled` and `sourcebook.hover.decorations`.
 */
export function activateHover(services: Services): void {
  const { context, corpus, log, entityDiscovery } = services;
  const reported = new WeakSet<EntityIndex>();
  let scanning = new AbortController();
  const index = () => {
    const current = entityIndexFor(corpus.current);
    if (!reported.has(current)) {
      reported.add(current);
      for (const problem of current.problems) log.warn(`entity catalog: ${problem}`);
      // Cards need every article's mentions: scan for them in the background, a slice at a time, so the
      // first card does not scan the corpus on the host's thread.
      // (Not for the catalog-only index that answers while discovery runs: the whole one has other names.)
      scanning.abort();
      scanning = new AbortController();
      if (!current.partial) void current.scanInSlices(scanning.signal);
    }
    return current;
  };
  const decorations = new EntityDecorations(index, () => setting('hover.decorations'));
  const hover = new EntityHoverProvider(
    async () => {
      await corpus.ready;
      // A card is worth the wait for discovery under way elsewhere (a name it finds may be the one hovered).
      await wholeEntityIndex(corpus.current);
      index();
      return corpus.current;
    },
    () => setting('hover.enabled'),
  );
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, hover),
    decorations,
    { dispose: () => scanning.abort() },
    corpus.onDidChange(() => decorations.refresh()),
    entityDiscovery.onDidChange(() => decorations.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sourcebook.hover')) decorations.refresh();
    }),
  );
}
