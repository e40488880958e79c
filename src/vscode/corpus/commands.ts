import * as vscode from 'vscode';
import type { Article, ArticlePlace } from '../../core/model';
import { Commands } from '../commandIds';
import { showArticle } from './articleDocuments';
import type { CorpusService } from './corpusService';
import { toRange } from '../convert';

/**
 * Arguments of `sourcebook.openArticle`: an article id, optionally a 0-based
 * line or a section index, and words to highlight (a searched term, a name).
 */
export interface OpenArticleArgs extends ArticlePlace {
  readonly line?: number;
  readonly highlight?: readonly string[];
}

export function registerCorpusCommands(corpus: CorpusService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.reloadCorpus, async () => {
      const loaded = await corpus.reload();
      const skipped = corpus.fileProblems().filter((problem) => problem.outcome === 'skipped').length;
      const folders = corpus.folders().length;
      void vscode.window
        .showInformationMessage(
          `Sourcebook: loaded ${loaded.size.toLocaleString('en')} article${loaded.size === 1 ? '' : 's'} from ` +
            `${folders} folder${folders === 1 ? '' : 's'}` +
            (skipped > 0 ? `; ${skipped} file${skipped === 1 ? '' : 's'} skipped.` : '.'),
          ...(skipped > 0 ? ['Show Log'] : []),
        )
        .then((choice) => {
          if (choice) log.show();
        });
      return loaded;
    }),
    vscode.commands.registerCommand(Commands.stopCorpusLoad, () => {
      const stopped = corpus.stopLoad();
      if (!stopped) void vscode.window.showInformationMessage('Sourcebook: the corpus is not being indexed.');
      return stopped;
    }),
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
    vscode.commands.registerCommand(Commands.configureCorpusPaths, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', 'sourcebook.corpus'),
    ),
    vscode.commands.registerCommand(Commands.openArticle, async (args?: OpenArticleArgs | string) => {
      await corpus.ready;
      const request = typeof args === 'string' ? { articleId: args } : args;
      const article = request ? corpus.current.article(request.articleId) : await pickArticle(corpus.current.articles());
      if (!article) {
        if (request) void vscode.window.showWarningMessage(`Sourcebook: no article "${request.articleId}" in the corpus.`);
        return undefined;
      }
      const range = rangeFor(article, request);
      return showArticle(article, { ...(range ? { range } : {}), ...(request?.highlight ? { highlight: request.highlight } : {}) });
    }),
  ];
}

function rangeFor(article: Article, request?: OpenArticleArgs): vscode.Range | undefined {
  if (request?.line !== undefined) return new vscode.Range(request.line, 0, request.line, 0);
  const section = request?.sectionIndex === undefined ? undefined : article.sections[request.sectionIndex];
  if (!section) return undefined;
  return toRange(section.range);
}

async function pickArticle(articles: readonly Article[]): Promise<Article | undefined> {
  const picked = await vscode.window.showQuickPick(
    articles.map((article) => ({
      label: article.title,
      description: [article.publisher ?? 'Unknown publisher', article.date ?? 'undated'].join(' · '),
      ...(article.summary === undefined ? {} : { detail: article.summary }),
      article,
    })),
    { title: 'Open Article', matchOnDescription: true, matchOnDetail: true, placeHolder: 'Type to find an article by title, publisher or summary' },
  );
  return picked?.article;
}
