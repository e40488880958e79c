import { describe, expect, it } from 'vitest';
import { noteLines } from '../../src/core/text/noteLines';
import { joinLines } from './helpers';

const marks = (text: string) =>
  noteLines(text).map((line) => [text.slice(line.start, line.end), line.frontMatter, line.fenced]);

describe('noteLines', () => {
  it('splits LF and CRLF lines and marks fenced code, fence lines included', () => {
    expect(marks('a\r\n```\r\n> b\r\n```\r\nc')).toEqual([
      ['a', false, false],
      ['```', false, true],
      ['> b', false, true],
      ['```', false, true],
      ['c', false, false],
    ]);
  });

  it('marks the leading front matter, where a fence-like line opens no code block', () => {
    expect(marks(joinLines('---', 'note: |', '  ```', '---', '> quote'))).toEqual([
      ['---', true, false],
      ['note: |', true, false],
      ['  ```', true, false],
      ['---', true, false],
      ['> quote', false, false],
    ]);
  });

  it('treats a later --- as a thematic break, not front matter', () => {
    expect(marks(joinLines('text', '---', 'more')).map(([, frontMatter]) => frontMatter)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
