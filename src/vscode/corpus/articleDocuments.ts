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
 * Serves articles as a read-only file system, so a corpus file, bundled or the
 * user's, can be read, previewed and quoted but never edited by accident: the
 * editor shows it read-only and edits through the API are refused. The text
 * is the file's exactly, so source ranges map to lines unchanged.
 */
export class ArticleFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly encoder = new TextEncoder();
  private readonly loadedAt = Date.now();

  constructor(private readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange(() => {
      const open = vscode.workspace.textDocuments.filter((document) => document.uri.scheme === ARTICLE_SCHEME);
      if (open.length > 0) this.changed.fire(open.map((document) => ({ type: vscode.FileChangeType.Changed, uri: document.uri })));
    });
  }

  /** Registers the provider for the `sourcebook:` scheme. */
  register(): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(ARTICLE_SCHEME, this, { isCaseSensitive: true, isReadonly: true });
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: this.loadedAt, mtime: this.loadedAt, size: 0 };
    const article = this.articleOf(uri);
    // The version makes VS Code re-read an open article after the corpus changed.
    return { type: vscode.FileType.File, ctime: this.loadedAt, mtime: this.loadedAt + this.corpus.current.version, size: article.source.length };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.encoder.encode(this.articleOf(uri).source);
  }

  readDirectory(): [string, vscode.FileType][] {
    return this.corpus.current.articles().map((article) => [articleUri(article).path.slice(1), vscode.FileType.File]);
  }

  watch(): vscode.Disposable {
    // Changes are announced for every open article when the corpus changes.
    return new vscode.Disposable(() => undefined);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  private articleOf(uri: vscode.Uri): Article {
    const id = articleIdOf(uri);
    const article = id === undefined ? undefined : this.corpus.current.article(id);
    if (!article) throw vscode.FileSystemError.FileNotFound(uri);
    return article;
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
