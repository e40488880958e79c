import { articleText } from '../../core/articleText';
import * as vscode from 'vscode';
import type { Article } from '../../core/model';
import type { CorpusService } from './corpusService';

export const ARTICLE_SCHEME = 'sourcebook';

/** The language of plain-text articles: plain text that wraps, since news text comes one paragraph a line. */
export const ARTICLE_TEXT_LANGUAGE = 'sourcebook-article-text';

/**
 * The read-only document URI of an article: `sourcebook:/<id>/<title>.md`
 * (`.txt` for plain-text articles), so the editor's tab shows the title.
 */
export function articleUri(article: Article): vscode.Uri {
  const extension = /\.txt$/i.test(article.path) ? '.txt' : '.md';
  return vscode.Uri.from({ scheme: ARTICLE_SCHEME, path: `/${article.id}/${fileNameOf(article.title)}${extension}` });
}

/** A title as a file name: no path separators or control characters, one line, not too long. */
function fileNameOf(title: string): string {
  const name = title
    .replace(/[\\/\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = name.length > 80 ? `${name.slice(0, 79).trimEnd()}…` : name;
  return short || 'article';
}

/** The article an article URI shows, if it is one (also the older `sourcebook:/<id>.md` form). */
export function articleIdOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== ARTICLE_SCHEME) return undefined;
  const segments = uri.path.split('/').filter((segment) => segment !== '');
  if (segments.length >= 2) return segments[0];
  return segments[0]?.replace(/\.(md|txt)$/, '');
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

  /** Registers the provider for the `sourcebook:` scheme, and shows plain-text articles in the wrapping language. */
  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.workspace.registerFileSystemProvider(ARTICLE_SCHEME, this, { isCaseSensitive: true, isReadonly: true }),
      vscode.workspace.onDidOpenTextDocument((document) => void wrappingArticle(document)),
    );
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const folder = { type: vscode.FileType.Directory, ctime: this.loadedAt, mtime: this.loadedAt, size: 0 };
    if (uri.path === '/' || /^\/[^/.]+\/?$/.test(uri.path)) return folder; // the root, or an article's folder
    const article = this.articleOf(uri);
    // The version makes VS Code re-read an open article after the corpus changed.
    return { type: vscode.FileType.File, ctime: this.loadedAt, mtime: this.loadedAt + this.corpus.current.version, size: articleText(article).text.length };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.encoder.encode(articleText(this.articleOf(uri)).text);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const articles = this.corpus.current.articles();
    if (uri.path === '/') return articles.map((article) => [article.id, vscode.FileType.Directory]);
    const article = articles.find((candidate) => candidate.id === uri.path.slice(1));
    if (!article) throw vscode.FileSystemError.FileNotFound(uri);
    return [[articleUri(article).path.split('/').pop() ?? '', vscode.FileType.File]];
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

let highlightType: vscode.TextEditorDecorationType | undefined;

/** How highlighted words look: as the editor's find shows its matches. Made once, on first use. */
function highlightDecoration(): vscode.TextEditorDecorationType {
  highlightType ??= vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchHighlightBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  return highlightType;
}

/** How to open an article: where, and which words to highlight (a searched term, a hovered name). */
export interface ShowArticleOptions {
  readonly range?: vscode.Range;
  readonly preview?: boolean;
  readonly highlight?: readonly string[];
  /** Where to open it (default: the active group) and whether the focus stays where it is. */
  readonly viewColumn?: vscode.ViewColumn;
  readonly preserveFocus?: boolean;
}

/**
 * Opens an article read-only with `range` selected and revealed at the top,
 * and the words of `highlight` marked wherever they occur (whole words,
 * ignoring case), as the editor's find does.
 */
export async function showArticle(article: Article, options: ShowArticleOptions = {}): Promise<vscode.TextEditor> {
  const { range, preview = true, viewColumn, preserveFocus = false } = options;
  const document = await wrappingArticle(await vscode.workspace.openTextDocument(articleUri(article)));
  const editor = await vscode.window.showTextDocument(document, {
    preview,
    preserveFocus,
    ...(viewColumn === undefined ? {} : { viewColumn }),
    ...(range ? { selection: range } : {}),
  });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  editor.setDecorations(highlightDecoration(), highlightRanges(document, options.highlight ?? []));
  return editor;
}

/** A plain-text article in the article language, which wraps long lines (plain text does not, by default). */
async function wrappingArticle(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  if (document.uri.scheme !== ARTICLE_SCHEME || document.languageId !== 'plaintext') return document;
  return vscode.languages.setTextDocumentLanguage(document, ARTICLE_TEXT_LANGUAGE);
}

function highlightRanges(document: vscode.TextDocument, words: readonly string[]): vscode.Range[] {
  const terms = words.map((word) => word.trim()).filter((word) => word.length > 1);
  if (terms.length === 0) return [];
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const text = document.getText();
  const ranges: vscode.Range[] = [];
  for (const match of text.matchAll(pattern)) {
    ranges.push(new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length)));
    if (ranges.length >= 1000) break;
  }
  return ranges;
}
