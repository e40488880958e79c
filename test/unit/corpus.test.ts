import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { decodeCorpusFile } from '../../src/core/parse/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const ok = (text: string) => decodeCorpusFile(utf8(text));

describe('decodeCorpusFile', () => {
  it('refuses empty, binary and oversized files with a reason', () => {
    expect(decodeCorpusFile(new Uint8Array())).toEqual({ ok: false, reason: 'file is empty' });
    expect(decodeCorpusFile(new Uint8Array([65, 0, 66]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/binary/),
    });
    expect(decodeCorpusFile(utf8('x'.repeat(2000)), 1024)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/over the 1\.0 KB limit/),
    });
  });

  it('reads text that is not UTF-8 as Windows-1252 and says where it failed', () => {
    const bytes = new Uint8Array([...utf8('Cost: '), 0xa3, ...utf8('5m')]);
    const decoded = decodeCorpusFile(bytes);
    expect(decoded).toMatchObject({ ok: true, text: 'Cost: £5m' });
    expect(decoded.ok && decoded.warning).toMatch(/byte 0xa3 at offset 6/);
  });
});

describe('Corpus', () => {
  it('adds, replaces and removes articles by path', () => {
    const corpus = new Corpus();
    corpus.setFile({ path: '/c/a.md', relativePath: 'a.md' }, ok('# One\n\nFirst.'));
    expect(corpus.articleAt('/c/a.md')?.title).toBe('One');
    const before = corpus.version;
    corpus.setFile({ path: '/c/a.md', relativePath: 'a.md' }, ok('# Two\n\nSecond.'));
    expect(corpus.size).toBe(1);
    expect(corpus.articleAt('/c/a.md')?.title).toBe('Two');
    expect(corpus.version).toBeGreaterThan(before);
    expect(corpus.removeFile('/c/a.md')).toBe(true);
    expect(corpus.size).toBe(0);
  });

  it('skips bad files with a reason and keeps the rest', () => {
    const corpus = new Corpus();
    corpus.setFile({ path: '/c/good.md', relativePath: 'good.md' }, ok('Good text.'));
    const problem = corpus.setFile({ path: '/c/bad.md', relativePath: 'bad.md' }, decodeCorpusFile(new Uint8Array()));
    const readme = corpus.setFile({ path: '/c/README.md', relativePath: 'README.md' }, ok('About this folder.'));
    expect(problem).toEqual({ path: '/c/bad.md', outcome: 'skipped', reason: 'file is empty' });
    expect(readme?.reason).toMatch(/not an article/);
    expect(corpus.size).toBe(1);
    expect(corpus.problems()).toHaveLength(2);
  });

  it('gives a clashing id a free suffix and says so', () => {
    const corpus = new Corpus();
    corpus.setFile({ path: '/a/x.md', relativePath: 'x.md' }, ok('---\nid: same\n---\nOne.'));
    const problem = corpus.setFile({ path: '/b/x.md', relativePath: 'x.md' }, ok('---\nid: same\n---\nTwo.'));
    expect(problem?.outcome).toBe('recovered');
    expect(corpus.articleAt('/b/x.md')?.id).toBe('same-2');
    expect(corpus.passage('same-2#0.0')?.text).toBe('Two.');
  });

  it('finds passages by id and counts them', () => {
    const corpus = new Corpus();
    corpus.setFile({ path: '/c/a.md', relativePath: 'a.md' }, ok('---\nid: a\n---\nOne. Two.\n\n## Later\n\nThree.'));
    expect(corpus.passage('a#0.1')?.text).toBe('Two.');
    expect(corpus.passage('a#1')).toMatchObject({ kind: 'paragraph', text: 'Three.', sectionIndex: 1 });
    expect(corpus.passage('a#9')).toBeUndefined();
    expect(corpus.stats()).toEqual({ articles: 1, sections: 2, passages: 3 });
  });
});
