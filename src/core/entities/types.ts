import type { SourceRange } from '../model';

/**
 * What an entity is. The catalog's vocabulary; discovery guesses one of
 * these, or `unknown` when the text gives no hint.
 */
export type EntityKind =
  | 'company'
  | 'person'
  | 'product'
  | 'platform'
  | 'chip'
  | 'organization'
  | 'government'
  | 'place'
  | 'index'
  | 'concept'
  | 'unknown'
  | (string & {});

/** Where an entity comes from: the curated catalog, or discovery in the corpus text. */
export type EntitySource = 'catalog' | 'discovered';

/** A named thing of the corpus, with every name that refers to it. */
export interface Entity {
  /** Stable slug of the canonical name (`alibaba-cloud`). */
  readonly id: string;
  /** The canonical name (`Alibaba Cloud`). */
  readonly name: string;
  readonly kind: EntityKind;
  /** Other names that resolve to this entity (not including `name`). */
  readonly aliases: readonly string[];
  /** One line, the catalog's; discovered entities have none. */
  readonly description?: string;
  readonly source: EntitySource;
  /** Entity ids: the catalog's `related`, then the entities most often mentioned in the same paragraphs. */
  readonly related: readonly string[];
}

/** One occurrence of an entity name in a text. Offsets are UTF-16, into the text that was scanned. */
export interface Mention {
  readonly entityId: string;
  readonly start: number;
  readonly end: number;
  /** The exact matched text (`text.slice(start, end)`). */
  readonly text: string;
}

/** How often one article mentions an entity, and where it first does. */
export interface ArticleMentions {
  readonly articleId: string;
  readonly mentions: number;
  readonly first: SourceRange;
}

/** A corpus sentence that speaks of an entity, with where it sits. */
export interface EvidenceSentence {
  /** Passage id of the sentence (`<articleId>#<paragraph>.<sentence>`). */
  readonly passageId: string;
  readonly articleId: string;
  readonly text: string;
  readonly range: SourceRange;
  /** Where the entity's mention sits inside `text`. */
  readonly mention: { readonly start: number; readonly end: number };
}

/** What the corpus says of one entity: the material of a hover card. */
export interface EntityEvidence {
  readonly entity: Entity;
  readonly articles: number;
  readonly mentions: number;
  /** The sentence where the corpus introduces the entity, if one mentions it. */
  readonly definition?: EvidenceSentence;
  /** Short sentences about the entity, from different articles where possible, best first. */
  readonly quotes: readonly EvidenceSentence[];
  /** Related entities with how many paragraphs mention both (0 for catalog-only relations). */
  readonly related: readonly { readonly entity: Entity; readonly paragraphs: number }[];
}
