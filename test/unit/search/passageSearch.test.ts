import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PassageSearch, searchIndexFor, snippet } from '../../../src/core/search';
import { decodeCorpusFile } from '../../../src/core/parse/decode';
import { loadCorpus } from '../../../src/node/corpusFiles';
import { fixtureCorpus } from '../quotes/fixtures';

const bundled = loadCorpus({ folders: [{ root: join(__dirname, '../../../corpus'), bundled: true }] });

function matched(hit: { text: string; matches: readonly (readonly [number, number])[] }): string[] {
  return hit.matches.map(([a, b]) => hit.text.slice(a, b));
}

describe('passage search', () => {
  it('finds a sentence by a phrase from its middle, with the phrase highlighted', () => {
    const [best] = searchIndexFor(bundled).search('"sacrificing short-term margins for long-term"');
    expect(best?.passageId).toBe('alibaba-qwen-shareholders#2.2');
    expect(best?.kind).toBe('sentence');
    expect(matched(best!)).toEqual(['sacrificing short-term margins for long-term']);
  });

  it('finds the same sentence from unquoted words, typed up to a prefix', () => {
    const hits = searchIndexFor(bundled).search('short-term margins sacrif');
    expect(hits[0]?.passageId).toBe('alibaba-qwen-shareholders#2.2');
    expect(matched(hits[0]!)).toEqual(expect.arrayContaining(['sacrificing', 'margins']));
  });

  it('finds passages by an entity alias: "Tongyi Qianwen" finds sentences that only say "Qwen"', () => {
    const hits = searchIndexFor(bundled).search('Tongyi Qianwen', { limit: 50 });
    const texts = hits.map((hit) => hit.text);
    expect(texts.some((text) => /Qwen/.test(text) && !/Tongyi/.test(text))).toBe(true);
    const onlyQwen = hits.find((hit) => !/Tongyi/.test(hit.text))!;
    expect(matched(onlyQwen).some((text) => text.includes('Qwen'))).toBe(true);
  });

  it('finds a company by its other name', () => {
    const hits = searchIndexFor(bundled).search('Pinduoduo');
    expect(hits.map((hit) => hit.passageId)).toEqual(expect.arrayContaining(['alibaba-qwen-shareholders#0.1']));
  });

  it('answers with the paragraph when the words are in different sentences of it', () => {
    const hits = searchIndexFor(bundled).search('"Eddie Wu" Tsai bold decision cloud prices');
    expect(hits[0]).toMatchObject({ kind: 'sentence' });
    const spread = searchIndexFor(bundled).search('ByteDance thinnest slash 50 percent');
    expect(spread[0]).toMatchObject({ passageId: 'alibaba-ai-gamble-qwen#1', kind: 'paragraph' });
  });

  it('keeps a search inside an article or section, and lists it when the query is empty', () => {
    const index = searchIndexFor(bundled);
    expect(
      index
        .search('Qwen', { articleId: 'alibaba-qwen-shareholders', limit: 100 })
        .every((hit) => hit.articleId === 'alibaba-qwen-shareholders'),
    ).toBe(true);
    const section = index.search('', { articleId: 'alibaba-qwen-shareholders', sectionIndex: 3 });
    expect(section.length).toBeGreaterThan(2);
    expect(section.every((hit) => hit.sectionIndex === 3)).toBe(true);
    expect(index.search('')).toEqual([]);
  });

  it('falls back to fuzzy matching when nothing matches exactly', () => {
    expect(searchIndexFor(bundled).search('semiconducters export')[0]?.text).toMatch(/semiconductors/);
  });

  it('follows the corpus as it changes, re-indexing only what changed', () => {
    const corpus = fixtureCorpus();
    const index = new PassageSearch(corpus);
    expect(index.search('enterprises').map((hit) => hit.articleId)).toEqual(['untitled-note']);
    corpus.setFile(
      { path: '/corpus/extra.md', relativePath: 'extra.md' },
      decodeCorpusFile(new TextEncoder().encode('# Extra\n\nEnterprises love zebras.')),
    );
    expect(index.search('zebras').map((hit) => hit.articleId)).toEqual(['extra']);
    corpus.removeFile('/corpus/untitled-note.md');
    expect(index.search('enterprises').map((hit) => hit.articleId)).toEqual(['extra']);
  });

  it('can be warmed in the background and searched partially meanwhile', async () => {
    const index = new PassageSearch(fixtureCorpus());
    expect(index.complete).toBe(false);
    expect(index.search('Huawei', { partial: true })).toEqual([]);
    await index.warm();
    expect(index.complete).toBe(true);
    expect(index.search('Huawei', { partial: true })).toHaveLength(1);
  });
});

describe('snippet', () => {
  it('cuts a long passage around its first match and moves the match ranges', () => {
    const text = `${'word '.repeat(60)}needle ${'tail '.repeat(60)}`;
    const start = text.indexOf('needle');
    const cut = snippet(text, [[start, start + 6]], 80);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.matches.map(([a, b]) => cut.text.slice(a, b))).toEqual(['needle']);
    expect(snippet('short  text\nhere', [[7, 11]])).toEqual({ text: 'short text here', matches: [[6, 10]] });
  });
});
