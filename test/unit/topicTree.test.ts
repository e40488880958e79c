import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { topicsCommand } from '../../src/cli/commands/topics';
import { createContext } from '../../src/cli/context';
import { articleFilter } from '../../src/core/articleFilter';
import { Corpus } from '../../src/core/corpus';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { searchIndexFor } from '../../src/core/search';
import { headedSections, outlineArticle, outlineSections, topicOutline, topicTree } from '../../src/core/topicTree';
import { joinLines } from './helpers';

function corpusOf(files: Record<string, string>): Corpus {
  const corpus = new Corpus([
    { id: 'ai', label: 'Artificial intelligence', description: 'Models and the race to build them.' },
  ]);
  for (const [path, text] of Object.entries(files)) {
    corpus.setFile({ path: `/c/${path}`, relativePath: path }, decodeCorpusFile(new TextEncoder().encode(text)));
  }
  return corpus;
}

const qwen = joinLines(
  '---',
  'id: qwen',
  'title: "Qwen’s Rise"',
  'publisher: Example News',
  'date: "2026-03"',
  'topics: [ai, cloud]',
  'summary: How an open model won developers.',
  '---',
  '',
  "# Qwen's Rise",
  '',
  'Alibaba Cloud released Qwen (Tongyi Qianwen).',
  '',
  '## Developers',
  '',
  'Adoption grew by 150 percent.',
  '',
  '### In China',
  '',
  'Enterprises want domestic models.',
);
const chips = joinLines(
  '---',
  'id: chips',
  'title: Chips',
  'topics: [ai]',
  '---',
  '',
  'Export controls bite.',
  '',
  '## Ascend',
  '',
  "Huawei's Ascend fills the gap.",
);

describe('headedSections', () => {
  it('lists every heading but the lead and a top heading that repeats the title', () => {
    const article = corpusOf({ 'qwen.md': qwen }).article('qwen')!;
    expect(article.sections.map((s) => s.title)).toEqual(["Qwen's Rise", 'Developers', 'In China']);
    expect(headedSections(article).map((s) => s.title)).toEqual(['Developers', 'In China']);
  });

  it('keeps a top heading that says something other than the title', () => {
    const article = corpusOf({ 'a.md': joinLines('---', 'title: Report', '---', '# Overview', '', 'Text.') }).article(
      'a',
    )!;
    expect(headedSections(article).map((s) => s.title)).toEqual(['Overview']);
  });
});

describe('topicOutline', () => {
  it('lists each article under each of its topics, with 1-based heading lines and section indexes', () => {
    const outline = topicOutline(corpusOf({ 'qwen.md': qwen, 'chips.md': chips }));
    expect(outline.map((g) => [g.topic, g.articles.map((a) => a.id)])).toEqual([
      ['Artificial intelligence', ['qwen', 'chips']],
      ['cloud', ['qwen']],
    ]);
    expect(outline[0]!.articles[0]).toMatchObject({
      title: 'Qwen’s Rise',
      publisher: 'Example News',
      date: '2026-03',
      path: '/c/qwen.md',
    });
    expect(outline[0]!.articles[0]!.sections).toEqual([
      { title: 'Developers', line: 14, index: 1 },
      { title: 'In China', line: 18, index: 2 },
    ]);
    expect(outline[0]!.articles[1]).toMatchObject({
      publisher: null,
      date: null,
      sections: [{ title: 'Ascend', line: 9, index: 1 }],
    });
  });

  it('is topicTree with each article’s outline: the view builds its nodes from the same parts', () => {
    const corpus = corpusOf({ 'qwen.md': qwen, 'chips.md': chips });
    for (const grouping of ['topic', 'publisher', 'date'] as const) {
      const fromParts = topicTree(corpus, grouping).map((group) => ({
        topic: group.label,
        key: group.key,
        description: group.description ?? null,
        articles: group.articles.map((article) => ({ ...outlineArticle(article), sections: outlineSections(article) })),
      }));
      expect(topicOutline(corpus, grouping)).toEqual(fromParts);
    }
  });

  it('is exactly what `sourcebook topics --json` prints for the bundled corpus', async () => {
    let printed = '';
    const context = createContext(parseCli(['topics', '--json']), (text) => (printed += text));
    expect(await topicsCommand.run(context)).toBe(0);
    const outline = topicOutline(context.corpus());
    expect(JSON.parse(printed)).toEqual(JSON.parse(JSON.stringify(outline)));
    expect(outline.length).toBeGreaterThan(0);
    expect(outline.flatMap((g) => g.articles).every((a) => a.sections.length > 0)).toBe(true);
  });
});

describe('articleFilter', () => {
  const corpus = corpusOf({ 'qwen.md': qwen, 'chips.md': chips });
  const words = searchIndexFor(corpus);
  const ids = (query: string, lookup?: Parameters<typeof articleFilter>[2]) => [
    ...new Set(
      topicTree(corpus, 'topic', articleFilter(query, words, lookup)).flatMap((g) => g.articles.map((a) => a.id)),
    ),
  ];

  it('keeps articles that contain every word, in any case, in title, summary, headings or text', () => {
    expect(ids('OPEN model')).toEqual(['qwen']);
    expect(ids('ascend')).toEqual(['chips']);
    expect(ids('in china')).toEqual(['qwen']);
    expect(ids('export qwen')).toEqual([]);
  });

  it('treats typographic and straight apostrophes alike', () => {
    expect(ids("huawei's")).toEqual(['chips']);
    expect(ids('qwen’s rise')).toEqual(['qwen']);
  });

  it('keeps articles mentioning an entity the query names, whatever name the text uses', () => {
    const lookup = {
      resolve: (name: string) => (name.toLowerCase() === 'huawei technologies' ? { id: 'huawei' } : undefined),
      articlesMentioning: (id: string) => (id === 'huawei' ? [{ articleId: 'chips' }] : []),
    };
    expect(ids('Huawei Technologies', lookup)).toEqual(['chips']);
    expect(ids('Huawei Technologies')).toEqual([]);
  });

  it('accepts everything when the query is blank', () => {
    expect(ids('  ')).toEqual(['qwen', 'chips']);
  });

  it('matches text by the search index, a word as a prefix, and reads no article text itself', () => {
    expect(ids('enterpri')).toEqual(['qwen']);
    expect(ids('tongyi')).toEqual(['qwen']);
    const asked: string[] = [];
    const lookup = {
      articlesWith: (word: string) => {
        asked.push(word);
        return new Set(word === 'bite' ? ['chips'] : []);
      },
    };
    const filter = articleFilter('controls BITE', lookup);
    expect(
      corpus
        .articles()
        .filter(filter)
        .map((a) => a.id),
    ).toEqual([]);
    expect(asked).toEqual(['controls', 'bite']);
    expect(
      corpus
        .articles()
        .filter(articleFilter('bite', lookup))
        .map((a) => a.id),
    ).toEqual(['chips']);
  });
});
