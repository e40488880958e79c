import * as vscode from 'vscode';
import { entityIndexFor, wholeEntityIndex } from '../../core/entities';
import { Commands, Views } from '../commandIds';
import type { Services } from '../services';
import { entityAt } from './entityAt';
import { EntitiesTreeProvider } from './entitiesTreeProvider';

/** Arguments of `sourcebook.showInEntities`: an entity's name, alias or id. Without them, the entity under the cursor. */
export interface ShowInEntitiesArgs {
  readonly entity: string;
}

/**
 * The Entities view (kind → entity → mentioning articles) over the current
 * corpus's entity index, and `sourcebook.showInEntities`, which the hover
 * card's link calls. Returns the tree provider (the integration tests drive it
 * through the extension's exports).
 */
export function activateEntities(services: Services): EntitiesTreeProvider {
  const { context, corpus, entityDiscovery } = services;
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
  const showInEntities = async (args?: ShowInEntitiesArgs): Promise<boolean> => {
    const loaded = await corpus.ready;
    await wholeEntityIndex(loaded);
    const editor = vscode.window.activeTextEditor;
    const entity = args?.entity ?? (editor && entityAt(loaded, editor.document, editor.selection.active));
    if (entity === undefined) {
      void vscode.window.showInformationMessage('Sourcebook: put the cursor on an entity name to show it in Entities.');
      return false;
    }
    const node = provider.findEntity(entity);
    if (!node) {
      void vscode.window.showWarningMessage(`Sourcebook: "${entity}" is not an entity the corpus mentions.`);
      return false;
    }
    // From the hover card's link: the card goes, as when a quote is inserted from it.
    await vscode.commands.executeCommand('editor.action.hideHover');
    await view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  };
  context.subscriptions.push(
    provider,
    view,
    provider.onDidChangeTreeData(explainEmpty),
    entityDiscovery.onDidChange(() => provider.refresh()),
    view.onDidChangeVisibility(explainEmpty),
    vscode.commands.registerCommand(Commands.showInEntities, showInEntities),
  );
  return provider;
}
