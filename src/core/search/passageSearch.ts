import type { Corpus } from '../corpus';
import type { Article } from '../model';
import { type ParagraphDoc, type PassageHit, paragraphHits } from './hits';
import { type EntityNames, parseQuery, toMiniSearchQuery } from './query';
import type { Segment } from './segment';
import { TermIndex } from './termIndex';
import { contentHash } from '../cache/articleRecord';

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
  /** Undefined while the entry comes from a snapshot and no article of the corpus has claimed it. */
  article: Article | undefined;
  readonly id: string;
  readonly hash: number;
  firstDoc: number;
  count: number;
  /** Per document, its section index and its paragraph's index in the section. */
  refs: Int32Array;
  done: boolean;
  removed: boolean;
}

/**
 * A search index as persisted: per article its id, content hash, first
 * document and document count (documents contiguous, in order), per document
 * where its paragraph is, and the term index.
 */
export interface SearchSnapshot {
  readonly articles: readonly (readonly [id: string, hash: number, firstDoc: number, count: number])[];
  readonly refs: Int32Array;
  readonly segment: Segment;
}

/** Where the index came from: articles taken over from a snapshot, and articles tokenized here. */
export interface SearchIndexStats {
  readonly restored: number;
  readonly indexed: number;
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
 * added, changed or removed are re-indexed. Started from a snapshot (a
 * persisted index), it takes over every article whose text is unchanged
 * without reading it, and indexes only the rest.
 */
export class PassageSearch {
  private index: TermIndex;
  private readonly indexed = new Map<string, IndexedArticle>();
  /** Entries by first document, for finding a document's article. */
  private owners: IndexedArticle[] = [];
  private pending: Article[] = [];
  private syncedVersion = -1;
  private entitiesReady = false;
  private warming: Promise<void> | undefined;
  private counts = { restored: 0, indexed: 0 };
  /** Bumped whenever the index changes; a persisted copy is current while it matches. */
  private revision = 0;

  constructor(
    private readonly corpus: Corpus,
    private readonly entities?: () => EntityNames | undefined,
    snapshot?: SearchSnapshot,
  ) {
    this.index = new TermIndex(snapshot ? [snapshot.segment] : []);
    for (const [id, hash, firstDoc, count] of snapshot?.articles ?? []) {
      const entry: IndexedArticle = {
        article: undefined,
        id,
        hash,
        firstDoc,
        count,
        refs: snapshot!.refs.subarray(firstDoc * 2, (firstDoc + count) * 2),
        done: true,
        removed: false,
      };
      this.indexed.set(id, entry);
      this.owners.push(entry);
    }
  }

  /** What the index holds that came from a snapshot, and what was indexed here. */
  get stats(): SearchIndexStats {
    return { ...this.counts };
  }

  /** Changes with every change to the index: compare to tell whether a persisted copy is current. */
  get version(): number {
    this.sync();
    return this.revision;
  }

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
        : (doc: number) => this.inScope(doc, options.articleId!, options.sectionIndex);
    const entityTerms = new Set(
      parsed.groups.filter((g) => g.entityId !== undefined).flatMap((g) => g.alternatives.flat()),
    );
    const searchOptions = {
      ...(filter ? { filter } : {}),
      boostTerm: (term: string) => (entityTerms.has(term) ? 1.5 : 1),
    };
    let results = this.index.search(toMiniSearchQuery(parsed), searchOptions);
    if (results.length === 0) results = this.index.search(toMiniSearchQuery(parsed, true), searchOptions);
    const hits: PassageHit[] = [];
    // Paragraph scores rank the candidates; the hits derived from them are re-ranked among themselves.
    const wanted = limit + 10;
    for (const result of results) {
      const doc = this.doc(result.id);
      if (!doc) continue;
      hits.push(...paragraphHits(doc, result.score, parsed, result.match));
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

  /**
   * The index as it can be persisted: compacted (documents renumbered
   * densely), with every article of the corpus indexed. Compacting replaces
   * the live index, so it is done when persisting, not on every change.
   */
  snapshot(): SearchSnapshot {
    this.buildNow();
    const { index, renumber } = this.index.compact();
    const live = this.owners.filter((entry) => !entry.removed && entry.article !== undefined);
    const refs = new Int32Array(index.nextDoc * 2);
    const articles: [string, number, number, number][] = [];
    let firstDoc = 0;
    for (const entry of live) {
      if (entry.count > 0 && renumber(entry.firstDoc) !== firstDoc) throw new Error('search index out of order');
      refs.set(entry.refs, firstDoc * 2);
      entry.firstDoc = firstDoc;
      entry.refs = refs.subarray(firstDoc * 2, (firstDoc + entry.count) * 2);
      articles.push([entry.id, entry.hash, firstDoc, entry.count]);
      firstDoc += entry.count;
    }
    this.index = index;
    this.owners = live;
    return { articles, refs, segment: index.parts[0]! };
  }

  /** The paragraph a document stands for, or undefined when it is gone. */
  private doc(id: number): ParagraphDoc | undefined {
    const entry = this.ownerOf(id);
    const article = entry?.article;
    if (!entry || !article) return undefined;
    const at = (id - entry.firstDoc) * 2;
    const sectionIndex = entry.refs[at]!;
    const paragraph = article.sections[sectionIndex]?.paragraphs[entry.refs[at + 1]!];
    return paragraph && { articleId: article.id, sectionIndex, paragraph };
  }

  private ownerOf(id: number): IndexedArticle | undefined {
    let lo = 0;
    let hi = this.owners.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const entry = this.owners[mid]!;
      if (id < entry.firstDoc) hi = mid - 1;
      else if (id >= entry.firstDoc + entry.count) lo = mid + 1;
      else return entry.removed ? undefined : entry;
    }
    return undefined;
  }

  private inScope(id: number, articleId: string, sectionIndex: number | undefined): boolean {
    const entry = this.ownerOf(id);
    return (
      entry !== undefined &&
      entry.id === articleId &&
      (sectionIndex === undefined || entry.refs[(id - entry.firstDoc) * 2] === sectionIndex)
    );
  }

  /** The entity index, once it is affordable: always when `build`, else only if an earlier call built it. */
  private entityNames(build: boolean): EntityNames | undefined {
    if (!this.entities || (!build && !this.entitiesReady)) return undefined;
    const names = this.entities();
    this.entitiesReady = true;
    return names;
  }

  /** Catches up with the corpus: drops articles that changed or left, takes over unchanged ones from a snapshot, queues new ones. */
  private sync(): void {
    if (this.syncedVersion === this.corpus.version) return;
    this.syncedVersion = this.corpus.version;
    this.entitiesReady = false;
    const current = new Map(this.corpus.articles().map((article) => [article.id, article]));
    for (const [id, entry] of this.indexed) {
      const article = current.get(id);
      if (article && article === entry.article) continue;
      if (article && entry.article === undefined && entry.done && contentHash(article) === entry.hash) {
        entry.article = article;
        this.counts.restored++;
        continue;
      }
      this.drop(entry);
    }
    for (const article of current.values()) {
      if (!this.indexed.has(article.id)) {
        const entry: IndexedArticle = {
          article,
          id: article.id,
          hash: 0,
          firstDoc: 0,
          count: 0,
          refs: new Int32Array(0),
          done: false,
          removed: false,
        };
        this.indexed.set(article.id, entry);
      }
    }
    this.pending = [...this.indexed.values()].filter((entry) => !entry.done).map((entry) => entry.article!);
  }

  private drop(entry: IndexedArticle): void {
    for (let doc = entry.firstDoc; doc < entry.firstDoc + entry.count; doc++) this.index.remove(doc);
    entry.removed = true;
    this.indexed.delete(entry.id);
    if (entry.done) this.revision++;
  }

  private indexNext(): void {
    const article = this.pending.shift();
    if (!article) return;
    const entry = this.indexed.get(article.id);
    if (!entry || entry.article !== article || entry.done) return;
    const texts: string[] = [];
    const refs: number[] = [];
    for (const section of article.sections) {
      section.paragraphs.forEach((paragraph, i) => {
        texts.push(paragraph.text);
        refs.push(section.index, i);
      });
    }
    const done: IndexedArticle = {
      ...entry,
      hash: contentHash(article),
      firstDoc: this.index.add(texts),
      count: texts.length,
      refs: Int32Array.from(refs),
      done: true,
    };
    this.indexed.set(article.id, done);
    this.owners.push(done);
    this.counts.indexed++;
    this.revision++;
  }
}
