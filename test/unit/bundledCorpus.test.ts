import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { loadCorpus } from '../../src/node/corpusFiles';
import { splitSentences } from '../../src/core/text/sentences';

const corpusDir = join(__dirname, '../../corpus');
const seedsDir = join(__dirname, '../../../shared/seeds');
const corpus = loadCorpus({ folders: [{ root: corpusDir, bundled: true }] });

describe('the bundled corpus', () => {
  it('holds the two source articles with metadata only the text supports', () => {
    expect(corpus.problems()).toEqual([]);
    const [first, second] = ['alibaba-ai-gamble-qwen', 'alibaba-qwen-shareholders'].map((id) => corpus.article(id)!);
    expect(first).toMatchObject({ publisher: 'FrontierNews.ai', date: '2026', titleProvenance: 'source' });
    expect(second).toMatchObject({ titleProvenance: 'editor' });
    expect(second!.publisher).toBeUndefined();
    expect(second!.date).toBeUndefined();
    for (const article of [first!, second!]) expect(article.url).toBeUndefined();
  });

  it.runIf(existsSync(seedsDir))('contains every sentence of the seed articles verbatim', () => {
    const bodies = corpus
      .articles()
      .map((a) => articleText(a).text)
      .join('\n');
    let checked = 0;
    for (const name of readdirSync(seedsDir)) {
      const seed = readFileSync(join(seedsDir, name), 'utf8');
      for (const line of seed.split('\n')) {
        const text = line.replace(/^\s*•\s/, '').trim();
        if (text === '' || text === 'Logo' || text === 'FrontierNews.ai') continue;
        for (const span of splitSentences(text)) {
          expect(bodies, `${name}: ${text.slice(span.start, span.end)}`).toContain(text.slice(span.start, span.end));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('points every article at topics in the topic list', () => {
    const topics = new Set(corpus.topics().map((t) => t.id));
    const listed = (parseYaml(readFileSync(join(corpusDir, 'topics.yaml'), 'utf8')) as { id: string }[]).map(
      (t) => t.id,
    );
    for (const article of corpus.articles()) for (const topic of article.topics) expect(listed).toContain(topic);
    expect(topics.size).toBe(listed.length);
  });

  it('catalogs entities each of which the articles name, with the expected aliases', () => {
    const catalog = parseYaml(readFileSync(join(corpusDir, 'entities.yaml'), 'utf8')) as {
      name: string;
      aliases: string[];
    }[];
    const text = corpus
      .articles()
      .map((a) => articleText(a).text)
      .join('\n');
    for (const entity of catalog) {
      expect(
        [entity.name, ...entity.aliases].some((name) => text.includes(name)),
        entity.name,
      ).toBe(true);
    }
    const aliases = (name: string) => catalog.find((e) => e.name === name)?.aliases;
    expect(aliases('Qwen')).toContain('Tongyi Qianwen');
    expect(aliases('Alibaba')).toEqual(expect.arrayContaining(['Alibaba Group Holding', 'BABA']));
    expect(aliases('PDD Holdings')).toContain('Pinduoduo');
  });
});
