import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../../src/core/articleText';
import { decodeSearchIndex, encodeSearchIndex } from '../../../src/core/cache/searchIndexFile';
import { Corpus } from '../../../src/core/corpus';
import { decodeCorpusFile } from '../../../src/core/parse/decode';
import { PassageSearch } from '../../../src/core/search';
import { finish, inSlices } from '../../../src/core/steps';
import { loadCorpus } from '../../../src/node/corpusFiles';
import { SearchIndexStore } from '../../../src/node/searchStore';

const BUNDLED = join(__dirname, '../../../corpus');
const identity = { corpus: 'the bundled corpus', producer: 'test' };

function bundled(): Corpus {
  return loadCorpus({ folders: [{ root: BUNDLED, bundled: true }] });
}

function ids(search: PassageSearch, query: string): string[] {
  return search.search(query, { limit: 10 }).map((hit) => `${hit.passageId} ${hit.score.toFixed(6)}`);
}

const QUERIES = ['cloud prices', '"short-term margins"', 'Huawei Ascend', 'sacrif', 'procesors'];

describe('persisted search index', () => {
  it('reopens from its bytes without indexing an article, and answers exactly as the index it was made from', () => {
    const corpus = bundled();
    const built = new PassageSearch(corpus);
    const expected = QUERIES.map((q) => ids(built, q));
    const bytes = encodeSearchIndex(built.snapshot(), identity);
    expect(QUERIES.map((q) => ids(built, q))).toEqual(expected); // compacting changed nothing
    const decoded = decodeSearchIndex(bytes, identity);
    if (!decoded.ok) throw new Error(decoded.reason);
    // A new process: the same files loaded again, new article objects.
    const reopened = new PassageSearch(bundled(), undefined, decoded.snapshot);
    expect(QUERIES.map((q) => ids(reopened, q))).toEqual(expected);
    expect(reopened.stats).toEqual({ restored: corpus.articles().length, indexed: 0 });
  });

  it('re-indexes only the article whose text changed, and drops the one removed', () => {
    const corpus = bundled();
    const snapshot = new PassageSearch(corpus).snapshot();
    const [first, second] = corpus.articles();
    const changed = bundled();
    const text = `${articleText(first!).text}\n\nA zebracorn paragraph added later.\n`;
    changed.setFile(
      { path: first!.path, relativePath: first!.path.slice(BUNDLED.length + 1), bundled: true },
      decodeCorpusFile(new TextEncoder().encode(text)),
    );
    changed.removeFile(second!.path);
    const search = new PassageSearch(changed, undefined, snapshot);
    expect(search.search('zebracorn').map((hit) => hit.articleId)).toEqual([first!.id]);
    expect(search.search('zebracorn', { partial: true })).toHaveLength(1);
    expect(search.stats).toEqual({ restored: corpus.articles().length - 2, indexed: 1 });
    expect(search.search('cloud', { limit: 100 }).some((hit) => hit.articleId === second!.id)).toBe(false);
    // Persisting again keeps what changed.
    const again = decodeSearchIndex(encodeSearchIndex(search.snapshot(), identity), identity);
    if (!again.ok) throw new Error(again.reason);
    expect(new PassageSearch(changed, undefined, again.snapshot).search('zebracorn')).toHaveLength(1);
  });

  it('rejects a damaged, foreign or outdated file with the reason', () => {
    const bytes = encodeSearchIndex(new PassageSearch(bundled()).snapshot(), identity);
    const reason = (b: Uint8Array, id = identity) => {
      const decoded = decodeSearchIndex(b, id);
      return decoded.ok ? 'ok' : decoded.reason;
    };
    expect(reason(bytes)).toBe('ok');
    expect(reason(bytes.subarray(0, bytes.length - 7))).toMatch(/truncated/);
    expect(reason(bytes, { ...identity, producer: 'other' })).toMatch(/another build/);
    expect(reason(bytes, { ...identity, corpus: 'other' })).toMatch(/another corpus/);
    expect(reason(new TextEncoder().encode('{"format":"sourcebook-search-index","version":0}\n'))).toMatch(/version/);
    expect(reason(new TextEncoder().encode('garbage'))).toMatch(/header/);
    // A posting pointing past the documents: flip bytes in the postings area.
    const newline = bytes.indexOf(10);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline))) as { docs: number; terms: number };
    const postingsAt = ((newline + 1 + 3) & ~3) + (header.docs * 3 + header.terms + 1) * 4;
    const damaged = bytes.slice();
    new DataView(damaged.buffer).setInt32(postingsAt, 1 << 30, true);
    expect(reason(damaged)).toMatch(/out of range/);
    const unsorted = bytes.slice();
    const termsAt = bytes.length - 40;
    unsorted[termsAt] = 0x7a; // a letter changed in the term list: order or count breaks, or a term no longer fits
    expect(['ok', 'terms out of order', 'term list does not match its count']).toContain(reason(unsorted));
  });

  it('a store deletes what it discards and writes atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-search-'));
    const store = new SearchIndexStore(dir, 'test');
    expect(store.read('k').status).toBe('missing');
    store.write('k', new PassageSearch(bundled()).snapshot());
    expect(readdirSync(dir)).toHaveLength(1); // no temporary file left
    expect(store.read('k').status).toBe('used');
    writeFileSync(store.fileFor('k'), readFileSync(store.fileFor('k')).subarray(0, 100));
    expect(store.read('k')).toMatchObject({ status: 'discarded' });
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('writes in the background, compacted in slices, the same file a write at once makes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-search-'));
    const store = new SearchIndexStore(dir, 'test');
    const search = new PassageSearch(bundled());
    search.search('cloud'); // built, in segments
    const snapshot = await inSlices(search.snapshotSteps(), 0);
    if (!snapshot) throw new Error('no snapshot');
    await store.writeInBackground('k', snapshot);
    expect(readdirSync(dir)).toHaveLength(1); // no temporary file left
    const once = encodeSearchIndex(snapshot, { corpus: 'k', producer: 'test' });
    expect(new Uint8Array(readFileSync(store.fileFor('k')))).toEqual(once);
    expect(store.read('k').status).toBe('used');
  });

  it('drops a compaction in steps when the corpus changes before it is done, keeping the live index', () => {
    const corpus = bundled();
    const search = new PassageSearch(corpus);
    const before = ids(search, 'cloud prices');
    const steps = search.snapshotSteps();
    steps.next();
    const [first] = corpus.articles();
    corpus.removeFile(first!.path);
    expect(finish(steps)).toBeUndefined();
    expect(ids(search, 'cloud prices')).not.toEqual(before);
    expect(search.search('cloud', { limit: 100 }).some((hit) => hit.articleId === first!.id)).toBe(false);
    expect(search.snapshot().articles.map(([id]) => id)).not.toContain(first!.id);
  });
});
