import { describe, expect, it } from 'vitest';
import { alignWords } from '../../src/core/integrity/align';
import { quotedParts, wordsOf } from '../../src/core/integrity/words';

const words = (text: string) => wordsOf(text).map((w) => w.text);

describe('wordsOf', () => {
  it('ignores whitespace, line breaks, punctuation and letter case', () => {
    expect(words('The stock market,\n  is — taking NOTICE.')).toEqual([
      'the',
      'stock',
      'market',
      'is',
      'taking',
      'notice',
    ]);
  });

  it('reads typographic and straight apostrophes and quotes alike', () => {
    expect(words('“the company’s ‘sticky’ revenue”')).toEqual(words(`"the company's 'sticky' revenue"`));
  });

  it('keeps numbers whole, so a changed digit or separator is a different word', () => {
    expect(words('grew 1.5 percent to 1,000 at 10:30')).toEqual([
      'grew',
      '1.5',
      'percent',
      'to',
      '1,000',
      'at',
      '10:30',
    ]);
    expect(words('in 2026. Then')).toEqual(['in', '2026', 'then']);
    expect(words('1.5')).not.toEqual(words('15'));
  });

  it('makes currency signs, percent and ampersand words of their own', () => {
    expect(words('$33bn, 50% & more')).toEqual(['$', '33bn', '50', '%', '&', 'more']);
  });

  it('folds Unicode compatibility forms (NFKC)', () => {
    expect(words('ﬁnance ２０２６')).toEqual(['finance', '2026']);
    expect(words('cafe\u0301')).toEqual(words('café'));
  });

  it('skips Markdown syntax around the prose: link destinations, footnote references, HTML', () => {
    expect(words('the [Qwen](https://qwen.ai "Qwen home") model[^1] is <b>open</b>')).toEqual([
      'the',
      'qwen',
      'model',
      'is',
      'open',
    ]);
  });

  it('gives the source offsets of each word', () => {
    const text = 'A  “quoted”  word';
    expect(wordsOf(text).map((w) => text.slice(w.start, w.end))).toEqual(['A', 'quoted', 'word']);
  });
});

describe('quotedParts', () => {
  const parts = (text: string) => quotedParts(text, 0, text.length).map((p) => p.words.map((w) => w.text).join(' '));

  it('drops a leading or trailing ellipsis', () => {
    expect(parts('…transforming from a giant...')).toEqual(['transforming from a giant']);
    expect(parts('. . . transforming from a giant [...]')).toEqual(['transforming from a giant']);
  });

  it('splits at an elision inside the quote', () => {
    expect(parts('Alibaba is transforming … and the stock market [...] notice')).toEqual([
      'alibaba is transforming',
      'and the stock market',
      'notice',
    ]);
    expect(parts('one [ … ] two (...) three')).toEqual(['one', 'two', 'three']);
  });
});

describe('alignWords', () => {
  it('finds the stretch of the article fewest word edits away from the quote', () => {
    const article = words('a b c the stock market is taking notice of d e f');
    expect(alignWords(words('the stock exchange is taking notice'), article)).toEqual({
      start: 3,
      end: 9,
      distance: 1,
    });
  });

  it('names the changed last word rather than leaving it out', () => {
    expect(alignWords(words('taking notes'), words('x y taking notice z'))).toEqual({ start: 2, end: 4, distance: 1 });
  });

  it('follows a dropped or added word', () => {
    const article = words('one two three four five six seven eight');
    expect(alignWords(words('three four six seven'), article)).toEqual({ start: 2, end: 7, distance: 1 });
    expect(alignWords(words('three four extra five six'), article)).toEqual({ start: 2, end: 6, distance: 1 });
  });

  it('works near the place most shared words agree on, however long the article', () => {
    const filler = Array.from({ length: 50_000 }, (_, i) => `w${i % 997}`).join(' ');
    const article = words(`${filler} alpha beta gamma delta epsilon ${filler}`);
    expect(alignWords(words('alpha beta gamma omega epsilon'), article)).toEqual({
      start: 50_000,
      end: 50_005,
      distance: 1,
    });
  });

  it('finds nothing when no word is shared', () => {
    expect(alignWords(words('entirely different'), words('one two three'))).toBeUndefined();
  });
});
