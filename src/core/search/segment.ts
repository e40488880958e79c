/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Posting lists packed in typed arrays, read in the inner loops of every search: offsets come from the
   segment itself (`check` validates a persisted one before use), so the reads stay plain indexing. */
import { finish, type Steps } from '../steps';

/**
 * A compact, immutable inverted index over a dense range of documents: a
 * sorted term list, and per term its postings as `[doc, termFrequency]`
 * pairs in one Int32Array. It is built once from tokenized documents or
 * reopened from bytes without rebuilding anything (the arrays are views on
 * the file's bytes, the terms one string split on newlines), which is what
 * makes a warm start cheap: MiniSearch's own `loadJSON` re-inserts every term
 * into its radix tree and took 1.05 s on BBC where this takes a few ms.
 */
export class Segment {
  private constructor(
    /** Id of the segment's first document; its documents are `firstDoc … firstDoc + docCount - 1`. */
    readonly firstDoc: number,
    /** Per document, the number of distinct raw tokens (what MiniSearch calls the field length). */
    readonly docLength: Int32Array,
    /** Sorted (by UTF-16 code units), distinct. */
    readonly terms: readonly string[],
    /** `terms.length + 1` offsets into `postings`, in pairs. */
    readonly offsets: Int32Array,
    readonly postings: Int32Array,
  ) {}

  get docCount(): number {
    return this.docLength.length;
  }

  /** Builds a segment from documents given as their raw tokens and their index terms (stop words left out). */
  static build(firstDoc: number, docs: readonly { readonly tokens: number; readonly terms: readonly string[] }[]) {
    const postings = new Map<string, number[]>();
    const docLength = new Int32Array(docs.length);
    docs.forEach((doc, i) => {
      docLength[i] = doc.tokens;
      const counts = new Map<string, number>();
      for (const term of doc.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push(firstDoc + i, tf);
      }
    });
    const terms = [...postings.keys()].sort(compareCodeUnits);
    return Segment.fromLists(firstDoc, docLength, terms, (term) => postings.get(term)!);
  }

  /** A segment from its parts, as stored; the caller has checked them (see `check`). */
  static fromParts(
    firstDoc: number,
    docLength: Int32Array,
    terms: readonly string[],
    offsets: Int32Array,
    postings: Int32Array,
  ): Segment {
    return new Segment(firstDoc, docLength, terms, offsets, postings);
  }

  /**
   * Merges segments into one over `firstDoc … firstDoc + docCount - 1`:
   * documents are renumbered by `renumber` (−1 drops one), term lists merged.
   * The sorted term lists are merged side by side straight into the new
   * arrays, with no list per term, so compacting a large index allocates
   * little beyond the result.
   */
  static merge(
    segments: readonly Segment[],
    firstDoc: number,
    docCount: number,
    renumber: (doc: number) => number,
  ): Segment {
    return finish(Segment.mergeSteps(segments, firstDoc, docCount, renumber));
  }

  /** `merge` as steps: yields after about `postingsPerStep` postings merged, so a caller can spread the work out. */
  static *mergeSteps(
    segments: readonly Segment[],
    firstDoc: number,
    docCount: number,
    renumber: (doc: number) => number,
    postingsPerStep = 65_536,
  ): Steps<Segment> {
    const docLength = new Int32Array(docCount);
    let bound = 0;
    let termBound = 0;
    for (const segment of segments) {
      for (let i = 0; i < segment.docCount; i++) {
        const to = renumber(segment.firstDoc + i);
        if (to >= 0) docLength[to - firstDoc] = segment.docLength[i]!;
      }
      bound += segment.postings.length;
      termBound += segment.terms.length;
    }
    const postings = new Int32Array(bound);
    const offsets = new Int32Array(termBound + 1);
    const terms: string[] = [];
    const next = new Int32Array(segments.length); // each segment's next term
    let total = 0;
    let merged = 0;
    for (;;) {
      let term: string | undefined;
      for (let s = 0; s < segments.length; s++) {
        const candidate = segments[s]!.terms[next[s]!];
        if (candidate !== undefined && (term === undefined || candidate < term)) term = candidate;
      }
      if (term === undefined) break;
      if (total - merged >= postingsPerStep) {
        merged = total;
        yield;
      }
      const start = total;
      let ascending = true;
      for (let s = 0; s < segments.length; s++) {
        const segment = segments[s]!;
        const t = next[s]!;
        if (segment.terms[t] !== term) continue;
        next[s] = t + 1;
        for (let p = segment.offsets[t]!; p < segment.offsets[t + 1]!; p += 2) {
          const to = renumber(segment.postings[p]!);
          if (to < 0) continue;
          if (total > start && postings[total - 2]! >= to) ascending = false;
          postings[total++] = to;
          postings[total++] = segment.postings[p + 1]!;
        }
      }
      if (total === start) continue;
      if (!ascending) sortPairsIn(postings, start, total);
      offsets[terms.length] = start;
      terms.push(term);
    }
    offsets[terms.length] = total;
    return new Segment(firstDoc, docLength, terms, offsets.slice(0, terms.length + 1), postings.slice(0, total));
  }

  private static fromLists(
    firstDoc: number,
    docLength: Int32Array,
    terms: readonly string[],
    list: (term: string) => readonly number[],
  ): Segment {
    const offsets = new Int32Array(terms.length + 1);
    let total = 0;
    terms.forEach((term, t) => {
      offsets[t] = total;
      total += list(term).length;
    });
    offsets[terms.length] = total;
    const postings = new Int32Array(total);
    terms.forEach((term, t) => postings.set(list(term), offsets[t]));
    return new Segment(firstDoc, docLength, terms, offsets, postings);
  }

  /** The index of `term`, or −1. */
  find(term: string): number {
    const at = lowerBound(this.terms, term);
    return this.terms[at] === term ? at : -1;
  }

  /** Indexes of the terms that start with `prefix` (including `prefix` itself). */
  *withPrefix(prefix: string): Generator<number> {
    for (let t = lowerBound(this.terms, prefix); t < this.terms.length && this.terms[t]!.startsWith(prefix); t++)
      yield t;
  }

  /** Indexes of the terms within `maxDistance` edits (Levenshtein) of `term`, with their distance. */
  *near(term: string, maxDistance: number): Generator<readonly [number, number]> {
    for (let t = 0; t < this.terms.length; t++) {
      const candidate = this.terms[t]!;
      if (Math.abs(candidate.length - term.length) > maxDistance) continue;
      const distance = editDistance(term, candidate, maxDistance);
      if (distance <= maxDistance) yield [t, distance];
    }
  }

  /**
   * What is wrong with this segment's parts, or undefined: offsets that do
   * not ascend or overrun, postings naming documents outside the segment,
   * terms out of order. Run on every segment read from disk.
   */
  check(): string | undefined {
    const { offsets, postings, terms, docLength, firstDoc } = this;
    if (offsets.length !== terms.length + 1 || offsets[0] !== 0 || offsets[terms.length] !== postings.length)
      return 'term offsets do not fit the postings';
    for (let t = 0; t < terms.length; t++) {
      if (offsets[t + 1]! < offsets[t]! || (offsets[t + 1]! - offsets[t]!) % 2 !== 0)
        return 'term offsets out of order';
      if (terms[t] === '' || (t > 0 && compareCodeUnits(terms[t - 1]!, terms[t]!) >= 0)) return 'terms out of order';
    }
    const end = firstDoc + docLength.length;
    for (let p = 0; p < postings.length; p += 2) {
      const doc = postings[p]!;
      if (doc < firstDoc || doc >= end || postings[p + 1]! < 1) return 'postings name a document out of range';
    }
    for (const length of docLength) if (length < 0) return 'a document has a negative length';
    return undefined;
  }
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index whose term is not below `key`. */
function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorts the `[doc, tf]` pairs of `postings[start, end)` by doc (a merge whose renumbering does not keep order). */
function sortPairsIn(postings: Int32Array, start: number, end: number): void {
  const pairs: [number, number][] = [];
  for (let i = start; i < end; i += 2) pairs.push([postings[i]!, postings[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  pairs.forEach(([doc, tf], i) => {
    postings[start + 2 * i] = doc;
    postings[start + 2 * i + 1] = tf;
  });
}

/** Levenshtein distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
