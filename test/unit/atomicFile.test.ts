import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/node/atomicFile';
import { defaultCacheDir } from '../../src/node/cacheDir';

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-atomic-'));
    writeFileAtomic(join(dir, 'a', 'index'), 'one');
    writeFileAtomic(join(dir, 'a', 'index'), 'two');
    expect(readFileSync(join(dir, 'a', 'index'), 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a'))).toEqual(['index']);
  });

  it('removes its temporary file when the rename fails, and throws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-atomic-'));
    mkdirSync(join(dir, 'taken', 'inside'), { recursive: true }); // a non-empty folder cannot be renamed over
    expect(() => writeFileAtomic(join(dir, 'taken'), 'bytes')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('defaultCacheDir', () => {
  it('is $XDG_CACHE_HOME/sourcebook when it is absolute, else ~/.cache/sourcebook', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/sourcebook');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toMatch(/\.cache\/sourcebook$/);
    expect(defaultCacheDir({})).toMatch(/\.cache\/sourcebook$/);
  });
});
