/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Scoring reads a segment's packed postings in the inner loop of every search; the offsets come from the
   segment (validated by `Segment.check` when read from disk), so the reads stay plain indexing. */
import { finish, type Steps } from '../steps';
import { Segment } from './segment';
import { type AnalysedDocument, analyseDocument, processTerm, tokenize } from './terms';

export { type AnalysedDocument, analyseDocument } from './terms';

/**
 * A query tree as `toMiniSearchQuery` makes it: strings are tokenized into
 * terms; `combineWith`, `prefix` and `fuzzy` apply to what is below them.
 * The shape is MiniSearch's, so the same query can be checked against it.
 */
export interface TermQuery {
  readonly combineWith: 'AND' | 'OR';
  readonly queries: readonly (TermQuery | string)[];
  readonly prefix?: boolean;
  /** Allowed edit distance as a fraction of a term's length (≥ 1: an absolute distance), or false. */
  readonly fuzzy?: false | ((term: string) => number | false);
}

export interface TermSearchOptions {
  readonly boostTerm?: (term: string) => number;
  readonly filter?: (doc: number) => boolean;
}

/** A matching document: its score and the index terms that matched in it. */
export interface TermResult {
  readonly id: number;
  readonly score: number;
  readonly match: ReadonlySet<string>;
}

interface Accumulated {
  score: number;
  terms: string[];
  match: Set<string>;
}

/** MiniSearch's defaults, kept so ranking stays what it was. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
/** Documents added are made into a segment once this many wait, so no one segment is costly to make. */
const TAIL_DOCS = 1024;
/** The largest merge made as documents are added (a few milliseconds); larger ones wait for `compact`. */
const MERGE_DOCS = 4096;

/**
 * Full-text search over segments (see `Segment`), with documents removed by
 * id: one large segment reopened from disk, plus small ones for what changed
 * since. Scoring is MiniSearch's (BM25+, prefix and fuzzy weights, a result's
 * score times the number of query terms it matched), over the live documents,
 * so moving from MiniSearch changed no ranking (a unit test compares them).
 */
export class TermIndex {
  private segments: Segment[] = [];
  /** Documents added since the last segment was made: made into one when next searched, or once there are enough. */
  private tail: AnalysedDocument[] = [];
  private readonly removed = new Set<number>();
  private live = 0;
  private totalLength = 0;

  constructor(segments: readonly Segment[] = []) {
    for (const segment of segments) this.addSegment(segment);
  }

  /** The next unused document id. */
  get nextDoc(): number {
    const last = this.segments[this.segments.length - 1];
    return (last ? last.firstDoc + last.docCount : 0) + this.tail.length;
  }

  get documentCount(): number {
    this.flush();
    return this.live;
  }

  /** The segments, in document order (for persisting). */
  get parts(): readonly Segment[] {
    this.flush();
    return this.segments;
  }

  /** Whether a document is in the index (not removed). */
  has(doc: number): boolean {
    this.flush();
    return !this.removed.has(doc) && this.segmentOf(doc) !== undefined;
  }

  /** Adds documents (texts); returns the id of the first (the rest follow it). */
  add(texts: readonly string[]): number {
    return this.addAnalysed(texts.map(analyseDocument));
  }

  /** Adds documents already analysed (`analyseDocument`, perhaps on another thread); returns the id of the first. */
  addAnalysed(docs: readonly AnalysedDocument[]): number {
    const first = this.nextDoc;
    for (const doc of docs) this.tail.push(doc);
    if (this.tail.length >= TAIL_DOCS) this.flush();
    return first;
  }

  remove(doc: number): void {
    this.flush();
    const segment = this.segmentOf(doc);
    if (!segment || this.removed.has(doc)) return;
    this.removed.add(doc);
    this.live--;
    this.totalLength -= segment.docLength[doc - segment.firstDoc]!;
  }

  /**
   * One segment of the live documents, renumbered densely in their order:
   * `renumber` gives each old id its new one (−1 for a removed document).
   */
  compact(): { readonly index: TermIndex; readonly renumber: (doc: number) => number } {
    return finish(this.compactSteps());
  }

  /** `compact` as steps (see `Segment.mergeSteps`): the index as it was when they began. */
  *compactSteps(): Steps<{ readonly index: TermIndex; readonly renumber: (doc: number) => number }> {
    this.flush();
    const mapping = new Int32Array(this.nextDoc).fill(-1);
    let to = 0;
    for (const segment of this.segments)
      for (let i = 0; i < segment.docCount; i++) {
        const doc = segment.firstDoc + i;
        if (!this.removed.has(doc)) mapping[doc] = to++;
      }
    const renumber = (doc: number) => (doc >= 0 && doc < mapping.length ? mapping[doc]! : -1);
    // A copy: the index may take new segments while the steps run (the result is then stale, and dropped).
    return { index: new TermIndex([yield* Segment.mergeSteps([...this.segments], 0, to, renumber)]), renumber };
  }

  /** Documents matching `query`, best first (MiniSearch's `search`). */
  search(query: TermQuery, options: TermSearchOptions = {}): TermResult[] {
    this.flush();
    const results: TermResult[] = [];
    for (const [id, { score, terms, match }] of this.execute(query, query, options)) {
      if (options.filter && !options.filter(id)) continue;
      results.push({ id, score: score * (terms.length || 1), match });
    }
    return results.sort((a, b) => b.score - a.score);
  }

  private execute(query: TermQuery | string, parent: TermQuery, options: TermSearchOptions): Map<number, Accumulated> {
    if (typeof query !== 'string') {
      const scope: TermQuery = { ...parent, ...query };
      return combine(
        query.queries.map((sub) => this.execute(sub, scope, options)),
        query.combineWith,
      );
    }
    const terms = tokenize(query)
      .map(processTerm)
      .filter((term): term is string => !!term);
    return combine(
      terms.map((term) => this.termResults(term, parent, options)),
      parent.combineWith,
    );
  }

  /** Exact, prefix and fuzzy matches of one query term, scored (MiniSearch's `executeQuerySpec`). */
  private termResults(term: string, scope: TermQuery, options: TermSearchOptions): Map<number, Accumulated> {
    const boost = options.boostTerm?.(term) ?? 1;
    const results = new Map<number, Accumulated>();
    const derived = new Map<string, number>([[term, 1]]);
    if (scope.prefix)
      for (const segment of this.segments)
        for (const t of segment.withPrefix(term)) {
          const found = segment.terms[t]!;
          const distance = found.length - term.length;
          if (distance > 0) derived.set(found, (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance));
        }
    const fraction = scope.fuzzy ? scope.fuzzy(term) : false;
    if (fraction) {
      const maxDistance = fraction < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fraction)) : fraction;
      if (maxDistance)
        for (const segment of this.segments)
          for (const [t, distance] of segment.near(term, maxDistance)) {
            const found = segment.terms[t]!;
            if (distance > 0 && !derived.has(found))
              derived.set(found, (FUZZY_WEIGHT * found.length) / (found.length + distance));
          }
    }
    for (const [found, weight] of derived) this.score(term, found, weight * boost, results);
    return results;
  }

  /** Adds the BM25+ score of `derived` in every live document holding it. */
  private score(source: string, derived: string, weight: number, results: Map<number, Accumulated>): void {
    const hits: [Segment, number][] = [];
    let matching = 0;
    for (const segment of this.segments) {
      const t = segment.find(derived);
      if (t < 0) continue;
      hits.push([segment, t]);
      for (let p = segment.offsets[t]!; p < segment.offsets[t + 1]!; p += 2)
        if (!this.removed.has(segment.postings[p]!)) matching++;
    }
    if (matching === 0) return;
    const average = this.totalLength / this.live;
    const idf = Math.log(1 + (this.live - matching + 0.5) / (matching + 0.5));
    for (const [segment, t] of hits) {
      for (let p = segment.offsets[t]!; p < segment.offsets[t + 1]!; p += 2) {
        const doc = segment.postings[p]!;
        if (this.removed.has(doc)) continue;
        const tf = segment.postings[p + 1]!;
        const length = segment.docLength[doc - segment.firstDoc]!;
        const raw = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / average)));
        const result = results.get(doc);
        if (result) {
          result.score += weight * raw;
          if (!result.terms.includes(source)) result.terms.push(source);
          result.match.add(derived);
        } else results.set(doc, { score: weight * raw, terms: [source], match: new Set([derived]) });
      }
    }
  }

  /**
   * Makes the documents added since into a segment; then merges the last two
   * (never the first, the one a start reopens) while of about one size and
   * together small: segments stay few, no merge here is large.
   */
  private flush(): void {
    if (this.tail.length === 0) return;
    const docs = this.tail;
    this.tail = [];
    const first = this.nextDoc;
    this.addSegment(Segment.build(first, docs));
    for (let n = this.segments.length; n > 2; n = this.segments.length) {
      const [a, b] = [this.segments[n - 2]!, this.segments[n - 1]!];
      if (b.docCount * 2 < a.docCount || a.docCount + b.docCount > MERGE_DOCS) break;
      this.segments.splice(
        n - 2,
        2,
        Segment.merge([a, b], a.firstDoc, a.docCount + b.docCount, (doc) => doc),
      );
    }
  }

  private addSegment(segment: Segment): void {
    this.segments.push(segment);
    this.live += segment.docCount;
    for (const length of segment.docLength) this.totalLength += length;
  }

  private segmentOf(doc: number): Segment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const segment = this.segments[mid]!;
      if (doc < segment.firstDoc) hi = mid - 1;
      else if (doc >= segment.firstDoc + segment.docCount) lo = mid + 1;
      else return segment;
    }
    return undefined;
  }
}

/** MiniSearch's combinators: AND keeps documents in every result (in the last one's order), OR in any. */
function combine(results: Map<number, Accumulated>[], how: 'AND' | 'OR'): Map<number, Accumulated> {
  if (results.length === 0) return new Map();
  return results.reduce((a, b) => {
    if (how === 'OR') {
      for (const [doc, next] of b) {
        const existing = a.get(doc);
        if (!existing) a.set(doc, next);
        else {
          existing.score += next.score;
          for (const term of next.match) existing.match.add(term);
          for (const term of next.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
        }
      }
      return a;
    }
    const combined = new Map<number, Accumulated>();
    for (const [doc, next] of b) {
      const existing = a.get(doc);
      if (!existing) continue;
      for (const term of next.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
      for (const term of next.match) existing.match.add(term);
      combined.set(doc, { score: existing.score + next.score, terms: existing.terms, match: existing.match });
    }
    return combined;
  });
}
