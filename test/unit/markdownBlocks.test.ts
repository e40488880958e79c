import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../src/core/parse/markdownBlocks';
import { joinLines } from './helpers';

describe('markdownBlocks', () => {
  it('reads GFM tables, task lists and footnotes when the text has them', () => {
    const text = joinLines(
      '| Year | Units |',
      '| --- | --- |',
      '| 2025 | 10 |',
      '',
      '- [x] Done item',
      '',
      'A claim.[^1]',
      '',
      '[^1]: The source.',
    );
    expect(markdownBlocks(text)).toEqual(markdownBlocks(text, { gfm: true }));
    expect(markdownBlocks(text).filter((b) => b.type === 'text' && b.kind === 'tableRow')).toHaveLength(2); // header and body rows
  });

  it('gives the same blocks without GFM for any text that has no GFM construct in it', () => {
    const token = fc.constantFrom(
      'Word',
      'www',
      'http',
      'x]',
      '[ x',
      '[',
      ']',
      ':',
      '/',
      '*em*',
      '_u_',
      '`code`',
      '<b>',
      '&amp;',
      '1.',
      '-',
      '+',
      '#',
      '>',
      '\\',
      '!',
      '(',
      ')',
      '"',
      '…',
      'é',
    );
    const line = fc.array(token, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
    const block = fc.oneof(
      line,
      line.map((l) => `## ${l}`),
      line.map((l) => `- ${l}`),
      line.map((l) => `> ${l}`),
      line.map((l) => `1. ${l}`),
      line.map((l) => `    ${l}`),
    );
    const doc = fc
      .array(fc.tuple(block, fc.constantFrom('\n', '\n\n')), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.map(([b, end]) => b + end).join(''));
    fc.assert(
      fc.property(doc, (text) => {
        expect(markdownBlocks(text)).toEqual(markdownBlocks(text, { gfm: true }));
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
