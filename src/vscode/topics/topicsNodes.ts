// The nodes of the Topics view: what the provider builds and the tree items show.
import type { Grouping, OutlineArticle, OutlineSection } from '../../core/topicTree';

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly grouping: Grouping;
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  readonly articles: readonly ArticleNode[];
}

export interface ArticleNode {
  readonly kind: 'article';
  readonly id: string;
  readonly parent: GroupNode;
  readonly article: OutlineArticle;
  /** Parsed on first use: listing a topic does not parse its articles. */
  readonly sections: readonly SectionNode[];
}

export interface SectionNode {
  readonly kind: 'section';
  readonly id: string;
  readonly parent: ArticleNode;
  readonly articleId: string;
  readonly section: OutlineSection;
}

export type TopicsNode = GroupNode | ArticleNode | SectionNode;
