import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DocumentAnalyser, PassageSearch } from '../../../src/core/search';
import { loadCorpus } from '../../../src/node/corpusFiles';
import { parseWorkerScript, WorkerParser } from '../../../src/node/workers/parsePool';

const corpus = () => loadCorpus({ folders: [{ root: join(__dirname, '../../../corpus'), bundled: true }] });
const QUERIES = ['qwen', 'alibaba cloud', '"open source"', 'shareholders', 'tongyi qian', 'modle'];

describe('warming the search index with a worker tokenizing', () => {
  const parser = new WorkerParser({ script: parseWorkerScript()!, size: 1 });
  afterAll(() => parser.close());

  it('indexes exactly what indexing on this thread does', async () => {
    const here = new PassageSearch(corpus());
    await here.warm();
    const offThread = new PassageSearch(corpus());
    let batches = 0;
    const counting: DocumentAnalyser = (texts, signal) => {
      batches++;
      return parser.analyse(texts, signal);
    };
    await offThread.warm(undefined, counting);
    expect(batches).toBeGreaterThan(0);
    expect(offThread.complete).toBe(true);
    expect(offThread.stats).toEqual(here.stats);
    for (const query of QUERIES) expect(offThread.search(query), query).toEqual(here.search(query));
  });

  it('indexes on this thread when the analyser cannot', async () => {
    const index = new PassageSearch(corpus());
    await index.warm(undefined, () => Promise.resolve(undefined));
    expect(index.complete).toBe(true);
    expect(index.search('qwen').length).toBeGreaterThan(0);
  });

  it('leaves an article a search indexed meanwhile as the search indexed it', async () => {
    const index = new PassageSearch(corpus());
    const slow: DocumentAnalyser = async (texts, signal) => {
      const docs = await parser.analyse(texts, signal);
      index.buildNow(); // a search that could not wait
      return docs;
    };
    await index.warm(undefined, slow);
    const fresh = new PassageSearch(corpus());
    fresh.buildNow();
    expect(index.stats).toEqual(fresh.stats);
    for (const query of QUERIES) expect(index.search(query), query).toEqual(fresh.search(query));
  });
});
