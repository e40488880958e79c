import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/core/text/terminal';
import { listArticleFiles } from '../../src/node/corpusFiles';
import { writeFileAtomic } from '../../src/node/atomicFile';

describe('terminal output', () => {
  it('removes escape sequences and neutralises other controls', () => {
    expect(terminalSafe('Title \u001b[31mred\u001b[0m')).toBe('Title red');
    expect(terminalSafe('a\u001b]0;owned\u0007b')).toBe('ab');
    expect(terminalSafe('a\u001b]8;;https://x.test\u001b\\link\u001b]8;;\u001b\\')).toBe('alink');
    expect(terminalSafe('fake\rreal\u0008!\u009b2J')).toBe('fake\ufffdreal\ufffd!');
    expect(terminalSafe('line one\r\nline\ttwo\n')).toBe('line one\nline\ttwo\n');
  });
});

describe('files the CLI meets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourcebook-cli-safety-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a file name that is not valid UTF-8 as that, not as missing', () => {
    writeFileSync(Buffer.from(`${dir}/caf\xe9.md`, 'latin1'), '# Café\n\nText.\n');
    writeFileSync(join(dir, 'good.md'), '# Good\n\nText.\n');
    const skipped: string[] = [];
    const files = listArticleFiles([{ root: dir }], undefined, undefined, (_path, reason) => skipped.push(reason));
    expect(files.map((file) => file.relativePath)).toEqual(['good.md']);
    expect(skipped).toEqual(['its file name is not valid UTF-8; not read']);
  });

  it('leaves no temporary file when a write cannot be renamed into place', () => {
    const target = join(dir, 'index.json');
    mkdirSync(target); // a folder where the file should go: the rename fails
    writeFileSync(join(target, 'keep'), '');
    expect(() => writeFileAtomic(target, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['index.json']);
  });
});
