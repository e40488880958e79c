import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleText } from '../../../src/core/articleText';
import { entityIndexFor } from '../../../src/core/entities';
import { searchIndexFor } from '../../../src/core/search';
import { localSource, searchSources } from '../../../src/core/sources';
import { PostgresArchive } from '../../../src/node/archive/archive';
import { ingestFolders } from '../../../src/node/archive/ingest';
import { openPool } from '../../../src/node/archive/connection';
import { loadCorpus } from '../../../src/node/corpusFiles';
import { usePostgres } from '../../support/postgres';

const BUNDLED = join(__dirname, '../../../corpus');
const postgres = usePostgres();

function article(id: string, title: string, body: string): string {
  return `---\nid: ${id}\ntitle: "${title}"\npublisher: Test Wire\ndate: "2026-03-01"\ntopics: [markets]\n---\n\n${body}\n`;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcebook-archive-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archive ingest', () => {
  it('loads a folder, leaves unchanged articles alone, rewrites changed ones and removes none', async () => {
    const wire = join(dir, 'wire');
    mkdirSync(wire);
    writeFileSync(join(wire, 'a.md'), article('oil-a', 'Oil', 'Oil prices rose sharply in Vienna.\n\nTraders sold.'));
    writeFileSync(join(wire, 'b.md'), article('chips-b', 'Chips', 'Chip exports to Europe fell.'));
    writeFileSync(join(wire, 'c.md'), article('cafe-c', 'Café', 'The Müller café reopened its doors.'));
    const pool = openPool({ url: postgres().url, password: postgres().password });
    try {
      const first = await ingestFolders(pool, [wire]);
      expect(first).toMatchObject({ added: 3, updated: 0, unchanged: 0, clashes: [] });
      expect(first.rate).toBeGreaterThan(0);

      const again = await ingestFolders(pool, [wire]);
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });

      writeFileSync(
        join(wire, 'a.md'),
        article('oil-a', 'Oil', 'Oil prices fell sharply in Vienna.\n\nTraders bought.'),
      );
      rmSync(join(wire, 'b.md'));
      const changed = await ingestFolders(pool, [wire]);
      expect(changed).toMatchObject({ added: 0, updated: 1, unchanged: 1 });

      const archive = PostgresArchive.open({ url: postgres().url, password: postgres().password });
      try {
        // The file removed from the folder is still in the archive: ingest never deletes.
        expect((await archive.articles(['chips-b'])).map((a) => a.id)).toEqual(['chips-b']);
        expect((await archive.stats()).articles).toBe(3);
        // The changed article's paragraphs were replaced, not added to.
        expect((await archive.search('rose')).hits).toEqual([]);
        const fell = await archive.search('fell sharply');
        expect(fell.hits.map((h) => h.passageId)).toEqual(['oil-a#0.0']);
        expect(articleText(fell.articles[0]!).sections[0]!.paragraphs[0]!.text).toBe(
          'Oil prices fell sharply in Vienna.',
        );
        // Accents fold as in the local index: "muller cafe" finds "Müller café".
        expect((await archive.search('muller cafe')).hits.map((h) => [h.passageId, h.matches])).toEqual([
          [
            'cafe-c#0.0',
            [
              [4, 10],
              [11, 15],
            ],
          ],
        ]);
      } finally {
        await archive.close();
      }

      // Another folder's file claiming an id already held is reported and left out.
      const other = join(dir, 'other');
      mkdirSync(other);
      writeFileSync(join(other, 'x.md'), article('oil-a', 'Impostor', 'Nothing about oil.'));
      const clash = await ingestFolders(pool, [other]);
      expect(clash.added + clash.updated).toBe(0);
      expect(clash.clashes.map((c) => c.reason)).toEqual([
        'id "oil-a" is already in the archive from wire/a.md; this file was not ingested',
      ]);
    } finally {
      await pool.end();
    }
  }, 60_000);
});

describe('archive search', () => {
  let archive: PostgresArchive;
  beforeAll(async () => {
    const pool = openPool({ url: postgres().url, password: postgres().password });
    const bundled = join(dir, 'bundled');
    cpSync(BUNDLED, bundled, { recursive: true });
    await ingestFolders(pool, [bundled]);
    await pool.end();
    archive = PostgresArchive.open({ url: postgres().url, password: postgres().password });
  }, 60_000);
  afterAll(() => archive.close());

  it('finds the passages the local index finds: words, the typed prefix, quoted phrases, folded accents', async () => {
    const local = loadCorpus({ folders: [{ root: BUNDLED, bundled: true }] });
    const queries = [
      'cloud prices',
      'qwen mod',
      '"export controls"',
      '"the stock"',
      'INTELLIGENCE era',
      'chips nvidia',
    ];
    for (const query of queries) {
      const expected = searchIndexFor(local).search(query, { limit: 500 });
      // Entity names in the query expand to all their names, from the local entity index, on both sides.
      const found = await archive.search(query, { limit: 500, entities: entityIndexFor(local) });
      expect(expected.length, query).toBeGreaterThan(0);
      expect(found.hits.map((h) => h.passageId).sort(), query).toEqual(expected.map((h) => h.passageId).sort());
      // Match offsets are the local highlighter's, so both draw the same marks.
      const byId = new Map(expected.map((h) => [h.passageId, h.matches]));
      for (const hit of found.hits) expect(hit.matches, `${query} ${hit.passageId}`).toEqual(byId.get(hit.passageId));
    }
  }, 60_000);

  it('ranks with ts_rank_cd and excerpts with ts_headline', async () => {
    const { hits } = await archive.search('"export controls"', { limit: 3 });
    expect(hits.length).toBeGreaterThan(0);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect((hits[0] as { headline?: string }).headline).toMatch(/«export» «controls»/i);
  });

  it('reads only a query that can match: nothing for stop words alone, a scope narrows to one article', async () => {
    expect((await archive.search('the of and')).hits).toEqual([]);
    const scoped = await archive.search('cloud', { articleId: 'alibaba-ai-gamble-qwen', limit: 50 });
    expect(scoped.hits.length).toBeGreaterThan(0);
    expect(new Set(scoped.hits.map((h) => h.articleId))).toEqual(new Set(['alibaba-ai-gamble-qwen']));
  });

  it('merges with the local folders, the local copy of an article winning', async () => {
    const local = loadCorpus({ folders: [{ root: BUNDLED, bundled: true }] });
    const merged = await searchSources([localSource(local), archive], 'cloud', { limit: 5 });
    expect(merged.hits.length).toBe(5);
    for (const article of merged.articles) expect(article.path.startsWith('archive:')).toBe(false);
  });

  it('fails with a sentence naming the archive, without its password, when it cannot be reached', async () => {
    const wrong = PostgresArchive.open({ url: `postgres://sourcebook:hunter2@127.0.0.1:1/none` });
    await expect(wrong.search('cloud')).rejects.toThrow(/could not be reached/);
    await expect(wrong.search('cloud')).rejects.not.toThrow(/hunter2/);
    await wrong.close();
  });
});
