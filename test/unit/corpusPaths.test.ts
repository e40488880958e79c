import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexedCorpus } from '../../src/node/corpusLoader';
import { listArticleFiles, loadCorpus } from '../../src/node/corpusFiles';
import { inspectPath, readFolderFile, readNoteText, readRegularFile } from '../../src/node/corpusPaths';

let dir: string;
let root: string;
let outside: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcebook-paths-'));
  root = join(dir, 'corpus');
  outside = join(dir, 'outside');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'good.md'), '# Good\n\nRates rose.\n');
  writeFileSync(join(root, 'sub', 'inner.md'), '# Inner\n\nOil fell.\n');
  writeFileSync(join(outside, 'secret.md'), '# Secret\n\nNot for the corpus.\n');
  mkdirSync(join(outside, 'folder'));
  writeFileSync(join(outside, 'folder', 'far.md'), '# Far\n\nAlso outside.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** Every hostile shape at once: links out, a loop, a FIFO, a device link, a folder named like an article. */
function makeHostile(): void {
  symlinkSync(join(outside, 'secret.md'), join(root, 'passwd.md'));
  symlinkSync('/etc/passwd', join(root, 'etc.md'));
  symlinkSync(join(outside, 'folder'), join(root, 'linked'));
  symlinkSync('.', join(root, 'loop'));
  symlinkSync(join(root, 'good.md'), join(root, 'alias.md'));
  symlinkSync(join(root, 'missing.md'), join(root, 'dangling.md'));
  symlinkSync('/dev/zero', join(root, 'zero.md'));
  mkfifo(join(root, 'pipe.md'));
  mkdirSync(join(root, 'folder.md'));
}

describe('corpus paths', () => {
  it('lists regular files inside the folder only, and says why the rest are skipped', () => {
    makeHostile();
    const skipped: Record<string, string> = {};
    const files = listArticleFiles([{ root }], undefined, undefined, (path, reason) => {
      skipped[path.slice(root.length + 1)] = reason;
    });
    expect(files.map((file) => file.relativePath)).toEqual(['good.md', 'sub/inner.md']);
    expect(skipped).toEqual({
      'alias.md': `is a link to ${join(root, 'good.md')}, read under that name`,
      'dangling.md': 'is a link to nothing; not followed',
      'etc.md': 'is a link to /etc/passwd, outside the corpus folder; not followed',
      linked: `is a link to ${join(outside, 'folder')}, outside the corpus folder; not followed`,
      'passwd.md': `is a link to ${join(outside, 'secret.md')}, outside the corpus folder; not followed`,
      'pipe.md': 'is a FIFO (named pipe), not a regular file; not read',
      'zero.md': 'is a link to /dev/zero, outside the corpus folder; not followed',
    });
  });

  it('reads a link to a file inside the folder once, under its own name, when the target is not an article', () => {
    writeFileSync(join(root, 'sub', 'kept.text'), '# Kept\n\nLinked in.\n');
    symlinkSync(join(root, 'sub', 'kept.text'), join(root, 'kept.md'));
    const corpus = loadCorpus({ folders: [{ root }] });
    expect(corpus.articleAt(join(root, 'kept.md'))?.title).toBe('Kept');
  });

  it('never opens a FIFO or a device, and refuses a folder', () => {
    mkfifo(join(root, 'pipe.md'));
    expect(readRegularFile(join(root, 'pipe.md'), 1024)).toEqual({
      ok: false,
      reason: 'is a FIFO (named pipe), not a regular file; not read',
    });
    expect(readRegularFile('/dev/zero', 1024)).toEqual({
      ok: false,
      reason: 'is a device, not a regular file; not read',
    });
    expect(readRegularFile(root, 1024)).toMatchObject({ ok: false });
    expect(inspectPath(join(root, 'nothing.md'), root)).toEqual({ kind: 'missing' });
  });

  it('reads a note named on the command line, but never a FIFO, a device or nothing', () => {
    writeFileSync(join(dir, 'note.md'), '# Note\n');
    symlinkSync(join(dir, 'note.md'), join(dir, 'linked-note.md'));
    mkfifo(join(dir, 'pipe.md'));
    expect(readNoteText(join(dir, 'linked-note.md'))).toBe('# Note\n');
    expect(() => readNoteText(join(dir, 'pipe.md'))).toThrow(/is a FIFO \(named pipe\), not a regular file/);
    expect(() => readNoteText('/dev/zero')).toThrow(/is a device/);
    expect(() => readNoteText(join(dir, 'absent.md'))).toThrow(/absent\.md: file not found/);
  });

  it('reads catalogs and topic lists with the same care: no FIFO, no link out, a size limit', () => {
    mkfifo(join(root, 'entities.yaml'));
    symlinkSync('/dev/zero', join(root, 'entities.json'));
    writeFileSync(join(root, 'topics.yaml'), `- id: big\n  label: ${'x'.repeat(5000)}\n`);
    const problems: string[] = [];
    const corpus = loadCorpus({
      folders: [{ root }],
      maxFileBytes: 4096,
      onProblem: (problem) => problems.push(`${problem.path.slice(root.length + 1)}: ${problem.reason}`),
    });
    expect(corpus.catalogs()).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'topics.yaml: file is 4.9 KB, over the 4.0 KB limit (sourcebook.corpus.maxFileSize)',
        'entities.yaml: entity catalog is a FIFO (named pipe), not a regular file; not read',
        'entities.json: entity catalog is a link to /dev/zero, outside the corpus folder; not followed',
      ]),
    );
    expect(readFolderFile(join(root, 'absent.yaml'), root, 10)).toBeUndefined();
  });

  it('loads the good articles through the persisted-index loader and reports the rest', async () => {
    makeHostile();
    const { indexed } = await IndexedCorpus.load({ folders: [{ root }] });
    expect(indexed.corpus.articles().map((a) => a.title)).toEqual(['Good', 'Inner']);
    expect(indexed.corpus.problems().map((p) => p.path.slice(root.length + 1))).toEqual(
      expect.arrayContaining(['passwd.md', 'etc.md', 'pipe.md', 'zero.md', 'linked']),
    );
  });

  it('applies live changes the same way: links out, loops and FIFOs made while running never become articles', async () => {
    const { indexed } = await IndexedCorpus.load({ folders: [{ root }] });
    makeHostile();
    const names = [
      'passwd.md',
      'etc.md',
      'linked',
      'loop',
      'alias.md',
      'dangling.md',
      'zero.md',
      'pipe.md',
      'folder.md',
    ];
    await indexed.apply(names.map((name) => join(root, name)));
    expect(indexed.corpus.articles().map((a) => a.title)).toEqual(['Good', 'Inner']);
    expect(
      indexed.corpus
        .problems()
        .map((p) => p.path.slice(root.length + 1))
        .sort(),
    ).toEqual(['alias.md', 'dangling.md', 'etc.md', 'linked', 'passwd.md', 'pipe.md', 'zero.md']);
    // A rescan finds nothing new, and a removed link takes its problem with it.
    await indexed.rescan();
    expect(indexed.corpus.articles().map((a) => a.title)).toEqual(['Good', 'Inner']);
    rmSync(join(root, 'passwd.md'));
    await indexed.apply([join(root, 'passwd.md')]);
    expect(indexed.corpus.problems().map((p) => p.path)).not.toContain(join(root, 'passwd.md'));
  });

  it('does not follow a folder on the way that links out of the corpus', async () => {
    const { indexed } = await IndexedCorpus.load({ folders: [{ root }] });
    symlinkSync(join(outside, 'folder'), join(root, 'linked'));
    await indexed.apply([join(root, 'linked', 'far.md')]);
    expect(indexed.corpus.articles().map((a) => a.title)).toEqual(['Good', 'Inner']);
  });
});
