import * as vscode from 'vscode';
import { formatReference } from '../../core/citations';
import type { ArticlePlace } from '../../core/model';
import type { Grouping } from '../../core/topicTree';
import { Commands, Views } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { styleInForce } from '../quotes/citationStyleSetting';
import { type EntityChoice, pickTopicsFilter } from './filterPick';
import type { TopicsNode } from './topicsNodes';
import type { TopicsTreeProvider } from './topicsTreeProvider';

/** Arguments of `sourcebook.showInTopics`: the article to reveal. */
export interface ShowInTopicsArgs {
  readonly articleId: string;
}

export interface TopicsCommandDeps {
  readonly corpus: CorpusService;
  readonly topics: TopicsTreeProvider;
  readonly view: vscode.TreeView<TopicsNode>;
  readonly entityChoices: () => readonly EntityChoice[];
  readonly setGrouping: (grouping: Grouping) => void;
}

/** The place a tree node (from a context menu) or a command argument stands for. */
export function placeOf(target: TopicsNode | ArticlePlace | undefined): ArticlePlace | undefined {
  if (!target) return undefined;
  if (!('kind' in target)) return target;
  if (target.kind === 'article') return { articleId: target.article.id };
  if (target.kind === 'section') return { articleId: target.articleId, sectionIndex: target.section.index };
  return undefined;
}

export function registerTopicsCommands(deps: TopicsCommandDeps): vscode.Disposable[] {
  const { corpus, topics, view } = deps;
  return [
    vscode.commands.registerCommand(Commands.topicsRefresh, () =>
      vscode.window.withProgress({ location: { viewId: Views.topics } }, () => corpus.reload()),
    ),
    vscode.commands.registerCommand(Commands.topicsFilter, async (query?: string) => {
      // With a query (from another feature, or a test) there is nothing to ask.
      const chosen = typeof query === 'string' ? query : await pickTopicsFilter(topics.filter, deps.entityChoices());
      if (chosen !== undefined) await topics.applyFilter(chosen ?? undefined);
    }),
    vscode.commands.registerCommand(Commands.topicsClearFilter, () => {
      topics.filter = undefined;
    }),
    vscode.commands.registerCommand(Commands.topicsGroupByTopic, () => deps.setGrouping('topic')),
    vscode.commands.registerCommand(Commands.topicsGroupByPublisher, () => deps.setGrouping('publisher')),
    vscode.commands.registerCommand(Commands.topicsGroupByDate, () => deps.setGrouping('date')),
    vscode.commands.registerCommand(Commands.topicsCopyCitation, async (target?: TopicsNode | ArticlePlace) => {
      const place = placeOf(target ?? view.selection[0]);
      if (!place) return undefined;
      await corpus.ready;
      const article = corpus.current.article(place.articleId);
      if (!article) {
        void vscode.window.showWarningMessage(`Sourcebook: no article "${place.articleId}" in the corpus.`);
        return undefined;
      }
      const section = place.sectionIndex === undefined ? undefined : article.sections[place.sectionIndex];
      const style = styleInForce().style;
      const citation = formatReference(article, style, section);
      await vscode.env.clipboard.writeText(citation);
      vscode.window.setStatusBarMessage(`$(copy) Citation copied (${style} style)`, 4000);
      return citation;
    }),
    vscode.commands.registerCommand(Commands.topicsInsertQuoteFromHere, (target?: TopicsNode | ArticlePlace) => {
      const place = placeOf(target ?? view.selection[0]);
      return vscode.commands.executeCommand(Commands.insertCitedQuote, place ?? {});
    }),
    vscode.commands.registerCommand(Commands.showInTopics, async (args?: ShowInTopicsArgs) => {
      if (!args) return false;
      await corpus.ready;
      let node = topics.findArticle(args.articleId);
      // An article hidden by the filter is still asked for: show the whole tree again.
      if (!node && topics.filter !== undefined && corpus.current.article(args.articleId)) {
        topics.filter = undefined;
        node = topics.findArticle(args.articleId);
      }
      if (!node) {
        void vscode.window.showWarningMessage(`Sourcebook: no article "${args.articleId}" in the corpus.`);
        return false;
      }
      await view.reveal(node, { select: true, focus: true, expand: true });
      return true;
    }),
  ];
}
