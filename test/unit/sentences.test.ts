import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/text/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits plain sentences at terminators followed by a capital', () => {
    expect(split('Alibaba grew. Investors cheered! Why? Nobody knows.')).toEqual([
      'Alibaba grew.',
      'Investors cheered!',
      'Why?',
      'Nobody knows.',
    ]);
  });

  it('does not split after abbreviations', () => {
    expect(split('Mr. Wu met Dr. Smith of Acme Inc. on Monday. The U.S. market fell.')).toEqual([
      'Mr. Wu met Dr. Smith of Acme Inc. on Monday.',
      'The U.S. market fell.',
    ]);
  });

  it('does not split inside decimals or after initials', () => {
    expect(split('Profits rose 1.5% to $11.1bn. J. R. Smith agreed.')).toEqual([
      'Profits rose 1.5% to $11.1bn.',
      'J. R. Smith agreed.',
    ]);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(split('"We are building AI," said Wu. "It will run the economy." Then he left.')).toEqual([
      '"We are building AI," said Wu.',
      '"It will run the economy."',
      'Then he left.',
    ]);
    expect(split('It called it the “Intelligence Era.” Shares rose.')).toEqual([
      'It called it the “Intelligence Era.”',
      'Shares rose.',
    ]);
  });

  it('splits after an ellipsis only when a new sentence starts', () => {
    expect(split('He paused... and went on. Then... Nothing.')).toEqual([
      'He paused... and went on.',
      'Then...',
      'Nothing.',
    ]);
    expect(split('Wait… What happened?')).toEqual(['Wait…', 'What happened?']);
  });

  it('returns spans that trim surrounding whitespace and never empty spans', () => {
    const text = '  First one.   Second one.  \n ';
    expect(split(text)).toEqual(['First one.', 'Second one.']);
    expect(splitSentences('   ')).toEqual([]);
  });

  it('honours a sub-range of the text', () => {
    const text = 'Skip this. Take this. And this. Not this.';
    const spans = splitSentences(text, 11, 31);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Take this.', 'And this.']);
  });
});
