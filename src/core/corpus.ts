import { articleText } from './articleText';
import type { Article, FileProblem, Passage, Section, Topic } from './model';
import { Library, libraryItemOf, linkLibraryItem } from './library/match';
import { parsePassageId } from './model';
import type { ArticleFile } from './parse/article';
import { slug } from './parse/articleMeta';
import { textHash } from './text/hash';
import type { Decoded } from './parse/decode';
import { type PreparedFile, prepareFile } from './preparedFile';

export interface CorpusStats {
  readonly articles: number;
  readonly sections: number;
  readonly passages: number;
}

/**
 * The loaded corpus: articles by id and by path, the problems met loading
 * them, and the topic list. Pure: it is handed file contents, never reads
 * them. Each change bumps `version`, which caches key on.
 */
export class Corpus {
  private readonly byId = new Map<string, Article>();
  private readonly idByPath = new Map<string, string>();
  private readonly problemByPath = new Map<string, FileProblem>();
  private readonly topicList = new Map<string, Topic>();
  private readonly catalogTexts = new Map<string, string>();
  private referenceLibrary = new Library();
  /** Articles by the library key they cite with, where it is not their id. */
  private readonly byCitationKey = new Map<string, Article>();
  private changeCount = 0;

  constructor(topics: readonly Topic[] = []) {
    for (const topic of topics) this.topicList.set(topic.id, topic);
  }

  get version(): number {
    return this.changeCount;
  }

  /**
   * Adds or replaces the article of `file.path` from decoded bytes. Returns
   * the problem met, if any: a skipped file is removed from the corpus, a
   * recovered one is loaded and its problem recorded too.
   */
  setFile(file: Omit<ArticleFile, 'text'>, decoded: Decoded): FileProblem | undefined {
    return this.setPrepared(file, prepareFile(file, decoded));
  }

  /**
   * Adds or replaces the article of `file.path` from a file already prepared
   * (parsed, or restored from a persisted index). An id another file holds
   * is made unique, in load order, as for `setFile`.
   */
  setPrepared(
    file: { readonly path: string; readonly relativePath?: string },
    prepared: PreparedFile,
  ): FileProblem | undefined {
    this.removeFile(file.path);
    if (!prepared.ok) return this.problem(file.path, 'skipped', prepared.reason);
    let { article } = prepared;
    const warnings = prepared.warning === undefined ? [] : [prepared.warning];
    const taken = this.byId.get(article.id);
    if (taken) {
      const id = this.pathId(article.id, file);
      warnings.push(
        `id "${article.id}" is also the id of ${taken.path}, which keeps it; this file is loaded as "${id}", made from its own path`,
      );
      article = prepared.withId(id);
    }
    this.byId.set(article.id, article);
    this.linkToLibrary(article);
    this.idByPath.set(file.path, article.id);
    this.changeCount++;
    return warnings.length > 0 ? this.problem(file.path, 'recovered', warnings.join('; ')) : undefined;
  }

  /** Removes the article (and any problem) of a path. Returns whether anything changed. */
  removeFile(path: string): boolean {
    const id = this.idByPath.get(path);
    const hadProblem = this.problemByPath.delete(path);
    if (id === undefined) {
      if (hadProblem) this.changeCount++;
      return hadProblem;
    }
    this.idByPath.delete(path);
    const removed = this.byId.get(id);
    this.byId.delete(id);
    for (const [key, article] of this.byCitationKey) if (article === removed) this.byCitationKey.delete(key);
    this.changeCount++;
    return true;
  }

  /** The article of an id, or of the library key it cites with (`[@thatKey]`). */
  article(id: string): Article | undefined {
    return this.byId.get(id) ?? this.byCitationKey.get(id);
  }

  /** The analyst's reference library the articles are matched to. */
  get library(): Library {
    return this.referenceLibrary;
  }

  /**
   * Matches every article to the analyst's library (by citation key, URL or
   * DOI): a matched article cites with the entry's key and metadata. Replaces
   * the library matched before.
   */
  setLibrary(library: Library): void {
    this.referenceLibrary = library;
    this.byCitationKey.clear();
    let relinked = false;
    for (const article of this.byId.values()) {
      const before = libraryItemOf(article);
      this.linkToLibrary(article);
      relinked ||= libraryItemOf(article) !== before;
    }
    // A new version makes every index of the corpus start again: only when an article's entry changed.
    if (relinked) this.changeCount++;
  }

  private linkToLibrary(article: Article): void {
    const item = this.referenceLibrary.match(article);
    linkLibraryItem(article, item);
    if (item && item.key !== article.id && !this.byCitationKey.has(item.key)) this.byCitationKey.set(item.key, article);
  }

  articleAt(path: string): Article | undefined {
    const id = this.idByPath.get(path);
    return id === undefined ? undefined : this.byId.get(id);
  }

  articles(): Article[] {
    return [...this.byId.values()];
  }

  paths(): string[] {
    return [...this.idByPath.keys()];
  }

  get size(): number {
    return this.byId.size;
  }

  problems(): FileProblem[] {
    return [...this.problemByPath.values()];
  }

  /** Records an entity catalog file (YAML or JSON text) found beside the articles. */
  setCatalog(path: string, text: string): void {
    this.catalogTexts.set(path, text);
    this.changeCount++;
  }

  /** The entity catalog files, as `{ path, text }`, for the entity index to parse. */
  catalogs(): { path: string; text: string }[] {
    return [...this.catalogTexts].map(([path, text]) => ({ path, text }));
  }

  /** Known topics: the topic list, plus any topic an article names that the list lacks. */
  topics(): Topic[] {
    const topics = new Map(this.topicList);
    for (const article of this.byId.values()) {
      for (const id of article.topics) if (!topics.has(id)) topics.set(id, { id, label: id });
    }
    return [...topics.values()];
  }

  topic(id: string): Topic {
    return this.topicList.get(id) ?? { id, label: id };
  }

  /** A passage by its stable id (`article#paragraph` or `article#paragraph.sentence`). */
  passage(id: string): Passage | undefined {
    const ref = parsePassageId(id);
    const article = ref && this.byId.get(ref.articleId);
    if (!ref || !article) return undefined;
    let seen = 0;
    for (const section of articleText(article).sections) {
      const local = ref.paragraph - seen;
      const paragraph = section.paragraphs[local];
      if (paragraph) {
        if (ref.sentence === undefined) return toPassage(article.id, section, 'paragraph', paragraph);
        const sentence = paragraph.sentences[ref.sentence];
        return sentence && toPassage(article.id, section, 'sentence', sentence);
      }
      seen += section.paragraphs.length;
    }
    return undefined;
  }

  /** Every sentence of every article, in corpus order. Parses articles not yet parsed. */
  *sentences(): Iterable<Passage> {
    for (const article of this.byId.values()) yield* articleSentences(article);
  }

  stats(): CorpusStats {
    let sections = 0;
    let passages = 0;
    for (const article of this.byId.values()) {
      sections += article.sections.length;
      for (const section of articleText(article).sections)
        for (const paragraph of section.paragraphs) passages += paragraph.sentences.length;
    }
    return { articles: this.byId.size, sections, passages };
  }

  private problem(path: string, outcome: FileProblem['outcome'], reason: string): FileProblem {
    const problem = { path, outcome, reason };
    this.problemByPath.set(path, problem);
    this.changeCount++;
    return problem;
  }

  /**
   * The id of a file whose own id another file holds: made from its path, so
   * it never moves to another file when files come and go (a numbered
   * `same-2` would pass to the next file claiming `same`, and a citation of
   * it would silently land there). The path's hash settles the rare clash of
   * two such ids.
   */
  private pathId(id: string, file: { readonly path: string; readonly relativePath?: string }): string {
    const name = slug((file.relativePath ?? file.path).replace(/\.[^./]+$/, ''));
    const readable = `${id}--${name}`;
    return this.byId.has(readable) ? `${readable}-${textHash(file.path).toString(36)}` : readable;
  }
}

/** The sentences of one article as passages. */
export function* articleSentences(article: Article): Iterable<Passage> {
  for (const section of articleText(article).sections) {
    for (const paragraph of section.paragraphs) {
      for (const sentence of paragraph.sentences) yield toPassage(article.id, section, 'sentence', sentence);
    }
  }
}

function toPassage(
  articleId: string,
  section: Section,
  kind: Passage['kind'],
  unit: { id: string; text: string; range: Passage['range'] },
): Passage {
  return { id: unit.id, articleId, sectionIndex: section.index, kind, text: unit.text, range: unit.range };
}
