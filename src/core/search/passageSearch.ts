import type { Corpus } from '../corpus';
import type { Article } from '../model';
import { type ParagraphDoc, type PassageHit, paragraphHits } from './hits';
import { type EntityNames, parseQuery, toMiniSearchQuery } from './query';
import {
  compactIndex,
  type IndexedArticle,
  ownerOf,
  inScope,
  paragraphDoc,
  type PassageSearchOptions,
  type SearchIndexStats,
  type SearchSnapshot,
  snapshotEntries,
  unindexedEntry,
} from './indexedArticles';
import { finish, nextTurn, type Steps } from '../steps';
import { TermIndex } from './termIndex';
import { processTerm, tokenize } from './terms';
import { articleDocs, articleSentences, type DocumentAnalyser, nextBatch } from './warmBatch';
import { contentHash } from '../cache/articleRecord';

export type { PassageSearchOptions, SearchIndexStats, SearchSnapshot } from './indexedArticles';
export type { DocumentAnalyser } from './warmBatch';

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
    for (const entry of snapshot ? snapshotEntries(snapshot) : []) {
      this.indexed.set(entry.id, entry);
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

  /** Indexes what is left in slices, yielding between (tokenized by `analyser`, a worker, until it fails once); resolves when done or `signal` aborts. */
  warm(signal?: AbortSignal, analyser?: DocumentAnalyser): Promise<void> {
    this.warming ??= (async () => {
      let offThread = analyser;
      while (!this.complete && !signal?.aborted) {
        const started = Date.now();
        if (offThread && (await this.indexBatch(offThread, signal))) continue;
        offThread = undefined;
        while (this.pending.length > 0 && Date.now() - started < SLICE_MS) this.indexNext();
        await nextTurn();
      }
      if (this.complete) this.entityNames(true);
    })().finally(() => {
      this.warming = undefined;
    });
    return this.warming;
  }

  /** Has the analyser tokenize the next articles and adds them (not one indexed or changed meanwhile); false when it could not. */
  private async indexBatch(analyser: DocumentAnalyser, signal?: AbortSignal): Promise<boolean> {
    const batch = nextBatch(this.pending, SLICE_MS);
    const docs = await analyser(
      batch.flatMap((item) => item.texts),
      signal,
    );
    if (!docs) return signal?.aborted ?? false;
    this.sync();
    let at = 0;
    let started = Date.now();
    for (const { article, texts, refs } of batch) {
      if (Date.now() - started > SLICE_MS) started = await nextTurn(); // adding makes segments: a slice at a time
      const analysed = docs.slice(at, (at += texts.length));
      const entry = this.indexed.get(article.id);
      if (entry?.article === article && !entry.done)
        this.record(article, entry, this.index.addAnalysed(analysed), refs);
    }
    const taken = new Set(batch.map((item) => item.article));
    this.pending = this.pending.filter((article) => !taken.has(article));
    return true;
  }

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
    const scopeArticleId = options.articleId;
    const filter =
      scopeArticleId === undefined
        ? undefined
        : (doc: number) => this.inScope(doc, scopeArticleId, options.sectionIndex);
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

  /**
   * The ids of the articles with a paragraph holding every term of `word`,
   * each as a prefix (as `search` matches the word being typed); undefined
   * when the word has no term the index keeps (a stop word). With `partial`,
   * from what is indexed so far.
   */
  articlesWith(word: string, options: { readonly partial?: boolean } = {}): Set<string> | undefined {
    if (!tokenize(word).some((token) => processTerm(token) !== null)) return undefined;
    if (options.partial) this.sync();
    else this.buildNow();
    const found = new Set<string>();
    for (const result of this.index.search({ combineWith: 'AND', queries: [word], prefix: true })) {
      const entry = this.ownerOf(result.id);
      if (entry) found.add(entry.id);
    }
    return found;
  }

  /** The sentences of an article (or one of its sections), in order, as unranked hits. */
  browse(articleId: string, sectionIndex: number | undefined, limit = 50): PassageHit[] {
    const article = this.corpus.article(articleId);
    return article ? articleSentences(article, sectionIndex, limit) : [];
  }

  /**
   * The index as it can be persisted: compacted (documents renumbered
   * densely), with every article of the corpus indexed. Compacting replaces
   * the live index, so it is done when persisting, not on every change.
   */
  snapshot(): SearchSnapshot {
    const snapshot = finish(this.snapshotSteps());
    if (!snapshot) throw new Error('the search index changed while it was compacted');
    return snapshot;
  }

  /**
   * `snapshot` in steps, for a thread that must not be held: run them a few
   * at a time. Undefined when the index changed before they were done (the
   * corpus changed): the compaction is dropped and the live index kept.
   */
  *snapshotSteps(): Steps<SearchSnapshot | undefined> {
    this.buildNow();
    const revision = this.version;
    const compacted = yield* compactIndex(this.index, this.owners, () => this.version === revision);
    if (!compacted) return undefined;
    this.index = compacted.index;
    this.owners = compacted.owners;
    return compacted.snapshot;
  }

  /** The paragraph a document stands for, or undefined when it is gone. */
  private doc(id: number): ParagraphDoc | undefined {
    const entry = this.ownerOf(id);
    return entry && paragraphDoc(entry, id);
  }

  private ownerOf(id: number): IndexedArticle | undefined {
    return ownerOf(this.owners, id);
  }

  private inScope(id: number, articleId: string, sectionIndex: number | undefined): boolean {
    return inScope(this.ownerOf(id), id, articleId, sectionIndex);
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
      if (!this.indexed.has(article.id)) this.indexed.set(article.id, unindexedEntry(article));
    }
    this.pending = [...this.indexed.values()].flatMap((entry) => (!entry.done && entry.article ? [entry.article] : []));
  }

  private drop(entry: IndexedArticle): void {
    for (let doc = entry.firstDoc; doc < entry.firstDoc + entry.count; doc++) this.index.remove(doc);
    entry.removed = true;
    this.indexed.delete(entry.id);
    if (entry.done) this.revision++;
  }

  private indexNext(): void {
    const article = this.pending.shift();
    const entry = article && this.indexed.get(article.id);
    if (!article || !entry || entry.article !== article || entry.done) return;
    const { texts, refs } = articleDocs(article);
    this.record(article, entry, this.index.add(texts), refs);
  }

  /** Records an article whose documents were just added from `firstDoc` on. */
  private record(article: Article, entry: IndexedArticle, firstDoc: number, refs: readonly number[]): void {
    const done: IndexedArticle = {
      ...entry,
      hash: contentHash(article),
      firstDoc,
      count: refs.length / 2,
      refs: Int32Array.from(refs),
      done: true,
    };
    this.indexed.set(entry.id, done);
    this.owners.push(done);
    this.counts.indexed++;
    this.revision++;
  }
}
