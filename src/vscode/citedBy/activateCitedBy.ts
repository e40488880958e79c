import * as vscode from 'vscode';
import { entityIndexFor, wholeEntityIndex } from '../../core/entities';
import { Commands, Views } from '../commandIds';
import type { Services } from '../services';
import { type CitedByFocus, CitedByTreeProvider } from './citedByTree';

/**
 * What `sourcebook.citedBy.show` is given: an article or an entity (by id,
 * name or alias), or a node of the Topics or Entities view its context menu
 * was opened on.
 */
export type ShowCitedByArgs =
  | { readonly articleId: string }
  | { readonly entity: string }
  | { readonly kind: 'article'; readonly article: { readonly id: string } }
  | { readonly kind: 'section'; readonly articleId: string }
  | { readonly kind: 'entity'; readonly entity: { readonly id: string } };

/**
 * The Cited by view: the notes and lines that cite an article, or quote a
 * passage naming an entity, each opening the note there; every cited article
 * when nothing is chosen. *Show Cited By* on an article (Topics) or an entity
 * (Entities) chooses; the view's *Show All Cited Articles* goes back.
 */
export function activateCitedBy(services: Services): CitedByTreeProvider {
  const { context, corpus, citedBy } = services;
  const provider = new CitedByTreeProvider(citedBy, corpus);
  const view = vscode.window.createTreeView(Views.citedBy, { treeDataProvider: provider, showCollapseAll: true });

  const describe = async () => {
    await citedBy.ready;
    const focus = provider.focus;
    const notes = provider.roots().length;
    const count = `${notes} note${notes === 1 ? '' : 's'}`;
    if (focus?.kind === 'article') {
      const title = corpus.current.article(focus.articleId)?.title ?? focus.articleId;
      view.description = title;
      view.message = notes === 0 ? `No note cites “${title}”.` : `“${title}” is cited in ${count}.`;
    } else if (focus?.kind === 'entity') {
      const name = entityIndexFor(corpus.current).entity(focus.entityId)?.name ?? focus.entityId;
      view.description = name;
      view.message =
        notes === 0 ? `No note cites a passage naming ${name}.` : `Passages naming ${name}, cited in ${count}.`;
    } else {
      view.description = '';
      view.message = notes === 0 ? 'No note cites an article of the corpus yet.' : '';
    }
  };

  const show = async (args?: ShowCitedByArgs): Promise<boolean> => {
    await wholeEntityIndex(await corpus.ready);
    const focus = focusOf(args, services);
    if (args !== undefined && focus === undefined) {
      void vscode.window.showWarningMessage('Sourcebook: that is not an article or an entity of the corpus.');
      return false;
    }
    provider.focus = focus;
    await describe();
    await vscode.commands.executeCommand(`${Views.citedBy}.focus`);
    return true;
  };

  context.subscriptions.push(
    provider,
    view,
    provider.onDidChangeTreeData(() => void describe()),
    vscode.commands.registerCommand(Commands.showCitedBy, show),
    vscode.commands.registerCommand(Commands.citedByShowAll, () => show()),
  );
  return provider;
}

function focusOf(args: ShowCitedByArgs | undefined, { corpus }: Services): CitedByFocus {
  if (args === undefined) return undefined;
  if ('articleId' in args || 'article' in args) {
    const articleId = 'articleId' in args ? args.articleId : args.article.id;
    return corpus.current.article(articleId) ? { kind: 'article', articleId } : undefined;
  }
  const entities = entityIndexFor(corpus.current);
  const entity = typeof args.entity === 'string' ? entities.resolve(args.entity) : entities.entity(args.entity.id);
  return entity ? { kind: 'entity', entityId: entity.id } : undefined;
}
