import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { parseArticle } from '../../src/core/parse/article';
import { joinLines } from './helpers';

const sample = joinLines(
  '---',
  'id: wu-interview',
  'title: "Wu on the AI pivot"',
  'publisher: Example Wire',
  'date: 2026-03',
  'topics: [ai, cloud]',
  'summary: Our one-line summary.',
  '---',
  '',
  'Lead paragraph here. It has two sentences.',
  '',
  '## Pricing',
  '',
  'Alibaba cut prices by 50 percent. Mr. Wu said so.',
  '',
  '- First bullet: one sentence.',
  '- Second bullet. Two sentences.',
  '',
  '> A quoted block.',
  '',
  '```',
  'code is not prose',
  '```',
  '',
  '## Outlook',
  '',
  'The *real* test comes later.',
);

describe('parseArticle', () => {
  it('reads front matter into metadata', () => {
    const { article, warning } = parseArticle({ path: '/c/wu.md', relativePath: 'wu.md', text: sample });
    expect(warning).toBeUndefined();
    expect(article).toMatchObject({
      id: 'wu-interview',
      title: 'Wu on the AI pivot',
      titleProvenance: 'source',
      publisher: 'Example Wire',
      date: '2026-03',
      topics: ['ai', 'cloud'],
      summary: 'Our one-line summary.',
    });
  });

  it('splits the body into sections, paragraphs and sentences, leaving out code', () => {
    const { article } = parseArticle({ path: '/c/wu.md', relativePath: 'wu.md', text: sample });
    expect(article.sections.map((s) => [s.title, s.depth])).toEqual([
      ['Wu on the AI pivot', 0],
      ['Pricing', 2],
      ['Outlook', 2],
    ]);
    const pricing = articleText(article).sections[1]!;
    expect(pricing.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', 'Alibaba cut prices by 50 percent. Mr. Wu said so.'],
      ['listItem', 'First bullet: one sentence.'],
      ['listItem', 'Second bullet. Two sentences.'],
      ['blockquote', 'A quoted block.'],
    ]);
    expect(pricing.paragraphs[0]!.sentences.map((s) => s.text)).toEqual([
      'Alibaba cut prices by 50 percent.',
      'Mr. Wu said so.',
    ]);
    expect(pricing.paragraphs[0]!.sentences.map((s) => s.id)).toEqual(['wu-interview#1.0', 'wu-interview#1.1']);
    expect(pricing.range.start.line).toBe(11);
  });

  it('gives every block and sentence a range that slices back to its text', () => {
    const { article } = parseArticle({ path: '/c/wu.md', relativePath: 'wu.md', text: sample });
    const lines = sample.split('\n');
    for (const section of articleText(article).sections) {
      for (const paragraph of section.paragraphs) {
        expect(sample.slice(paragraph.range.start.offset, paragraph.range.end.offset)).toBe(paragraph.text);
        for (const sentence of paragraph.sentences) {
          const { start } = sentence.range;
          expect(sample.slice(start.offset, sentence.range.end.offset)).toBe(sentence.text);
          expect(lines[start.line]!.slice(start.character)).toMatch(
            new RegExp(`^${escape(sentence.text.split('\n')[0]!)}`),
          );
        }
      }
    }
  });

  it('keeps ranges exact for any prose (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9'’,.%$-]{0,8}$/);
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => `${words.join(' ')}.`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.boolean(), (paragraphs, markdown) => {
        const text = `Title line\n\n${paragraphs.join('\n\n')}\n`;
        const { article } = parseArticle({
          path: markdown ? 'a.md' : 'a.txt',
          relativePath: markdown ? 'a.md' : 'a.txt',
          text,
        });
        for (const section of articleText(article).sections) {
          for (const p of section.paragraphs) {
            for (const s of p.sentences) expect(text.slice(s.range.start.offset, s.range.end.offset)).toBe(s.text);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('loads a Markdown file without front matter from its heading and folder', () => {
    const text = joinLines('# Chip curbs tighten', '', 'Nvidia sales fell.');
    const { article } = parseArticle({ path: '/notes/chips/curbs.md', relativePath: 'chips/curbs.md', text });
    expect(article).toMatchObject({ id: 'chips-curbs', title: 'Chip curbs tighten', topics: ['chips'] });
    expect(article.publisher).toBeUndefined();
    expect(article.date).toBeUndefined();
  });

  it('files an article at the corpus root under Unsorted', () => {
    const { article } = parseArticle({ path: '/c/x.md', relativePath: 'x.md', text: 'Just one line.' });
    expect(article.topics).toEqual(['Unsorted']);
    expect(article.title).toBe('Just one line.');
  });

  it('reads a plain-text article: first line is the title, the rest are paragraphs', () => {
    const text = joinLines(
      'Ad sales boost Time Warner profit',
      '',
      'Quarterly profits jumped 76%. Sales rose.',
      '',
      'The firm said so.',
    );
    const { article } = parseArticle({ path: '/bbc/business/001.txt', relativePath: 'business/001.txt', text });
    expect(article).toMatchObject({
      id: 'business-001',
      title: 'Ad sales boost Time Warner profit',
      topics: ['business'],
    });
    expect(article.sections).toHaveLength(1);
    expect(articleText(article).sections[0]!.paragraphs.map((p) => p.text)).toEqual([
      'Quarterly profits jumped 76%. Sales rose.',
      'The firm said so.',
    ]);
  });

  it('marks a title supplied by the corpus editor and treats "unknown" as unknown', () => {
    const text = joinLines(
      '---',
      'title: Given title',
      'title_supplied: true',
      'publisher: unknown',
      'date: unknown',
      '---',
      'Body.',
    );
    const { article } = parseArticle({ path: 'a.md', relativePath: 'a.md', text });
    expect(article.titleProvenance).toBe('editor');
    expect(article.publisher).toBeUndefined();
    expect(article.date).toBeUndefined();
  });

  it('reads an article with broken front matter best-effort, with a warning', () => {
    const text = joinLines('---', 'title: [unclosed', '---', '# Heading', '', 'Body text.');
    const { article, warning } = parseArticle({ path: 'a.md', relativePath: 'a.md', text });
    expect(warning).toMatch(/front matter is not valid YAML/);
    expect(article.title).toBe('Heading');
    expect(articleText(article).sections.flatMap((s) => s.paragraphs.map((p) => p.text))).toEqual(['Body text.']);
  });

  it('refuses an empty file', () => {
    expect(() => parseArticle({ path: 'a.md', relativePath: 'a.md', text: ' \n ' })).toThrow('file is empty');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
