import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import type { LibraryItem } from '../../core/library/library';
import { citationKeyOf, type Library, libraryItemOf } from '../../core/library/match';
import type { Article } from '../../core/model';

/** The key being typed after `[@` (or `; @` inside a citation), up to the cursor. */
const TYPED_KEY = /\[(?:[^\]\n]*;\s*)?-?@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u;
/** A citation key in a pandoc citation, for hovers. */
const KEY_AT = /@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu;

interface KeyInfo {
  readonly key: string;
  readonly title: string;
  readonly year?: string;
  readonly item?: LibraryItem;
  readonly article?: Article;
}

/** Every key a note can cite: the library's entries, and the corpus articles by the key they cite with. */
function keys(library: Library, corpus: Corpus): Map<string, KeyInfo> {
  const all = new Map<string, KeyInfo>();
  for (const item of library.items)
    all.set(item.key, {
      key: item.key,
      title: item.title ?? item.key,
      ...(item.year ? { year: String(item.year) } : {}),
      item,
    });
  for (const article of corpus.articles()) {
    const key = citationKeyOf(article);
    const known = all.get(key);
    if (known) all.set(key, { ...known, article });
    else
      all.set(key, { key, title: article.title, ...(article.date ? { year: article.date.slice(0, 4) } : {}), article });
  }
  return all;
}

/** Completes citation keys after `[@`: the library's and the corpus's, with their titles and years. */
export class CitationKeyCompletions implements vscode.CompletionItemProvider {
  constructor(
    private readonly library: () => Library,
    private readonly corpus: () => Corpus,
  ) {}

  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.CompletionItem[] | undefined {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const typed = TYPED_KEY.exec(before);
    if (!typed) return undefined;
    const range = new vscode.Range(
      position.line,
      position.character - (typed[1] ?? '').length,
      position.line,
      position.character,
    );
    return [...keys(this.library(), this.corpus()).values()].map((info) => {
      const item = new vscode.CompletionItem(
        { label: info.key, description: info.year ?? '', detail: `  ${info.title}` },
        vscode.CompletionItemKind.Reference,
      );
      item.range = range;
      item.insertText = info.key;
      item.filterText = `${info.key} ${info.title}`;
      item.documentation = reference(info);
      item.sortText = `${info.item ? '0' : '1'}${info.key}`;
      return item;
    });
  }
}

/** Shows the reference of a citation key under the pointer. */
export class CitationKeyHovers implements vscode.HoverProvider {
  constructor(
    private readonly library: () => Library,
    private readonly corpus: () => Corpus,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    // A long line is looked at only around the pointer.
    const from = Math.max(0, position.character - 200);
    const window = line.slice(from, position.character + 200);
    for (const match of window.matchAll(KEY_AT)) {
      const start = from + match.index;
      const end = start + match[0].length;
      if (position.character < start || position.character > end) continue;
      if (line.lastIndexOf('[', start) === -1) return undefined;
      const info = keys(this.library(), this.corpus()).get(match[1] ?? '');
      if (!info) return undefined;
      return new vscode.Hover(reference(info), new vscode.Range(position.line, start, position.line, end));
    }
    return undefined;
  }
}

/** A key's reference as a card: authors, year, title, container; where it came from. Text only, escaped. */
function reference(info: KeyInfo): vscode.MarkdownString {
  const csl = info.item?.csl;
  const authors = csl?.author?.map((name) =>
    'literal' in name ? name.literal : [name.given, name.family].filter(Boolean).join(' '),
  );
  const byline = authors?.length ? authors.join(', ') : info.article?.authors?.join(', ');
  const container = csl?.['container-title'] ?? info.article?.publisher;
  const card = new vscode.MarkdownString();
  card.appendMarkdown('**');
  card.appendText(info.title);
  card.appendMarkdown('**\n\n');
  card.appendText([byline, info.year, container].filter((part): part is string => !!part).join(' · '));
  const article = info.article ?? undefined;
  const item = info.item ?? (article ? libraryItemOf(article) : undefined);
  card.appendMarkdown('\n\n');
  card.appendText(
    item && article
      ? `In your library (${item.source}) and the corpus`
      : item
        ? `In your library (${item.source})`
        : 'In the corpus',
  );
  return card;
}
