import { describe, expect, it } from 'vitest';
import { Segment } from '../../src/core/search/segment';
import { analyseDocument } from '../../src/core/search/termIndex';
import { finish, inSlices } from '../../src/core/steps';

describe('work in steps', () => {
  it('runs to the same result at once or in slices, and in slices lets timers fire between them', async () => {
    function* count(to: number) {
      let sum = 0;
      for (let i = 1; i <= to; i++) {
        sum += i;
        yield;
      }
      return sum;
    }
    expect(finish(count(100))).toBe(5050);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      expect(await inSlices(count(100), 0)).toBe(5050);
    } finally {
      clearInterval(ticker);
    }
    expect(turns).toBeGreaterThan(0);
  });

  it('a segment merge yields each time the given number of postings is merged, and gives what the merge at once gives', () => {
    const docs = ['oil prices rose', 'bank rates fell', 'oil and banks', 'prices of oil'].map(analyseDocument);
    const parts = [Segment.build(0, docs.slice(0, 2)), Segment.build(2, docs.slice(2))];
    const steps = Segment.mergeSteps(parts, 0, 4, (doc) => doc, 1);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    const once = Segment.merge(parts, 0, 4, (doc) => doc);
    expect(yields).toBe(once.terms.length - 1); // one posting at least per term: a yield before each term after the first
    expect(step.value.terms).toEqual(once.terms);
    expect([...step.value.postings]).toEqual([...once.postings]);
  });
});
