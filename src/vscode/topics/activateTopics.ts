import * as vscode from 'vscode';
import { entityIndexFor } from '../../core/entities';
import type { Grouping } from '../../core/topicTree';
import { ContextKeys, Views } from '../commandIds';
import type { Services } from '../services';
import { setting } from '../settings';
import { registerTopicsCommands } from './topicsCommands';
import { TopicsTreeProvider } from './topicsTreeProvider';

const GROUPING_STATE = 'sourcebook.topics.groupBy';
const GROUPINGS: readonly Grouping[] = ['topic', 'publisher', 'date'];

/**
 * The Topics view: its tree, its title-bar and context-menu commands, and
 * `sourcebook.showInTopics`. Returns the tree provider (the integration tests
 * drive it through the extension's exports).
 */
export function activateTopics(services: Services): TopicsTreeProvider {
  const { context, corpus, citedBy } = services;
  // The grouping chosen in the view belongs to the workspace; the setting is the default.
  const chosen = context.workspaceState.get<Grouping>(GROUPING_STATE);
  const grouping = (grouping: Grouping | undefined) => (grouping && GROUPINGS.includes(grouping) ? grouping : 'topic');
  // The filter offers and matches entity names from the corpus's own entity index.
  const entities = () => entityIndexFor(corpus.current);
  const topics = new TopicsTreeProvider(corpus, grouping(chosen ?? setting('topics.groupBy')), entities, citedBy);
  const view = vscode.window.createTreeView(Views.topics, { treeDataProvider: topics, showCollapseAll: true });

  const showState = () => {
    const filter = topics.filter;
    void vscode.commands.executeCommand('setContext', ContextKeys.topicsFiltered, filter !== undefined);
    // An empty message hides it; with no articles at all the view's welcome content says why, filter or not.
    if (filter === undefined || corpus.current.size === 0) view.message = '';
    else {
      const { shown, total } = topics.counts();
      const indexing = topics.filterIndexing ? ' so far (the corpus is still being indexed)' : '';
      view.message = `Filtered by “${filter}”: ${shown} of ${total} article${total === 1 ? '' : 's'}${indexing}. Clear the filter to see all.`;
    }
    view.description = topics.grouping === 'topic' ? '' : `by ${topics.grouping}`;
  };
  const setGrouping = (value: Grouping) => {
    topics.grouping = value;
    void context.workspaceState.update(GROUPING_STATE, value);
  };

  context.subscriptions.push(
    topics,
    view,
    topics.onDidChangeTreeData(showState),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sourcebook.topics.groupBy')) setGrouping(grouping(setting('topics.groupBy')));
    }),
    ...registerTopicsCommands({
      corpus,
      topics,
      view,
      setGrouping,
      entityChoices: () => entities().entities(),
    }),
  );
  showState();
  return topics;
}
