import * as vscode from 'vscode';
import type { Article } from '../../core/model';
import type { CorpusService } from './corpusService';

export const ARTICLE_SCHEME = 'sourcebook';

/** The read-only document URI of an article: `sourcebook:/<id>.md`. */
export function articleUri(article: Article): vscode.Uri {
  const extension = /\.txt$/i.test(article.path) ? '.txt' : '.md';
  return vscode.Uri.from({ scheme: ARTICLE_SCHEME, path: `/${article.id}${extension}` });
}

/** The article an article URI shows, if it is one. */
export function articleIdOf(uri: vscode.Uri): string | undefined {
  return uri.scheme === ARTICLE_SCHEME ? uri.path.replace(/^\//, '').replace(/\.(md|txt)$/, '') : undefined;
}

/**
 * Serves articles as read-only documents, so a corpus file, bundled or the
 * user's, can be read, previewed and quoted but never edited by accident.
 * The text is the file's exactly, so source ranges map to lines unchanged.
 */
export class ArticleDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme === ARTICLE_SCHEME) this.changed.fire(document.uri);
      }
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = articleIdOf(uri);
    const article = id === undefined ? undefined : this.corpus.current.article(id);
    return article?.source ?? `This article (${id}) is no longer in the corpus.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Opens an article read-only with `range` selected and revealed at the top. */
export async function showArticle(article: Article, range?: vscode.Range, preview = true): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(articleUri(article));
  const editor = await vscode.window.showTextDocument(document, { preview, ...(range ? { selection: range } : {}) });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  return editor;
}
