import * as vscode from 'vscode';
import { articleFilter, type MentionLookup } from '../../core/articleFilter';
import type { Article } from '../../core/model';
import { type PassageSearch, searchIndexFor } from '../../core/search';
import { type Grouping, outlineArticle, outlineSections, topicTree } from '../../core/topicTree';
import type { CitedByService } from '../citedBy/citedByService';
import type { CorpusService } from '../corpus/corpusService';
import type { ArticleNode, GroupNode, SectionNode, TopicsNode } from './topicsNodes';
import { topicsTreeItem } from './topicsTreeItems';

/**
 * The Topics view's data: groups (topic, publisher or year) → articles →
 * sections, from the same core functions as `sourcebook topics`. Nodes are
 * built once per corpus load, grouping and filter; every node has an id made
 * of its path, so VS Code keeps what was expanded across refreshes.
 */
export class TopicsTreeProvider implements vscode.TreeDataProvider<TopicsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TopicsNode | TopicsNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: GroupNode[] | undefined;
  private groupingValue: Grouping;
  private filterValue: string | undefined;
  /** While the filter reads a search index still being built: done when it is, and the tree shown again. */
  private indexing: Promise<void> | undefined;
  private warming: AbortController | undefined;
  private readonly subscription: vscode.Disposable;
  /** The "cited in" count each article row was last drawn with. */
  private readonly drawnCounts = new Map<string, number>();

  constructor(
    private readonly corpus: CorpusService,
    grouping: Grouping,
    /** The entity index of the current corpus, when there is one: the filter then matches entities by any name. */
    private readonly entities: () => MentionLookup | undefined = () => undefined,
    /** Who cites what: each article says how many notes cite it. */
    private readonly citedBy?: CitedByService,
  ) {
    this.groupingValue = grouping;
    this.subscription = vscode.Disposable.from(
      corpus.onDidChange(() => {
        this.warming?.abort();
        this.refresh();
      }),
      // The tree is the same: only the rows whose count changed are drawn again.
      citedBy?.onDidChange(() => this.redrawCounts()) ?? { dispose: () => undefined },
    );
  }

  get grouping(): Grouping {
    return this.groupingValue;
  }

  set grouping(grouping: Grouping) {
    if (grouping === this.groupingValue) return;
    this.groupingValue = grouping;
    this.refresh();
  }

  /** The text the articles are filtered by, if any. */
  get filter(): string | undefined {
    return this.filterValue;
  }

  set filter(query: string | undefined) {
    const normalized = query?.trim() || undefined;
    if (normalized === this.filterValue) return;
    this.filterValue = normalized;
    this.refresh();
  }

  /**
   * Filters by `query` (blank: no filter) and resolves once the tree shows
   * the whole answer: the filter matches text by the search index, and an
   * index still being built answers for what it holds so far.
   */
  async applyFilter(query: string | undefined): Promise<void> {
    this.filter = query;
    this.rootNodes();
    await this.indexing;
  }

  /** Whether the filtered tree is from a search index still being built (more articles may match). */
  get filterIndexing(): boolean {
    return this.indexing !== undefined;
  }

  /** Rebuilds the nodes from the current corpus and tells the view. */
  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: TopicsNode): Promise<TopicsNode[]> {
    if (!node) {
      // A failed load is reported by the corpus service; the view shows what there is.
      await this.corpus.ready.catch(() => undefined);
      return [...this.rootNodes()];
    }
    if (node.kind === 'group') return [...node.articles];
    if (node.kind === 'article') return [...node.sections];
    return [];
  }

  getTreeItem(node: TopicsNode): vscode.TreeItem {
    const cited = node.kind === 'article' ? (this.citedBy?.noteCount(node.article.id) ?? 0) : 0;
    if (node.kind === 'article') this.drawnCounts.set(node.article.id, cited);
    return topicsTreeItem(node, this.filterValue !== undefined, cited);
  }

  getParent(node: TopicsNode): TopicsNode | undefined {
    return node.kind === 'group' ? undefined : node.parent;
  }

  /** The groups shown now, built from the corpus as it is. */
  rootNodes(): readonly GroupNode[] {
    this.roots ??= this.build();
    return this.roots;
  }

  /** How many distinct articles the view shows, and how many the corpus has. */
  counts(): { shown: number; total: number } {
    const shown = new Set(this.rootNodes().flatMap((group) => group.articles.map((node) => node.article.id)));
    return { shown: shown.size, total: this.corpus.current.size };
  }

  /** The first node of an article in the tree as shown, if it is shown. */
  findArticle(articleId: string): ArticleNode | undefined {
    for (const group of this.rootNodes()) {
      const found = group.articles.find((node) => node.article.id === articleId);
      if (found) return found;
    }
    return undefined;
  }

  private build(): GroupNode[] {
    const corpus = this.corpus.current;
    const filter =
      this.filterValue === undefined
        ? undefined
        : articleFilter(this.filterValue, this.wordsOf(searchIndexFor(corpus)), this.entities());
    return topicTree(corpus, this.groupingValue, filter).map((group) => {
      const articles: ArticleNode[] = [];
      const node: GroupNode = {
        kind: 'group',
        // A filtered tree has ids of its own: it opens expanded, and clearing the filter brings back what was expanded before.
        id: `${this.filterValue === undefined ? '' : 'filtered/'}${this.groupingValue}:${encodeURIComponent(group.key)}`,
        grouping: this.groupingValue,
        key: group.key,
        label: group.label,
        ...(group.description ? { description: group.description } : {}),
        articles,
      };
      articles.push(...group.articles.map((article) => articleNode(node, article)));
      return node;
    });
  }

  /** Draws again the article rows whose "cited in" count changed since they were last drawn. */
  private redrawCounts(): void {
    if (!this.citedBy || !this.roots) return;
    const counts = this.citedBy.articleCounts();
    const changed: ArticleNode[] = [];
    for (const group of this.roots)
      for (const node of group.articles) {
        const count = counts.get(node.article.id) ?? 0;
        if (count !== (this.drawnCounts.get(node.article.id) ?? 0)) changed.push(node);
      }
    if (changed.length > 0) this.changed.fire(changed);
  }

  /** The search index as the filter reads it: whole, or as built so far (the tree is then built again when it is whole). */
  private wordsOf(index: PassageSearch) {
    const partial = !index.complete;
    if (partial && !this.indexing) {
      // In the parse workers, as the quote picker's warm-up is; given up when the corpus changes.
      const warming = (this.warming = new AbortController());
      this.indexing = index
        .warm(warming.signal, this.corpus.analyser)
        .catch(() => undefined)
        .then(() => {
          this.indexing = undefined;
          this.refresh();
        });
    }
    return { articlesWith: (word: string) => index.articlesWith(word, { partial }) };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function articleNode(parent: GroupNode, article: Article): ArticleNode {
  let sections: SectionNode[] | undefined;
  const node: ArticleNode = {
    kind: 'article',
    id: `${parent.id}/${encodeURIComponent(article.id)}`,
    parent,
    article: outlineArticle(article),
    get sections() {
      sections ??= outlineSections(article).map((section) => ({
        kind: 'section',
        id: `${node.id}#${section.index}`,
        parent: node,
        articleId: article.id,
        section,
      }));
      return sections;
    },
  };
  return node;
}
