import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { IndexedCorpus } from '../../src/node/corpusLoader';
import { type ArticleParser, inThreadParser, parsedHereWhen, plainTextOrBundled } from '../../src/node/fileIndexing';
import { parseWorkerScript, WorkerParser } from '../../src/node/workers/parsePool';
import { WorkerPool } from '../../src/node/workers/pool';

let dir: string;
const script = parseWorkerScript();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcebook-workers-'));
  writeFileSync(join(dir, 'good.md'), '---\ntitle: Good\n---\n\nRates rose. Then fell.\n\n## Later\n\nOil slipped.\n');
  // Emphasis the Markdown parser takes minutes over: 60,000 `**a*`.
  writeFileSync(join(dir, 'stars.md'), `# Stars\n\n${'**a*'.repeat(60_000)}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parsing in worker threads', () => {
  it('finds the bundled worker script', () => {
    expect(script).toMatch(/parseWorker\.js$/);
  });

  it('parses like the calling thread does, and reads a file over its time budget as plain text', async () => {
    const parser = new WorkerParser({ script: script!, size: 1, budgetMs: 1000 });
    try {
      const inThread = await IndexedCorpus.load({ folders: [{ root: dir }], maxFileBytes: 100 });
      expect(inThread.indexed.corpus.size).toBe(1); // stars.md is over 100 bytes: skipped, not parsed here
      const { indexed } = await IndexedCorpus.load({ folders: [{ root: dir }], parser });
      const good = indexed.corpus.article('good')!;
      expect(articleText(good).sections.map((s) => [s.title, s.paragraphs.map((p) => p.text)])).toEqual([
        ['Good', ['Rates rose. Then fell.']],
        ['Later', ['Oil slipped.']],
      ]);
      expect(indexed.corpus.article('stars')?.title).toBe('Stars');
      expect(indexed.corpus.problems()).toEqual([
        { path: join(dir, 'stars.md'), outcome: 'recovered', reason: 'parsing took over 1 s; read as plain text' },
      ]);
    } finally {
      await parser.close();
    }
  });

  it('stops a load within a second when cancelled in the middle of one file', async () => {
    const parser = new WorkerParser({ script: script!, size: 1, budgetMs: 60_000 });
    const controller = new AbortController();
    try {
      const started = performance.now();
      setTimeout(() => controller.abort(), 300);
      const { stats } = await IndexedCorpus.load({ folders: [{ root: dir }], parser, signal: controller.signal });
      expect(stats.cancelled).toBe(true);
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      await parser.close();
    }
  });
});

describe('the worker pool', () => {
  it('resolves every task, whether it ends, goes over its budget or is cancelled', async () => {
    const pool = new WorkerPool<unknown, unknown>({ script: script!, size: 2 });
    try {
      const ok = await pool.run(
        {
          file: { path: '/c/a.md', relativePath: 'a.md', bundled: false },
          decoded: { ok: true, text: '# A\n\nOne.\n' },
        },
        { timeoutMs: 10_000 },
      );
      expect(ok).toMatchObject({ ok: true, value: { article: { meta: { id: 'a', title: 'A' } } } });
      const cancelled = new AbortController();
      cancelled.abort();
      expect(await pool.run({}, { timeoutMs: 10_000, signal: cancelled.signal })).toMatchObject({
        ok: false,
        failure: 'cancelled',
      });
    } finally {
      await pool.close();
    }
  });

  it('with plain text in the calling thread, hands only the Markdown files to the worker (as the CLI loads)', async () => {
    const mixed = mkdtempSync(join(tmpdir(), 'sourcebook-mixed-'));
    writeFileSync(join(mixed, 'good.md'), '# Good\n\nOil slipped.\n');
    writeFileSync(join(mixed, 'plain.txt'), 'Plain title\n\nRates rose. Then fell.\n');
    const handed: string[] = [];
    const counting: ArticleParser = {
      prepare: (file, decoded, signal) => {
        handed.push(file.relativePath);
        return inThreadParser.prepare(file, decoded, signal);
      },
    };
    try {
      const { indexed } = await IndexedCorpus.load({
        folders: [{ root: mixed }],
        parser: parsedHereWhen(counting, plainTextOrBundled),
      });
      expect(handed).toEqual(['good.md']);
      expect(articleText(indexed.corpus.article('plain')!).sections[0]?.paragraphs.map((p) => p.text)).toEqual([
        'Rates rose. Then fell.',
      ]);
    } finally {
      rmSync(mixed, { recursive: true, force: true });
    }
  });
});
