import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'sourcebook-cli-cache-'));
const cli = join(work, 'cli.js');
const corpus = join(work, 'corpus');

/** Runs the built CLI over the test corpus (no bundled corpus), with a clean environment but for `env`. */
async function sourcebook(args: string[], env: Record<string, string> = {}) {
  const { stdout, stderr } = await run(process.execPath, [cli, ...args, '--corpus', corpus, '--no-bundled'], {
    env: { PATH: process.env.PATH ?? '', HOME: join(work, 'home'), ...env },
  });
  return { stdout, stderr };
}

const hitsOf = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((hit) => hit.id);

/** Every file under `dir`, relative. */
function files(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

beforeAll(async () => {
  await esbuild.build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    loader: { '.csl': 'text' },
    define: { SOURCEBOOK_BUILD: '"cli-cache-test"', SOURCEBOOK_VERSION: '"test"' },
    logLevel: 'warning',
  });
  mkdirSync(corpus);
  cpSync(join(ROOT, 'corpus'), corpus, { recursive: true });
}, 60_000);

describe('the CLI cache', () => {
  it('is under $XDG_CACHE_HOME/sourcebook, reused unchanged on the next run, and gives the same answers', async () => {
    const xdg = join(work, 'xdg');
    const first = await sourcebook(['search', 'cloud prices', '--json'], { XDG_CACHE_HOME: xdg });
    const written = files(join(xdg, 'sourcebook'));
    expect(written.filter((f) => f.startsWith('search-index/'))).toHaveLength(1);
    expect(written.filter((f) => f.startsWith('entity-index/'))).toHaveLength(1);
    expect(written.filter((f) => f.startsWith('corpus-index/'))).toHaveLength(1);
    const searchFile = join(
      xdg,
      'sourcebook',
      written.find((f) => f.startsWith('search-index/'))!,
    );
    const before = statSync(searchFile).mtimeMs;
    const second = await sourcebook(['search', 'cloud prices', '--json'], { XDG_CACHE_HOME: xdg });
    expect(hitsOf(second.stdout)).toEqual(hitsOf(first.stdout));
    expect(hitsOf(first.stdout).length).toBeGreaterThan(0);
    // Read, not rebuilt: nothing changed, so nothing was written.
    expect(statSync(searchFile).mtimeMs).toBe(before);
    expect(files(join(xdg, 'sourcebook'))).toEqual(written);
  }, 60_000);

  it('falls back to ~/.cache/sourcebook; --cache DIR and --no-cache override it', async () => {
    await sourcebook(['search', 'cloud']);
    expect(files(join(work, 'home/.cache/sourcebook')).length).toBeGreaterThan(0);
    const dir = join(work, 'explicit');
    await sourcebook(['search', 'cloud', '--cache', dir], { XDG_CACHE_HOME: join(work, 'unused') });
    expect(files(dir).length).toBe(3);
    expect(files(join(work, 'unused'))).toEqual([]);
    const none = join(work, 'none');
    await sourcebook(['search', 'cloud', '--no-cache'], { XDG_CACHE_HOME: none });
    expect(files(none)).toEqual([]);
  }, 60_000);

  it('updates one changed article incrementally, and replaces a damaged file', async () => {
    const dir = join(work, 'incremental');
    await sourcebook(['search', 'cloud', '--cache', dir]);
    const article = join(
      corpus,
      readdirSync(corpus).find((name) => name.endsWith('.md'))!,
    );
    writeFileSync(article, `${readFileSync(article, 'utf8')}\n\nA quixotically zebrine paragraph.\n`);
    const found = await sourcebook(['search', 'zebrine', '--json', '--cache', dir]);
    expect(hitsOf(found.stdout)).toHaveLength(1);
    const searchFile = join(
      dir,
      files(dir).find((f) => f.startsWith('search-index/'))!,
    );
    writeFileSync(searchFile, 'not an index');
    const again = await sourcebook(['search', 'zebrine', '--json', '--cache', dir]);
    expect(hitsOf(again.stdout)).toEqual(hitsOf(found.stdout));
    expect(again.stderr).toMatch(/search index discarded/);
    expect(readFileSync(searchFile).subarray(0, 60).toString()).toContain('sourcebook-search-index');
  }, 60_000);

  it('stays whole when several processes write it at once: the last writer wins, no file is torn', async () => {
    const dir = join(work, 'concurrent');
    const runs = await Promise.all(
      ['cloud', 'prices', 'Huawei', 'margins', 'Qwen', 'chips'].map((q) =>
        sourcebook(['search', q, '--json', '--cache', dir]),
      ),
    );
    for (const { stdout } of runs) expect(Array.isArray(JSON.parse(stdout))).toBe(true);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const after = await sourcebook(['search', 'cloud', '--json', '--cache', dir]);
    expect(after.stderr).toBe(''); // every file read back whole: nothing discarded
    expect(hitsOf(after.stdout)).toEqual(hitsOf(runs[0]!.stdout));
  }, 120_000);
});
