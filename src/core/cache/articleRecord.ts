import { ArticleBase } from '../articleBase';
import { articleText, openedText, type TextSource } from '../articleText';
import type { Article, ArticleMeta, ArticleText, Paragraph, Section } from '../model';
import { parseArticle, parsedStructure, parsedText } from '../parse/article';
import {
  type ArticleStructure,
  BLOCK_KINDS,
  isWellFormed,
  makeParagraphs,
  type SectionHead,
  sectionHeads,
} from '../parse/structure';
import type { PreparedFile } from '../preparedFile';
import { textHash } from '../text/hash';
import { LineIndex } from '../text/lineIndex';

/**
 * An article's parse without its text: its metadata and its structure
 * (sections, paragraphs and sentences as offsets, see `ArticleStructure`).
 * Ids are not stored (they are made from the article id); `length` and
 * `hash` tell whether a text is the one the record was made from.
 */
export interface ArticleRecord extends ArticleStructure {
  /** The article's own id (front matter or path), before any clash is resolved. */
  readonly meta: ArticleMeta;
  /** The text's length in UTF-16 code units. */
  readonly length: number;
  /** `textHash` of the text. */
  readonly hash: number;
}

export interface RestoreOptions {
  readonly path: string;
  readonly relativePath: string;
  readonly bundled: boolean;
  /** Overrides the recorded id (the corpus uses it to resolve clashes). */
  readonly id?: string;
  /** Where the text is read from when `articleText` first asks for it. */
  readonly texts: TextSource;
}

const restored = new WeakMap<Article, ArticleRecord>();

/**
 * The record of an article. A restored article gives back its record without
 * reading its text; any other is parsed in full (all sections) if it is not yet.
 */
export function articleRecord(article: Article): ArticleRecord {
  const known = restored.get(article);
  if (known) return known;
  const text = parsedText(article) ?? articleText(article).text;
  return {
    meta: metaOf(article),
    length: text.length,
    hash: textHash(text),
    ...(parsedStructure(article) ?? structureOf(articleText(article))),
  };
}

/**
 * `textHash` of an article's text: from its record for a restored article
 * (without reading the text) unless its text was read and found stale, else
 * computed. Persisted search and entity
 * indexes use it to tell whether what they hold of an article is still true.
 */
export function contentHash(article: Article): number {
  const record = restored.get(article);
  if (!record) return textHash(parsedText(article) ?? articleText(article).text);
  // A text found stale when read is not the recorded one: what is made of it from now on is of the text as it is.
  const text = openedText(article);
  return text?.stale ? textHash(text.text) : record.hash;
}

/** Whether a record's structure fits its text length (see `isWellFormed`). */
export function isWellFormedRecord(record: ArticleRecord): boolean {
  return isWellFormed(record, record.length);
}

/**
 * An article from its record, without reading its text: metadata and section
 * headings are there at once; the text is read from `options.texts`, and
 * paragraphs and sentences made, when `articleText` first asks. If the text
 * read then is not the recorded one, its `ArticleText` says it is stale and
 * the paragraphs come from parsing the text as it is.
 */
export function restoreArticle(record: ArticleRecord, options: RestoreOptions): Article {
  const article = new RestoredArticle(record, options);
  restored.set(article, record);
  return article;
}

class RestoredArticle extends ArticleBase {
  private heads: readonly SectionHead[] | undefined;
  private sectionList: readonly Section[] | undefined;

  constructor(
    private readonly record: ArticleRecord,
    private readonly options: RestoreOptions,
  ) {
    super(record.meta, options.path, options.bundled, options.id ?? record.meta.id);
  }

  /** Section headings from the record, made on first use (a start restores thousands of articles and shows none). */
  get sections(): readonly Section[] {
    this.sectionList ??= this.headList.map(({ index, title, depth, range }) => ({ index, title, depth, range }));
    return this.sectionList;
  }

  private get headList(): readonly SectionHead[] {
    this.heads ??= sectionHeads(this.record);
    return this.heads;
  }

  openText(): ArticleText {
    const read = this.options.texts.read(this.path);
    const text = read ?? '';
    const stale = read === undefined || text.length !== this.record.length || textHash(text) !== this.record.hash;
    const paragraphs = stale
      ? this.parseAgain(text)
      : makeParagraphs(this.headList, this.record.structure, new LineIndex(text), this.id);
    const sections = this.sections.map((section, i) => ({ ...section, paragraphs: paragraphs[i] ?? [] }));
    return { article: this, text, sections, stale };
  }

  /** The paragraphs of a text that is not the recorded one, under the recorded headings. */
  private parseAgain(text: string): (readonly Paragraph[])[] {
    if (text.trim() === '') return [];
    const fresh = articleText(parseArticle({ ...this.options, text, id: this.id }).article).sections;
    return this.headList.map((_, i) => fresh[i]?.paragraphs ?? []);
  }
}

/** The structure of an article made elsewhere, from its sections. */
function structureOf(article: ArticleText): ArticleStructure {
  const numbers: number[] = [];
  for (const section of article.sections) {
    const { start, end } = section.range;
    numbers.push(
      section.depth,
      start.line,
      start.character,
      start.offset,
      end.line,
      end.character,
      end.offset,
      section.paragraphs.length,
    );
    for (const paragraph of section.paragraphs) {
      numbers.push(
        BLOCK_KINDS.indexOf(paragraph.kind),
        paragraph.range.start.offset,
        paragraph.range.end.offset,
        paragraph.sentences.length,
      );
      for (const sentence of paragraph.sentences) numbers.push(sentence.range.start.offset, sentence.range.end.offset);
    }
  }
  return { titles: article.sections.map((section) => section.title), structure: Int32Array.from(numbers) };
}

function metaOf(article: Article): ArticleMeta {
  const meta: { -readonly [K in keyof ArticleMeta]: ArticleMeta[K] } = {
    id: article.id,
    title: article.title,
    titleProvenance: article.titleProvenance,
    topics: article.topics,
  };
  if (article.publisher !== undefined) meta.publisher = article.publisher;
  if (article.date !== undefined) meta.date = article.date;
  if (article.url !== undefined) meta.url = article.url;
  if (article.summary !== undefined) meta.summary = article.summary;
  if (article.authors !== undefined) meta.authors = article.authors;
  if (article.language !== undefined) meta.language = article.language;
  if (article.citekey !== undefined) meta.citekey = article.citekey;
  if (article.doi !== undefined) meta.doi = article.doi;
  return meta;
}

/** A recorded article as a prepared file, ready for `Corpus.setPrepared`. */
export function preparedFromRecord(
  record: ArticleRecord,
  warning: string | undefined,
  options: RestoreOptions,
): PreparedFile {
  return {
    ok: true,
    article: restoreArticle(record, options),
    ...(warning === undefined ? {} : { warning }),
    withId: (id) => restoreArticle(record, { ...options, id }),
  };
}
