import type { Article, ArticleMeta, ArticleText, Section } from './model';

/**
 * The metadata half of an article, copied from its `ArticleMeta`. Subclasses
 * say where the headings and the text come from: a fresh parse, or a record
 * of the persisted index.
 */
export abstract class ArticleBase implements Article {
  readonly id: string;
  readonly title: string;
  readonly titleProvenance: ArticleMeta['titleProvenance'];
  readonly publisher?: string;
  readonly date?: string;
  readonly url?: string;
  readonly topics: readonly string[];
  readonly summary?: string;
  readonly authors?: readonly string[];
  readonly language?: string;
  readonly citekey?: string;
  readonly doi?: string;

  constructor(
    meta: ArticleMeta,
    readonly path: string,
    readonly bundled: boolean,
    id: string = meta.id,
  ) {
    this.id = id;
    this.title = meta.title;
    this.titleProvenance = meta.titleProvenance;
    this.topics = meta.topics;
    // Optional fields stay absent, not undefined, so records and JSON stay as small as the metadata.
    if (meta.publisher !== undefined) this.publisher = meta.publisher;
    if (meta.date !== undefined) this.date = meta.date;
    if (meta.url !== undefined) this.url = meta.url;
    if (meta.summary !== undefined) this.summary = meta.summary;
    if (meta.authors !== undefined) this.authors = meta.authors;
    if (meta.language !== undefined) this.language = meta.language;
    if (meta.citekey !== undefined) this.citekey = meta.citekey;
    if (meta.doi !== undefined) this.doi = meta.doi;
  }

  abstract get sections(): readonly Section[];

  /** The article's text and paragraphs, made anew: call `articleText`, which keeps them. */
  abstract openText(): ArticleText;
}
