import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { parseArticle } from '../../src/core/parse/article';
import { markdownBlocks } from '../../src/core/parse/markdownBlocks';
import { MAX_MARKDOWN_NESTING, markdownNesting } from '../../src/core/parse/nesting';
import { IndexedCorpus } from '../../src/node/corpusLoader';
import { loadCorpus } from '../../src/node/corpusFiles';

/** The 3 KB file that used to overflow the stack: 3,000 nested blockquotes. */
const deepQuote = `# N\n\n${'>'.repeat(3000)} x\n`;
/** A list nested 10,000 deep, which the Markdown parser takes minutes over. */
const deepList = `# Deep\n\n${'- '.repeat(10_000)}x\n`;
const good = '---\ntitle: Good\n---\n\nRates rose. Then fell.\n';

describe('deeply nested Markdown', () => {
  it('is walked without recursion: 3,000 nested blockquotes give their paragraph', () => {
    const blocks = markdownBlocks(deepQuote);
    expect(blocks).toEqual([
      { type: 'heading', depth: 1, title: 'N', start: 0, end: 3 },
      { type: 'text', kind: 'blockquote', start: 3006, end: 3007 },
    ]);
    expect(deepQuote.slice(3006, 3007)).toBe('x');
  });

  it('gives a heading its text however deeply its emphasis nests', () => {
    const heading = `# ${'*'.repeat(600)}deep${'*'.repeat(600)}\n`;
    const [first] = markdownBlocks(heading);
    expect(first).toMatchObject({ type: 'heading' });
  });

  it('measures nesting in blockquotes, list markers and indented lists', () => {
    expect(markdownNesting('plain\ntext\n')).toBe(0);
    expect(markdownNesting('> > quote\n- item\n')).toBe(2);
    expect(markdownNesting('- a\n  - b\n    - c\n')).toBe(3);
    expect(markdownNesting('1. one\n2) two\n')).toBe(1);
    expect(markdownNesting('-not a list\n')).toBe(0);
    expect(markdownNesting(deepList)).toBe(MAX_MARKDOWN_NESTING + 1); // counting stops past the limit
  });

  it('reads a file nested past the limit as plain text, with the reason', () => {
    const { article, warning } = parseArticle({ path: '/c/deep.md', relativePath: 'deep.md', text: deepList });
    expect(warning).toMatch(/nested more than 100 levels deep; read as plain text/);
    expect(article.title).toBe('Deep');
    expect(articleText(article).sections.flatMap((s) => s.paragraphs).length).toBeGreaterThan(0);
  });
});

describe('one bad file among good ones', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourcebook-hostile-'));
    writeFileSync(join(dir, 'good.md'), good);
    writeFileSync(join(dir, 'q.md'), deepQuote);
    writeFileSync(join(dir, 'list.md'), deepList);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('does not stop a load through the persisted index: every file is an article', async () => {
    const { indexed, stats } = await IndexedCorpus.load({ folders: [{ root: dir }] });
    expect(stats).toMatchObject({ files: 3, parsed: 3, skipped: 0 });
    expect(
      indexed.corpus
        .articles()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['good', 'list', 'q']);
    expect(indexed.corpus.problems().map((p) => [p.path, p.outcome, p.reason])).toEqual([
      [join(dir, 'list.md'), 'recovered', 'Markdown nested more than 100 levels deep; read as plain text'],
      [join(dir, 'q.md'), 'recovered', 'Markdown nested more than 100 levels deep; read as plain text'],
    ]);
  });

  it('does not stop the rest of a live-update batch', async () => {
    const { indexed } = await IndexedCorpus.load({ folders: [{ root: dir }] });
    mkdirSync(join(dir, 'new'));
    writeFileSync(join(dir, 'new', 'a.md'), deepQuote.replace('N', 'A'));
    writeFileSync(join(dir, 'new', 'b.md'), good.replace('Good', 'B'));
    await indexed.apply([join(dir, 'new', 'a.md'), join(dir, 'new', 'b.md')]);
    expect(indexed.corpus.articleAt(join(dir, 'new', 'b.md'))?.title).toBe('B');
    expect(indexed.corpus.articleAt(join(dir, 'new', 'a.md'))?.title).toBe('A');
  });

  it('does not stop a lazy load either: sections of each article parse on their own', () => {
    const corpus = loadCorpus({ folders: [{ root: dir }] });
    expect(articleText(corpus.article('good')!).sections[0]?.paragraphs[0]?.text).toBe('Rates rose. Then fell.');
    expect(corpus.article('q')?.sections.length).toBe(1);
    expect(corpus.stats().articles).toBe(3);
  });
});
