import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { contentHash } from '../../src/core/cache/articleRecord';
import { INDEX_VERSION } from '../../src/core/cache/folderIndex';
import { textHash } from '../../src/core/text/hash';
import type { Corpus } from '../../src/core/corpus';
import { IndexedCorpus, type IndexedLoadOptions } from '../../src/node/corpusLoader';
import { IndexStore } from '../../src/node/indexCache';
import { joinLines } from './helpers';

let dir: string;
let root: string;
let store: IndexStore;
let log: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcebook-loader-'));
  root = join(dir, 'articles');
  store = new IndexStore(join(dir, 'storage'), 'test-build');
  log = [];
  write(
    'markets/rates.md',
    joinLines('---', 'title: Rates', 'topics: [markets]', '---', '', '## Outlook', '', 'Rates rose. Then fell.'),
  );
  write('markets/oil.txt', joinLines('Oil slips', '', 'Oil prices slipped on Monday. Traders sold.'));
  write('empty.md', '');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

let tick = 1_700_000_000;
function write(relativePath: string, text: string): void {
  const path = join(root, relativePath);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, tick, tick++); // distinct times, whatever the file system's resolution
}

async function load(extra: Partial<IndexedLoadOptions> = {}) {
  const result = await IndexedCorpus.load({ folders: [{ root }], store, log: (line) => log.push(line), ...extra });
  result.indexed.persist();
  return result;
}

/** The corpus as plain data: articles with their sections and sentences, and the skipped files. */
function snapshot(corpus: Corpus) {
  return {
    articles: corpus.articles().map((a) => ({
      id: a.id,
      title: a.title,
      sections: articleText(a).sections.map((s) => [s.title, s.paragraphs.map((p) => p.sentences.map((x) => x.text))]),
    })),
    problems: corpus.problems(),
  };
}

describe('loading a corpus through its persisted index', () => {
  it('parses every file the first time and none the second', async () => {
    const cold = await load();
    expect(cold.stats).toMatchObject({ files: 3, fromCache: 0, parsed: 3, skipped: 1 });
    log = [];
    const warm = await load();
    expect(warm.stats).toMatchObject({ files: 3, fromCache: 3, parsed: 0, skipped: 1 });
    expect(log.filter((line) => line.includes('written'))).toEqual([]); // nothing changed: the index is not written again
    expect(snapshot(warm.indexed.corpus)).toEqual(snapshot(cold.indexed.corpus));
  });

  it('writes in the background the same index a write at once makes, and a load restores from it', async () => {
    const cold = await IndexedCorpus.load({ folders: [{ root }], store });
    cold.indexed.persist();
    const once = readFileSync(store.fileFor(root));
    write('late.md', '# Late\n\nAdded after the first write.\n');
    const again = await IndexedCorpus.load({ folders: [{ root }], store });
    await again.indexed.persistInBackground();
    const background = readFileSync(store.fileFor(root));
    expect(background.length).toBeGreaterThan(once.length);
    const third = await IndexedCorpus.load({ folders: [{ root }], store });
    third.indexed.persist(); // nothing changed: not written
    expect(readFileSync(store.fileFor(root))).toEqual(background);
    expect(third.stats).toMatchObject({ fromCache: 4, parsed: 0 });
    expect(snapshot(third.indexed.corpus)).toEqual(snapshot(again.indexed.corpus));
  });

  it('a write at once while a background write is going on writes that folder too (a window closing meanwhile)', async () => {
    const { indexed } = await IndexedCorpus.load({ folders: [{ root }], store });
    expect(indexed.unwritten()).toBe(true);
    const background = indexed.persistInBackground();
    expect(indexed.unwritten()).toBe(true); // not on disk yet
    indexed.persist();
    expect(readFileSync(store.fileFor(root)).length).toBeGreaterThan(0);
    await background;
    expect(indexed.unwritten()).toBe(false);
  });

  it('counts two background writes of one folder going on at once until both are done', async () => {
    const { indexed } = await IndexedCorpus.load({ folders: [{ root }], store });
    const writes = [indexed.persistInBackground(), indexed.persistInBackground()];
    await Promise.race(writes);
    expect(indexed.unwritten()).toBe(true); // the other is still writing
    await Promise.all(writes);
    expect(indexed.unwritten()).toBe(false);
  });

  it('notices a changed, an added and a removed file, and parses only those', async () => {
    await load();
    write(
      'markets/rates.md',
      joinLines('---', 'title: Rates', '---', '', '## Outlook', '', 'Rates held.', '', '## Risks', '', 'Inflation.'),
    );
    write('tech/chips.md', '# Chips\n\nChips sold out.');
    rmSync(join(root, 'markets/oil.txt'));
    const { indexed, stats } = await load();
    expect(stats).toMatchObject({ fromCache: 1, parsed: 2 });
    expect(
      indexed.corpus
        .articles()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['markets-rates', 'tech-chips']);
    expect(indexed.corpus.articleAt(join(root, 'markets/rates.md'))!.sections.map((s) => s.title)).toEqual([
      'Outlook',
      'Risks',
    ]);
  });

  it('reads a file changed under the same size and time as it is, says so, and indexes it again on the next load', async () => {
    await load();
    const path = join(root, 'markets/oil.txt');
    const { mtimeMs } = statSync(path);
    // Same length, same time: only its text tells.
    writeFileSync(
      path,
      joinLines('Oil slips', '', 'Oil prices climbed on Monday. Traders sold.').replace('climbed', 'rallied'),
    );
    utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
    const first = await load();
    expect(first.stats).toMatchObject({ fromCache: 3, parsed: 0 });
    const oil = first.indexed.corpus.articleAt(path)!;
    const text = articleText(oil);
    expect(text.stale).toBe(true);
    expect(text.sections.flatMap((s) => s.paragraphs).map((p) => p.text)).toEqual([
      'Oil prices rallied on Monday. Traders sold.',
    ]);
    expect(contentHash(oil)).toBe(textHash(text.text));
    first.indexed.persist();
    const second = await load();
    expect(second.stats).toMatchObject({ fromCache: 2, parsed: 1 });
    expect(articleText(second.indexed.corpus.articleAt(path)!).stale).toBe(false);
  });

  it('discards a corrupt index with a log line and builds the corpus again', async () => {
    const cold = await load();
    writeFileSync(
      store.fileFor(root),
      `{"format":"sourcebook-corpus-index","version":${INDEX_VERSION},"files":{"x": [\n`,
    );
    const rebuilt = await load();
    expect(rebuilt.stats).toMatchObject({ fromCache: 0, parsed: 3 });
    expect(log.some((line) => /persisted index of .* discarded \(not valid JSON/.test(line))).toBe(true);
    expect(snapshot(rebuilt.indexed.corpus)).toEqual(snapshot(cold.indexed.corpus));
    expect((await load()).stats).toMatchObject({ fromCache: 3, parsed: 0 });
  });

  it('discards an index of an older format or another build', async () => {
    await load();
    const file = store.fileFor(root);
    writeFileSync(
      file,
      readFileSync(file, 'latin1').replace(`"version":${INDEX_VERSION}`, `"version":${INDEX_VERSION - 1}`),
      'latin1',
    );
    expect((await load()).stats).toMatchObject({ fromCache: 0, parsed: 3 });
    const other = await IndexedCorpus.load({
      folders: [{ root }],
      store: new IndexStore(join(dir, 'storage'), 'next-build'),
      log: (l) => log.push(l),
    });
    expect(other.stats).toMatchObject({ fromCache: 0, parsed: 3 });
    expect(log.filter((line) => line.includes('discarded'))).toHaveLength(2);
  });

  it('keeps what was read when cancelled', async () => {
    for (let i = 0; i < 30; i++) write(`bulk/${i}.txt`, `Article ${i}\n\nBody ${i}.`);
    const controller = new AbortController();
    const { indexed, stats } = await load({
      sliceMs: 0,
      signal: controller.signal,
      onProgress: (done) => done >= 5 && controller.abort(),
    });
    expect(stats.cancelled).toBe(true);
    expect(indexed.corpus.size).toBeGreaterThan(0);
    expect(indexed.corpus.size).toBeLessThan(30);
  });
});

describe('applying file changes', () => {
  it('re-indexes only the files that changed, in one batch', async () => {
    const { indexed } = await load();
    const before = indexed.corpus.version;
    const unchanged = indexed.corpus.articleAt(join(root, 'markets/oil.txt'));
    expect(await indexed.apply([join(root, 'markets/oil.txt'), join(root, 'markets/rates.md')])).toMatchObject({
      changed: false,
    });
    expect(indexed.corpus.version).toBe(before);

    write('markets/rates.md', '# Rates\n\n## New section\n\nText.');
    write('tech/a.md', '# A\n\nA.');
    write('tech/b.txt', 'B\n\nB.');
    const result = await indexed.apply([join(root, 'markets/rates.md'), join(root, 'tech'), join(root, 'tech/a.md')]);
    expect(result).toMatchObject({ changed: true, reloadNeeded: false });
    expect(indexed.corpus.articleAt(join(root, 'markets/oil.txt'))).toBe(unchanged);
    expect(indexed.corpus.articleAt(join(root, 'markets/rates.md'))!.sections.map((s) => s.title)).toEqual([
      'Rates',
      'New section',
    ]);
    expect(indexed.corpus.size).toBe(4);
  });

  it('removes a deleted file, and every article of a deleted folder', async () => {
    const { indexed } = await load();
    rmSync(join(root, 'markets'), { recursive: true });
    await indexed.apply([join(root, 'markets')]);
    expect(indexed.corpus.size).toBe(0);
    indexed.persist();
    expect((await load()).stats).toMatchObject({ files: 1, fromCache: 1, parsed: 0 });
  });

  it('finds, on a rescan, the changes no watcher reported', async () => {
    const { indexed } = await load();
    write('markets/rates.md', '# Rates\n\n## Later\n\nText.');
    write('tech/new.md', '# New\n\nNew.');
    rmSync(join(root, 'markets/oil.txt'));
    expect(await indexed.rescan()).toMatchObject({ changed: true, files: 2 });
    expect(
      indexed.corpus
        .articles()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['markets-rates', 'tech-new']);
    expect(await indexed.rescan()).toMatchObject({ changed: false, files: 0 });
  });

  it('asks for a reload when a topic list or entity catalog changes', async () => {
    const { indexed } = await load();
    writeFileSync(join(root, 'topics.yaml'), '- id: markets\n  label: Markets\n');
    expect(await indexed.apply([join(root, 'topics.yaml')])).toMatchObject({ reloadNeeded: true });
  });

  it('reads a topic list named topics.yml, as the reload it asks for expects', async () => {
    writeFileSync(join(root, 'topics.yml'), '- id: freight\n  label: Freight\n');
    const { indexed } = await load();
    expect(indexed.corpus.topics().map((topic) => topic.id)).toContain('freight');
    expect(await indexed.apply([join(root, 'topics.yml')])).toMatchObject({ reloadNeeded: true });
  });

  it('leaves out excluded and hidden paths', async () => {
    const folder = { root, exclude: ['drafts/**'] };
    const { indexed } = await IndexedCorpus.load({ folders: [folder], store });
    write('drafts/wip.md', '# WIP\n\nNot yet.');
    write('.obsidian/x.md', '# X\n\nX.');
    expect(await indexed.apply([join(root, 'drafts/wip.md'), join(root, '.obsidian/x.md')])).toMatchObject({
      changed: false,
    });
  });
});
