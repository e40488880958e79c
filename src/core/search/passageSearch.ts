import MiniSearch, { type SearchResult } from 'minisearch';
import type { Corpus } from '../corpus';
import type { Article } from '../model';
import { type ParagraphDoc, type PassageHit, paragraphHits } from './hits';
import { type EntityNames, parseQuery, toMiniSearchQuery } from './query';
import { processTerm, tokenize } from './terms';

export interface PassageSearchOptions {
  /** Most hits to return (default 20). */
  readonly limit?: number;
  /** Only passages of this article… */
  readonly articleId?: string;
  /** …and of this section of it. */
  readonly sectionIndex?: number;
  /**
   * Search what is indexed so far instead of finishing the index first: for
   * search-as-you-type while the index warms up in the background.
   */
  readonly partial?: boolean;
}

interface IndexedArticle {
  readonly article: Article;
  readonly docIds: number[];
  done: boolean;
}

/** How long one slice of background indexing may run before it yields. */
const SLICE_MS = 12;

/**
 * Ranked full-text search over the paragraphs of a corpus, answering with
 * sentences (or paragraphs, when the matches span sentences). Paragraphs are
 * the indexed documents: fewer than sentences, and a sentence hit is derived
 * from its paragraph's match positions.
 *
 * The index is built lazily: `warm()` indexes in slices that yield to the
 * event loop, `search()` finishes it synchronously first (unless `partial`).
 * It follows the corpus: when `corpus.version` changes, only the articles
 * added, changed or removed are re-indexed.
 */
export class PassageSearch {
  private readonly mini = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize,
    processTerm,
  });
  private readonly docs = new Map<number, ParagraphDoc>();
  private readonly indexed = new Map<string, IndexedArticle>();
  private pending: Article[] = [];
  private syncedVersion = -1;
  private nextId = 0;
  private entitiesReady = false;
  private warming: Promise<void> | undefined;

  constructor(
    private readonly corpus: Corpus,
    private readonly entities?: () => EntityNames | undefined,
  ) {}

  /** Articles indexed and still to index. */
  get progress(): { readonly indexed: number; readonly total: number } {
    this.sync();
    return { indexed: this.indexed.size - this.pending.length, total: this.indexed.size };
  }

  get complete(): boolean {
    this.sync();
    return this.pending.length === 0;
  }

  /**
   * Indexes what is left in slices of a few milliseconds, yielding in
   * between; resolves when done, or early once `signal` is aborted (e.g. the
   * corpus was replaced by a reload).
   */
  warm(signal?: AbortSignal): Promise<void> {
    this.warming ??= (async () => {
      while (!this.complete && !signal?.aborted) {
        const started = Date.now();
        while (this.pending.length > 0 && Date.now() - started < SLICE_MS) this.indexNext();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (this.complete) this.entityNames(true);
    })().finally(() => {
      this.warming = undefined;
    });
    return this.warming;
  }

  /** Indexes everything left, now. */
  buildNow(): void {
    this.sync();
    while (this.pending.length > 0) this.indexNext();
  }

  /**
   * Passages matching `query`, best first: every word must match (the last
   * one as a prefix while it is being typed), quoted phrases must appear as
   * written, an entity name matches any of its aliases. Falls back to fuzzy
   * matching when nothing matches exactly. An empty query lists the passages
   * of the scope (`articleId`, `sectionIndex`) in order, or nothing without one.
   */
  search(query: string, options: PassageSearchOptions = {}): PassageHit[] {
    const limit = options.limit ?? 20;
    if (options.partial) this.sync();
    else this.buildNow();
    const parsed = parseQuery(query, this.entityNames(!options.partial));
    if (parsed.groups.length === 0)
      return options.articleId === undefined ? [] : this.browse(options.articleId, options.sectionIndex, limit);
    const filter =
      options.articleId === undefined
        ? undefined
        : (result: SearchResult) => this.inScope(result.id as number, options.articleId!, options.sectionIndex);
    const entityTerms = new Set(
      parsed.groups.filter((g) => g.entityId !== undefined).flatMap((g) => g.alternatives.flat()),
    );
    const searchOptions = {
      ...(filter ? { filter } : {}),
      boostTerm: (term: string) => (entityTerms.has(term) ? 1.5 : 1),
    };
    let results = this.mini.search(toMiniSearchQuery(parsed), searchOptions);
    if (results.length === 0) results = this.mini.search(toMiniSearchQuery(parsed, true), searchOptions);
    const hits: PassageHit[] = [];
    // Paragraph scores rank the candidates; the hits derived from them are re-ranked among themselves.
    const wanted = limit + 10;
    for (const result of results) {
      const doc = this.docs.get(result.id as number);
      if (!doc) continue;
      hits.push(...paragraphHits(doc, result.score, parsed, new Set(Object.keys(result.match))));
      if (hits.length >= wanted) break;
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The sentences of an article (or one of its sections), in order, as unranked hits. */
  browse(articleId: string, sectionIndex: number | undefined, limit = 50): PassageHit[] {
    const article = this.corpus.article(articleId);
    if (!article) return [];
    const hits: PassageHit[] = [];
    for (const section of article.sections) {
      if (sectionIndex !== undefined && section.index !== sectionIndex) continue;
      for (const paragraph of section.paragraphs) {
        for (const sentence of paragraph.sentences) {
          if (hits.length >= limit) return hits;
          hits.push({
            passageId: sentence.id,
            articleId,
            sectionIndex: section.index,
            kind: 'sentence',
            text: sentence.text,
            score: 0,
            matches: [],
          });
        }
      }
    }
    return hits;
  }

  private inScope(id: number, articleId: string, sectionIndex: number | undefined): boolean {
    const doc = this.docs.get(id);
    return (
      doc !== undefined &&
      doc.articleId === articleId &&
      (sectionIndex === undefined || doc.sectionIndex === sectionIndex)
    );
  }

  /** The entity index, once it is affordable: always when `build`, else only if an earlier call built it. */
  private entityNames(build: boolean): EntityNames | undefined {
    if (!this.entities || (!build && !this.entitiesReady)) return undefined;
    const names = this.entities();
    this.entitiesReady = true;
    return names;
  }

  /** Catches up with the corpus: drops articles that changed or left, queues new ones. */
  private sync(): void {
    if (this.syncedVersion === this.corpus.version) return;
    this.syncedVersion = this.corpus.version;
    this.entitiesReady = false;
    const current = new Map(this.corpus.articles().map((article) => [article.id, article]));
    for (const [id, entry] of this.indexed) {
      if (current.get(id) === entry.article) continue;
      for (const docId of entry.docIds) {
        if (this.mini.has(docId)) this.mini.discard(docId);
        this.docs.delete(docId);
      }
      this.indexed.delete(id);
    }
    for (const article of current.values()) {
      if (!this.indexed.has(article.id)) this.indexed.set(article.id, { article, docIds: [], done: false });
    }
    this.pending = [...this.indexed.values()].filter((entry) => !entry.done).map((entry) => entry.article);
  }

  private indexNext(): void {
    const article = this.pending.shift();
    if (!article) return;
    const entry = this.indexed.get(article.id);
    if (!entry || entry.article !== article || entry.done) return;
    entry.done = true;
    for (const section of article.sections) {
      for (const paragraph of section.paragraphs) {
        const id = this.nextId++;
        this.docs.set(id, { articleId: article.id, sectionIndex: section.index, paragraph });
        entry.docIds.push(id);
        this.mini.add({ id, text: paragraph.text });
      }
    }
  }
}
