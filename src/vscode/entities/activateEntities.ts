import * as vscode from 'vscode';
import { entityIndexFor } from '../../core/entities';
import { Views } from '../commandIds';
import type { Services } from '../services';
import type { EntityAccess } from '../topics/activateTopics';
import { EntitiesTreeProvider } from './entitiesTreeProvider';

/** The Entities view, and what the Topics feature uses of it (entity filter, `showInTopics` for entities). */
export interface EntitiesFeature extends EntityAccess {
  readonly provider: EntitiesTreeProvider;
}

/** Registers the Entities view (kind → entity → mentioning articles) over the current corpus's entity index. */
export function activateEntities(services: Services): EntitiesFeature {
  const { context, corpus } = services;
  const provider = new EntitiesTreeProvider(corpus, () => entityIndexFor(corpus.current));
  const view = vscode.window.createTreeView(Views.entities, { treeDataProvider: provider, showCollapseAll: true });
  // The empty Topics view explains itself (viewsWelcome); this one says why it is empty too.
  // Only while shown: the index is built when someone looks at it.
  const explainEmpty = () => {
    if (!view.visible) return;
    const empty = corpus.current.size > 0 && provider.rootNodes().length === 0;
    // An empty message hides it.
    view.message = empty ? 'The corpus mentions no entities: no catalog entries, and no names found in its text.' : '';
  };
  context.subscriptions.push(
    provider,
    view,
    provider.onDidChangeTreeData(explainEmpty),
    view.onDidChangeVisibility(explainEmpty),
  );
  return {
    provider,
    lookup: () => entityIndexFor(corpus.current),
    reveal: async (entity) => {
      await corpus.ready;
      const node = provider.findEntity(entity);
      if (!node) {
        void vscode.window.showWarningMessage(`Sourcebook: "${entity}" is not an entity the corpus mentions.`);
        return false;
      }
      await view.reveal(node, { select: true, focus: true, expand: true });
      return true;
    },
  };
}
