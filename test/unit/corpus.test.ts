import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { checkNote } from '../../src/core/integrity/checkNote';
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

  it('gives a clashing id one made from the path, names both files, and never moves it to another file', () => {
    const corpus = new Corpus();
    corpus.setFile({ path: '/a/x.md', relativePath: 'x.md' }, ok('---\nid: same\n---\nOne.'));
    const problem = corpus.setFile({ path: '/b/y.md', relativePath: 'y.md' }, ok('---\nid: same\n---\nTwo.'));
    corpus.setFile({ path: '/c/z.md', relativePath: 'z.md' }, ok('---\nid: same\n---\nThree.'));
    expect(problem).toEqual({
      path: '/b/y.md',
      outcome: 'recovered',
      reason:
        'id "same" is also the id of /a/x.md, which keeps it; this file is loaded as "same--y", made from its own path',
    });
    expect(corpus.articleAt('/b/y.md')?.id).toBe('same--y');
    expect(corpus.passage('same--y#0.0')?.text).toBe('Two.');
    // The second file goes: its id goes with it, and the third file keeps its own.
    corpus.removeFile('/b/y.md');
    expect(corpus.article('same--y')).toBeUndefined();
    expect(corpus.passage('same--y#0.0')).toBeUndefined();
    expect(corpus.articleAt('/c/z.md')?.id).toBe('same--z');
    // Two files of one relative path in different folders still get ids of their own.
    corpus.setFile({ path: '/d/z.md', relativePath: 'z.md' }, ok('---\nid: same\n---\nFour.'));
    expect(corpus.articleAt('/d/z.md')?.id).toMatch(/^same--z-[0-9a-z]+$/);
  });

  it('makes a citation of a duplicate whose file is gone an unknown article, not another article', () => {
    const corpus = new Corpus();
    corpus.setFile({ path: '/a/x.md', relativePath: 'x.md' }, ok('---\nid: same\n---\nOne.'));
    corpus.setFile({ path: '/b/y.md', relativePath: 'y.md' }, ok('---\nid: same\n---\nTwo.'));
    corpus.setFile({ path: '/c/z.md', relativePath: 'z.md' }, ok('---\nid: same\n---\nThree.'));
    const note = '> "Two."[^same--y]\n\n[^same--y]: Two, somewhere.\n';
    expect(checkNote(note, corpus)).toEqual([]);
    corpus.removeFile('/b/y.md');
    expect(checkNote(note, corpus).map((problem) => problem.code)).toEqual(['unknown-article']);
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
