import * as vscode from 'vscode';
import { type EntityIndex, wholeEntityIndex } from '../../core/entities';
import type { CorpusService } from '../corpus/corpusService';
import type { EntitiesNode, EntityNode, KindNode, MentioningArticleNode } from './entitiesNodes';
import { entitiesTreeItem } from './entitiesTreeItems';

/** Kinds an analyst looks for first; any other kind follows in alphabetical order. */
const KIND_ORDER = [
  'company',
  'person',
  'product',
  'platform',
  'chip',
  'organization',
  'government',
  'place',
  'index',
  'concept',
];

/**
 * The Entities view's data: kind → entity → the articles that mention it,
 * from the entity index of the current corpus. Entities the corpus never
 * mentions are left out. Ids are stable, so expansion survives refreshes.
 */
export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntitiesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntitiesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: KindNode[] | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly corpus: CorpusService,
    /** The entity index of the current corpus. */
    readonly index: () => EntityIndex,
  ) {
    this.subscription = corpus.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: EntitiesNode): Promise<EntitiesNode[]> {
    if (!node) {
      // A failed load is reported by the corpus service; the view shows what there is.
      await this.corpus.ready.catch(() => undefined);
      await wholeEntityIndex(this.corpus.current);
      return [...this.rootNodes()];
    }
    if (node.kind === 'kind') return [...node.entities];
    if (node.kind === 'entity') return [...node.articles];
    return [];
  }

  getTreeItem(node: EntitiesNode): vscode.TreeItem {
    return entitiesTreeItem(node, (articleId) => this.corpus.current.article(articleId));
  }

  getParent(node: EntitiesNode): EntitiesNode | undefined {
    return node.kind === 'kind' ? undefined : node.parent;
  }

  rootNodes(): readonly KindNode[] {
    this.roots ??= this.build();
    return this.roots;
  }

  /** The node of an entity given by id, name or alias, if the view shows it. */
  findEntity(nameOrId: string): EntityNode | undefined {
    const index = this.index();
    const entity = index.entity(nameOrId) ?? index.resolve(nameOrId);
    if (!entity) return undefined;
    for (const kind of this.rootNodes()) {
      const found = kind.entities.find((node) => node.entity.id === entity.id);
      if (found) return found;
    }
    return undefined;
  }

  private build(): KindNode[] {
    const index = this.index();
    const corpus = this.corpus.current;
    const byKind = new Map<string, { node: KindNode; entities: EntityNode[] }>();
    const sorted = [...index.entities()].sort((a, b) => a.name.localeCompare(b.name));
    for (const entity of sorted) {
      const mentioning = index.articlesMentioning(entity.id).filter((m) => corpus.article(m.articleId));
      if (mentioning.length === 0) continue;
      let group = byKind.get(entity.kind);
      if (!group) {
        const entities: EntityNode[] = [];
        group = {
          node: { kind: 'kind', id: `kind:${encodeURIComponent(entity.kind)}`, name: entity.kind, entities },
          entities,
        };
        byKind.set(entity.kind, group);
      }
      const kind = group.node;
      const articles: MentioningArticleNode[] = [];
      const node: EntityNode = {
        kind: 'entity',
        id: `${kind.id}/${encodeURIComponent(entity.id)}`,
        parent: kind,
        entity,
        mentions: mentioning.reduce((sum, m) => sum + m.mentions, 0),
        articles,
      };
      const mentioningNodes = mentioning
        .map((m) => ({
          kind: 'article' as const,
          id: `${node.id}/${encodeURIComponent(m.articleId)}`,
          parent: node,
          articleId: m.articleId,
          title: corpus.article(m.articleId)?.title ?? m.articleId,

          mentions: m.mentions,
          first: m.first,
        }))
        .sort((a, b) => b.mentions - a.mentions || a.title.localeCompare(b.title));
      articles.push(...mentioningNodes);
      group.entities.push(node);
    }
    return [...byKind.values()]
      .map((g) => g.node)
      .sort((a, b) => kindRank(a.name) - kindRank(b.name) || a.name.localeCompare(b.name));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function kindRank(kind: string): number {
  const rank = KIND_ORDER.indexOf(kind);
  return rank === -1 ? KIND_ORDER.length : rank;
}
