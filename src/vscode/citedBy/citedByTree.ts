import * as vscode from 'vscode';
import { briefText, type Citing, type CitingNote } from '../../core/citedBy';
import { toRange } from '../convert';
import type { CorpusService } from '../corpus/corpusService';
import type { CitedByService } from './citedByService';

/** What the view lists: one article's or one entity's citing notes, or every cited article. */
export type CitedByFocus =
  | { readonly kind: 'article'; readonly articleId: string }
  | { readonly kind: 'entity'; readonly entityId: string }
  | undefined;

export type CitedByNode =
  | { readonly kind: 'article'; readonly articleId: string; readonly notes: number }
  | { readonly kind: 'note'; readonly id: string; readonly uri: vscode.Uri; readonly places: readonly Citing[] }
  | { readonly kind: 'place'; readonly id: string; readonly uri: vscode.Uri; readonly place: Citing };

/**
 * The Cited by view's data: with a focus, the notes that cite the article
 * (or quote a passage naming the entity) → the places in each, which open
 * the note there; without one, every cited article → its notes → places.
 */
export class CitedByTreeProvider implements vscode.TreeDataProvider<CitedByNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CitedByNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private focusValue: CitedByFocus;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly cited: CitedByService,
    private readonly corpus: CorpusService,
  ) {
    this.subscriptions = [cited.onDidChange(() => this.refresh()), corpus.onDidChange(() => this.refresh())];
  }

  get focus(): CitedByFocus {
    return this.focusValue;
  }

  set focus(focus: CitedByFocus) {
    this.focusValue = focus;
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: CitedByNode): Promise<CitedByNode[]> {
    if (!node) {
      await this.cited.ready;
      return this.roots();
    }
    if (node.kind === 'article') return noteNodes(this.cited.citing(node.articleId), node.articleId);
    if (node.kind === 'note')
      return node.places.map((place) => ({
        kind: 'place',
        id: `${node.id}@${place.range.start.offset}`,
        uri: node.uri,
        place,
      }));
    return [];
  }

  /** The top of the tree as shown now. */
  roots(): CitedByNode[] {
    const focus = this.focusValue;
    if (focus?.kind === 'article') return noteNodes(this.cited.citing(focus.articleId), focus.articleId);
    if (focus?.kind === 'entity') return noteNodes(this.cited.mentioning(focus.entityId), `entity:${focus.entityId}`);
    const corpus = this.corpus.current;
    return [...this.cited.articleCounts()]
      .map(([articleId, notes]) => ({ kind: 'article' as const, articleId, notes }))
      .sort((a, b) => b.notes - a.notes || titleOf(corpus, a.articleId).localeCompare(titleOf(corpus, b.articleId)));
  }

  getTreeItem(node: CitedByNode): vscode.TreeItem {
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(titleOf(this.corpus.current, node.articleId));
      item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
      item.id = `article:${node.articleId}`;
      item.description = notesLabel(node.notes);
      item.iconPath = new vscode.ThemeIcon('book');
      return item;
    }
    if (node.kind === 'note') {
      const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      // A note file shows as a file (a collapsible item would get the folder icon).
      item.iconPath = vscode.ThemeIcon.File;
      const relative = vscode.workspace.asRelativePath(node.uri, false);
      const folder = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
      const places = `${node.places.length} place${node.places.length === 1 ? '' : 's'}`;
      item.description = folder === '' ? places : `${folder} · ${places}`;
      item.tooltip = relative;
      return item;
    }
    const { place } = node;
    const item = new vscode.TreeItem(briefText(place.text, 90), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = `line ${place.range.start.line + 1}`;
    item.tooltip = `${place.kind === 'quote' ? 'Quote' : 'Cited sentence'}, line ${place.range.start.line + 1}:\n${place.text}`;
    item.iconPath = new vscode.ThemeIcon(place.kind === 'quote' ? 'quote' : 'note');
    item.command = {
      command: 'vscode.open',
      title: 'Open Note',
      arguments: [
        node.uri,
        { selection: toRange(place.range), preview: true } satisfies vscode.TextDocumentShowOptions,
      ],
    };
    return item;
  }

  getParent(): CitedByNode | undefined {
    return undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}

function noteNodes(notes: readonly CitingNote[], scope: string): CitedByNode[] {
  return notes.map(({ note, places }) => ({
    kind: 'note',
    id: `${scope}/${note}`,
    uri: vscode.Uri.parse(note),
    places,
  }));
}

function titleOf(corpus: CorpusService['current'], articleId: string): string {
  return corpus.article(articleId)?.title ?? articleId;
}

export function notesLabel(notes: number): string {
  return `cited in ${notes} note${notes === 1 ? '' : 's'}`;
}
