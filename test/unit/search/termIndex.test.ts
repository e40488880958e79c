import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Segment } from '../../../src/core/search/segment';
import { analyseDocument, type TermQuery, TermIndex } from '../../../src/core/search/termIndex';
import { processTerm, tokenize } from '../../../src/core/search/terms';

const WORDS = [
  'oil',
  'oils',
  'oiled',
  'price',
  'prices',
  'priced',
  'pride',
  'market',
  'markets',
  'bank',
  'banking',
  'the',
  'of',
  'Müller',
  'muller',
  'growth',
  'grow',
  'rate',
  'rates',
];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }).map((words) => words.join(' '));
const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);
const group = fc.record({
  alternatives: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), {
    minLength: 1,
    maxLength: 2,
  }),
  prefix: fc.boolean(),
});
const query = fc
  .record({ groups: fc.array(group, { minLength: 1, maxLength: 3 }), fuzzy: fc.boolean() })
  .map(({ groups, fuzzy: isFuzzy }): TermQuery => ({
    combineWith: 'AND',
    queries: groups.map((g) => ({
      combineWith: 'OR',
      queries: g.alternatives.map((alt) => ({
        combineWith: 'AND',
        queries: [alt.join(' ')],
        prefix: g.prefix,
        fuzzy: isFuzzy ? fuzzy : false,
      })),
    })),
  }));

/** MiniSearch over the documents left after the removals (its own `discard` counts a discarded document in a term's frequency until it vacuums). */
function miniSearchOf(docs: readonly string[], removed: ReadonlySet<number>) {
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize, processTerm });
  docs.forEach((doc, id) => {
    if (!removed.has(id)) mini.add({ id, text: doc });
  });
  return mini;
}

describe('TermIndex', () => {
  it('ranks exactly as MiniSearch over the same documents: same results, scores and matched terms', () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        query,
        (docs, removals, batches, q) => {
          const removed = new Set(removals.map((n) => n % docs.length));
          const index = new TermIndex();
          // Added in several batches, searched in between, so several segments are merged and searched.
          const size = Math.ceil(docs.length / batches);
          for (let at = 0; at < docs.length; at += size) {
            index.add(docs.slice(at, at + size));
            index.search(q);
          }
          for (const id of removed) index.remove(id);
          const boostTerm = (term: string) => (term === 'oil' ? 1.5 : 1);
          const ours = index.search(q, { boostTerm });
          const theirs = miniSearchOf(docs, removed).search(q as never, { boostTerm });
          expect(ours.map((r) => r.id).sort()).toEqual(theirs.map((r) => r.id as number).sort());
          const score = new Map(theirs.map((r) => [r.id as number, r]));
          for (const result of ours) {
            expect(result.score).toBeCloseTo(score.get(result.id)!.score, 6);
            expect([...result.match].sort()).toEqual(Object.keys(score.get(result.id)!.match).sort());
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compacts to one segment of the live documents, renumbered in order, ranking unchanged', () => {
    const index = new TermIndex();
    index.add(['oil prices rose', 'bank rates fell', 'oil and banks']);
    index.add(['prices of oil']);
    index.remove(1);
    const q: TermQuery = { combineWith: 'AND', queries: ['oil'] };
    const before = index.search(q);
    const { index: compacted, renumber } = index.compact();
    expect(compacted.parts).toHaveLength(1);
    expect([0, 1, 2, 3].map(renumber)).toEqual([0, -1, 1, 2]);
    expect(compacted.search(q).map((r) => [r.id, r.score])).toEqual(before.map((r) => [renumber(r.id), r.score]));
  });

  it('merges segments into exactly the segment built from their surviving documents', () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (docs, drops, parts, reversed) => {
          const analysed = docs.map(analyseDocument);
          const size = Math.ceil(docs.length / parts);
          const segments: Segment[] = [];
          for (let at = 0; at < docs.length; at += size)
            segments.push(Segment.build(at, analysed.slice(at, at + size)));
          const dropped = new Set(drops.map((n) => n % docs.length));
          const kept = analysed.map((_, doc) => doc).filter((doc) => !dropped.has(doc));
          // Renumbered densely in order, or (to exercise the sort) in reverse.
          const to = new Map(kept.map((doc, i) => [doc, reversed ? kept.length - 1 - i : i]));
          const merged = Segment.merge(segments, 0, kept.length, (doc) => to.get(doc) ?? -1);
          const order = reversed ? [...kept].reverse() : kept;
          const built = Segment.build(
            0,
            order.map((doc) => analysed[doc]!),
          );
          expect(merged.terms).toEqual(built.terms);
          expect([...merged.offsets]).toEqual([...built.offsets]);
          expect([...merged.postings]).toEqual([...built.postings]);
          expect([...merged.docLength]).toEqual([...built.docLength]);
          expect(merged.check()).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
