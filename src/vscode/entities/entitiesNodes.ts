// The nodes of the Entities view: what the provider builds and the tree items show.
import type { Entity } from '../../core/entities';
import type { SourceRange } from '../../core/model';

export interface KindNode {
  readonly kind: 'kind';
  readonly id: string;
  readonly name: string;
  readonly entities: readonly EntityNode[];
}

export interface EntityNode {
  readonly kind: 'entity';
  readonly id: string;
  readonly parent: KindNode;
  readonly entity: Entity;
  readonly mentions: number;
  readonly articles: readonly MentioningArticleNode[];
}

export interface MentioningArticleNode {
  readonly kind: 'article';
  readonly id: string;
  readonly parent: EntityNode;
  readonly articleId: string;
  readonly title: string;
  readonly mentions: number;
  /** The first mention: where the article opens. */
  readonly first: SourceRange;
}

export type EntitiesNode = KindNode | EntityNode | MentioningArticleNode;
