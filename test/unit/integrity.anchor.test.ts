import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { Corpus } from '../../src/core/corpus';
import { checkNoteQuotes } from '../../src/core/integrity/checkNote';
import { keepAsQuoted, updateToSource } from '../../src/core/integrity/problems';
import { describeWordDiff, diffWords } from '../../src/core/integrity/wordDiff';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { applyEdits, renderQuote } from '../../src/core/quotes';
import { formatAnchor, readAnchor } from '../../src/core/quotes/quoteAnchor';

const ARTICLE = [
  '---',
  'id: growth',
  'title: Growth Report',
  'publisher: Example News',
  '---',
  '# Growth Report',
  '',
  'The company opened a new plant in March. Revenue rose sharply across the region.',
  '',
  '## Adoption',
  '',
  'Developer adoption grew 150 percent in 2025, the company said. Analysts expected less.',
  '',
  '## Outlook',
  '',
  'The board plans further investment next year. Adoption grew 105 percent in 2025 in Europe alone.',
  '',
].join('\n');

function corpusOf(text: string): Corpus {
  const corpus = new Corpus();
  corpus.setFile({ path: '/c/growth.md', relativePath: 'growth.md' }, decodeCorpusFile(new TextEncoder().encode(text)));
  return corpus;
}

function quoteOf(corpus: Corpus, sentence: string, style: 'footnote' | 'pandoc' | 'inline' = 'footnote'): string {
  const article = corpus.article('growth')!;
  const passage = articleText(article)
    .sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences))
    .find((s) => s.text.startsWith(sentence))!;
  return applyEdits('# Notes\n', renderQuote('# Notes\n', corpus.passage(passage.id)!, article, style, 8).edits);
}

const toEdits = (fixes: readonly { range: { start: { offset: number }; end: { offset: number } }; text: string }[]) =>
  fixes.map((f) => ({ start: f.range.start.offset, end: f.range.end.offset, text: f.text }));

describe('quote anchors', () => {
  it('writes a hidden anchor after the citation and reads it back, across a line break too', () => {
    const comment = formatAnchor({ hash: '0a1b2c3d', before: ['in', 'march'], after: ['analysts', 'expected'] });
    expect(comment).toBe('<!-- sourcebook h=0a1b2c3d b=in+march a=analysts+expected -->');
    expect(readAnchor(comment.replace(' b=', '\n> b='), 0)?.anchor).toEqual({
      hash: '0a1b2c3d',
      before: ['in', 'march'],
      after: ['analysts', 'expected'],
    });
    expect(readAnchor('<!-- a comment of my own -->', 0)).toBeUndefined();
    const corpus = corpusOf(ARTICLE);
    for (const style of ['footnote', 'pandoc', 'inline'] as const) {
      const note = quoteOf(corpus, 'Developer adoption', style);
      expect(note).toMatch(/<!-- sourcebook h=[0-9a-f]{8} b=\S+ a=analysts\+expected\+less\S* -->/);
      expect(checkNoteQuotes(note, corpus)).toMatchObject([{ status: 'match', anchored: true }]);
    }
  });

  it('survives prettier rewrapping the note', async () => {
    const corpus = corpusOf(ARTICLE);
    for (const style of ['footnote', 'pandoc', 'inline'] as const) {
      const note = quoteOf(corpus, 'Developer adoption', style);
      const wrapped = await format(note, { parser: 'markdown', proseWrap: 'always', printWidth: 30 });
      expect(wrapped.split('\n').length).toBeGreaterThan(note.split('\n').length);
      const edited = corpusOf(ARTICLE.replace('150 percent', '160 percent'));
      expect(checkNoteQuotes(wrapped, edited)).toMatchObject([{ status: 'changed', anchored: true }]);
    }
  });

  it('tells an edited passage from its near-duplicate, and a deleted one from it', () => {
    const corpus = corpusOf(ARTICLE);
    const note = quoteOf(corpus, 'Developer adoption');
    const edited = corpusOf(ARTICLE.replace('150 percent', '160 percent'));
    const [changed] = checkNoteQuotes(note, edited);
    expect(changed!.status).toBe('changed');
    expect(changed!.problem!.code).toBe('source-changed');
    expect(changed!.problem!.message).toContain('the source says "160", the quote says "150"');
    expect(changed!.problem!.closest!.sectionTitle).toBe('Adoption');
    // Updating brings the quote and its anchor to the current source.
    const updated = applyEdits(note, toEdits(updateToSource(changed!.problem!)));
    expect(checkNoteQuotes(updated, edited)).toMatchObject([{ status: 'match', anchored: true }]);
    // Keeping it marks the day; it checks clean until the source changes again.
    const kept = applyEdits(note, toEdits([keepAsQuoted(changed!.problem!, '2026-12-02')!]));
    expect(kept).toContain('kept=2026-12-02');
    expect(checkNoteQuotes(kept, edited)).toMatchObject([{ status: 'match' }]);
    expect(checkNoteQuotes(kept, corpusOf(ARTICLE.replace('150 percent', '170 percent')))[0]!.status).toBe('changed');
    // The sentence deleted: its near-duplicate in § Outlook (one number apart) is not named.
    const deleted = corpusOf(ARTICLE.replace('Developer adoption grew 150 percent in 2025, the company said. ', ''));
    expect(checkNoteQuotes(note, deleted)).toMatchObject([{ status: 'gone', problem: { severity: 'error' } }]);
    expect(checkNoteQuotes(note, deleted)[0]!.problem!.fix).toBeUndefined();
  });

  it('says a quote moved to another section, with a fix that updates its locator', () => {
    const corpus = corpusOf(ARTICLE);
    const moved = corpusOf(
      ARTICLE.replace('Developer adoption grew 150 percent in 2025, the company said. ', '').replace(
        'The board plans',
        'Developer adoption grew 150 percent in 2025, the company said. The board plans',
      ),
    );
    for (const style of ['footnote', 'pandoc', 'inline'] as const) {
      const note = quoteOf(corpus, 'Developer adoption', style);
      const [quote] = checkNoteQuotes(note, moved);
      expect(quote).toMatchObject({ status: 'moved', problem: { code: 'moved', severity: 'information' } });
      const [action] = quote!.problem!.actions!;
      expect(action!.title).toBe('Update citation to § Outlook');
      const fixed = applyEdits(note, toEdits(action!.edits));
      expect(fixed).toContain('Outlook');
      expect(checkNoteQuotes(fixed, moved)).toMatchObject([{ status: 'match' }]);
    }
  });

  it('leaves a quote without an anchor to the check it always had', () => {
    const corpus = corpusOf(ARTICLE);
    const note = quoteOf(corpus, 'Developer adoption').replace(/ <!--.*-->/, '');
    expect(checkNoteQuotes(note, corpus)).toMatchObject([{ status: 'match' }]);
    const [quote] = checkNoteQuotes(note, corpusOf(ARTICLE.replace('150 percent', '160 percent')));
    expect(quote).toMatchObject({ status: 'changed', problem: { code: 'misquote' } });
  });
});

describe('diffWords', () => {
  it('names the words that differ, however far into the quote', () => {
    const quote = 'a b c d e f g h i j k l m n o 105 percent'.split(' ');
    const source = 'a b c d e f g h i j k l m n o 150 percent'.split(' ');
    const hunks = diffWords(quote, source);
    expect(hunks).toEqual([{ quoteStart: 15, quoteEnd: 16, sourceStart: 15, sourceEnd: 16 }]);
    const text = (words: string[]) => (i: number, j: number) => words.slice(i, j).join(' ');
    expect(describeWordDiff(hunks, text(quote), text(source))).toBe('the source says "150", the quote says "105"');
    expect(describeWordDiff(diffWords(['a', 'x', 'b'], ['a', 'b']), text(['a', 'x', 'b']), text(['a', 'b']))).toBe(
      'the quote adds "x"',
    );
    expect(describeWordDiff(diffWords(['a', 'b'], ['a', 'y', 'b']), text(['a', 'b']), text(['a', 'y', 'b']))).toBe(
      'the quote leaves out "y"',
    );
    expect(diffWords(['a'], ['a'])).toEqual([]);
  });
});
