import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import type { PassageHit } from '../../core/search';
import { articleUri, showArticle } from '../corpus/articleDocuments';
import { sameUri, toRange } from '../convert';
import { Debouncer } from '../debouncer';

/** How long the cursor rests on an item before its article is shown: arrowing through the list opens nothing. */
const PREVIEW_DELAY_MS = 150;

/**
 * Shows the passage under the picker's cursor in its article, beside the
 * note, as Quick Open previews a file: read-only, the passage selected, the
 * searched words highlighted, the focus left in the picker. Closes what it
 * opened when disposed (an article that was already open stays).
 */
export class PassagePreview implements vscode.Disposable {
  private readonly timer = new Debouncer();
  private opened: { uri: vscode.Uri; wasOpen: boolean } | undefined;
  private disposed = false;

  constructor(private readonly corpus: Corpus) {}

  /** Previews `hit` after a short rest; nothing for an item that is not a passage. */
  show(hit: PassageHit | undefined, query: string): void {
    if (!hit) this.timer.cancel();
    else this.timer.schedule(PREVIEW_DELAY_MS, () => void this.open(hit, query));
  }

  private async open(hit: PassageHit, query: string): Promise<void> {
    const article = this.corpus.article(hit.articleId);
    const passage = this.corpus.passage(hit.passageId);
    if (this.disposed || !article || !passage) return;
    const uri = articleUri(article);
    if (!this.opened || !sameUri(this.opened.uri, uri)) {
      await this.closeOpened();
      this.opened = { uri, wasOpen: tabsOf(uri).length > 0 };
    }
    await showArticle(article, {
      range: toRange(passage.range),
      highlight: query.split(/[^\p{L}\p{N}'’-]+/u).filter((word) => word.length > 2),
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
    });
  }

  private async closeOpened(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (!opened || opened.wasOpen) return;
    await vscode.window.tabGroups.close(tabsOf(opened.uri), true);
  }

  /** Stops previewing and closes what it opened; resolves once the editor layout is back as it was. */
  async close(): Promise<void> {
    this.disposed = true;
    this.timer.cancel();
    await this.closeOpened();
  }

  dispose(): void {
    void this.close();
  }
}

function tabsOf(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputText && sameUri(tab.input.uri, uri)),
  );
}
