import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AliasEntry, AliasMatcher } from '../../src/core/entities/matcher';

const entry = (alias: string, entityId: string, caseSensitive = false): AliasEntry => ({
  alias,
  entityId,
  caseSensitive,
});

describe('AliasMatcher', () => {
  it('keeps the longest alias that ends on a word boundary, and the first added of two with one text', () => {
    const matcher = new AliasMatcher([
      entry('Alibaba', 'alibaba'),
      entry('Alibaba Cloud', 'cloud'),
      entry('alibaba cloud', 'other'),
      entry('Alibaba Cloud Intelligence Group', 'group'),
    ]);
    const text = 'Alibaba Cloud  Intelligence said; ALIBABA CLOUD and Alibaba’s Alibabas.';
    expect(matcher.scan(text).map((m) => [m.entityId, m.text])).toEqual([
      ['cloud', 'Alibaba Cloud'],
      ['cloud', 'ALIBABA CLOUD'],
      ['alibaba', 'Alibaba'],
    ]);
  });

  it('finds an alias added after a scan has grown the branch it belongs to', () => {
    const matcher = new AliasMatcher([entry('Qwen', 'qwen')]);
    expect(matcher.scan('Qwen Max').map((m) => m.entityId)).toEqual(['qwen']);
    matcher.add(entry('Qwen Max', 'max'));
    matcher.add(entry('qwen', 'second'));
    expect(matcher.scan('Qwen Max and qwen').map((m) => [m.entityId, m.text])).toEqual([
      ['max', 'Qwen Max'],
      ['qwen', 'qwen'],
    ]);
  });

  it('finds what a matcher given every alias at once finds, whatever was scanned between the adds', () => {
    const word = fc.constantFrom('Ab', 'ab', 'Abc', 'B', 'b', 'Bd', 'AB', 'c');
    const alias = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const entries = fc.array(
      fc.record({ alias, entityId: fc.constantFrom('e1', 'e2', 'e3'), caseSensitive: fc.boolean() }),
      { minLength: 1, maxLength: 12 },
    );
    const text = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(entries, text, fc.nat(12), (all, sample, split) => {
        const whole = new AliasMatcher(all);
        const grownInSteps = new AliasMatcher(all.slice(0, split));
        grownInSteps.scan(sample);
        for (const e of all.slice(split)) grownInSteps.add(e);
        expect(grownInSteps.scan(sample)).toEqual(whole.scan(sample));
      }),
    );
  });
});
