import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateFromRule, parseFolderDefaults } from '../../src/core/folderDefaults';
import type { FileProblem } from '../../src/core/model';
import { loadCorpus } from '../../src/node/corpusFiles';
import { IndexedCorpus } from '../../src/node/corpusLoader';
import { IndexStore } from '../../src/node/indexCache';
import { joinLines } from './helpers';

describe('parseFolderDefaults', () => {
  it('reads publisher, topics, language and a fixed date', () => {
    const { defaults, warnings } = parseFolderDefaults(
      joinLines('publisher: BBC News', 'topics: [news]', 'language: en-GB', 'date: "2004–2005"'),
    );
    expect(defaults).toEqual({
      publisher: 'BBC News',
      topics: ['news'],
      language: 'en-GB',
      date: { fixed: '2004–2005' },
    });
    expect(warnings).toEqual([]);
  });

  it('reads a date pattern over the path and applies it as far as it matches', () => {
    const { defaults } = parseFolderDefaults(
      'date:\n  pattern: "(?<year>\\\\d{4})/(?<month>\\\\d{1,2})(?:/(?<day>\\\\d{1,2}))?/"',
    );
    const rule = defaults.date!;
    expect(dateFromRule(rule, '2005/3/14/story.md')).toBe('2005-03-14');
    expect(dateFromRule(rule, '2005/11/story.md')).toBe('2005-11');
    expect(dateFromRule(rule, 'misc/story.md')).toBeUndefined();
  });

  it('leaves out what it does not understand, with a warning each', () => {
    const { defaults, warnings } = parseFolderDefaults(
      joinLines('publisher: [1, 2]', 'language: "not a tag!"', 'colour: blue', 'date: { pattern: "(" }'),
    );
    expect(defaults).toEqual({});
    expect(warnings).toHaveLength(4);
    expect(warnings.join('\n')).toMatch(/unknown key "colour"/);
    expect(warnings.join('\n')).toMatch(/not a regular expression/);
  });

  it('refuses a file that is not a mapping', () => {
    expect(() => parseFolderDefaults('- a\n- b')).toThrow(/mapping/);
  });
});

describe('a folder with sourcebook.yaml', () => {
  let dir: string;
  let root: string;
  let problems: FileProblem[];
  let tick = 1_700_000_000;
  const write = (relativePath: string, text: string) => {
    const path = join(root, relativePath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    utimesSync(path, tick, tick++);
  };
  const load = () => loadCorpus({ folders: [{ root }], onProblem: (p) => problems.push(p) });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourcebook-defaults-'));
    root = join(dir, 'bbc-like');
    problems = [];
    write('business/001.txt', joinLines('Ad sales boost profits', '', 'Quarterly profits rose.'));
    write(
      'tech/002.md',
      joinLines('---', 'title: Own', 'publisher: Reuters', 'date: 2026-01-02', '---', '', 'Chips sold out.'),
    );
    write('2005/03/14/003.md', '# Dated by path\n\nText here.');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives articles the folder publisher, language and date where their own metadata is silent', () => {
    write('sourcebook.yaml', joinLines('publisher: BBC News', 'language: en', 'date: 2005'));
    const corpus = load();
    const business = corpus.articles().find((a) => a.path.endsWith('001.txt'))!;
    expect(business).toMatchObject({ publisher: 'BBC News', date: '2005', language: 'en', topics: ['business'] });
    const own = corpus.articles().find((a) => a.path.endsWith('002.md'))!;
    expect(own).toMatchObject({ publisher: 'Reuters', date: '2026-01-02' });
    expect(problems).toEqual([]);
  });

  it('dates articles by a pattern over their path, and gives topics where none are set', () => {
    write(
      'sourcebook.yaml',
      joinLines('topics: [archive]', 'date:', '  pattern: "^(?<year>\\\\d{4})/(?<month>\\\\d{2})/(?<day>\\\\d{2})/"'),
    );
    const corpus = load();
    const dated = corpus.articles().find((a) => a.path.endsWith('003.md'))!;
    expect(dated).toMatchObject({ date: '2005-03-14', topics: ['archive'] });
    const business = corpus.articles().find((a) => a.path.endsWith('001.txt'))!;
    expect(business.date).toBeUndefined();
    expect(business.publisher).toBeUndefined();
  });

  it('reports a broken sourcebook.yaml and loads the articles without it', () => {
    write('sourcebook.yaml', 'publisher: [unclosed');
    const corpus = load();
    expect(corpus.size).toBe(3);
    expect(corpus.articles().every((a) => a.publisher === undefined || a.publisher === 'Reuters')).toBe(true);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(join(root, 'sourcebook.yaml'));
  });

  it('does not follow a symbolic link out of the folder, nor read a file over the size limit', () => {
    const outside = join(dir, 'elsewhere.yaml');
    writeFileSync(outside, 'publisher: Somebody Else');
    symlinkSync(outside, join(root, 'sourcebook.yaml'));
    expect(
      load()
        .articles()
        .some((a) => a.publisher === 'Somebody Else'),
    ).toBe(false);
    expect(problems[0]!.reason).toMatch(/outside the corpus folder; not followed/);

    rmSync(join(root, 'sourcebook.yaml'));
    problems = [];
    write('sourcebook.yaml', `publisher: Big\n# ${'x'.repeat(70 * 1024)}\n`);
    expect(
      load()
        .articles()
        .some((a) => a.publisher === 'Big'),
    ).toBe(false);
    expect(problems[0]!.reason).toMatch(/over 64 KB/);
  });

  it('reads it as topic lists and catalogs are read: a link inside is followed, a FIFO or a folder is refused', () => {
    write('shared.yaml', 'publisher: Linked Inside');
    symlinkSync(join(root, 'shared.yaml'), join(root, 'sourcebook.yaml'));
    expect(
      load()
        .articles()
        .find((a) => a.path.endsWith('001.txt'))?.publisher,
    ).toBe('Linked Inside');
    expect(problems).toEqual([]);

    rmSync(join(root, 'sourcebook.yaml'));
    execFileSync('mkfifo', [join(root, 'sourcebook.yaml')]);
    expect(
      load()
        .articles()
        .some((a) => a.publisher === 'Linked Inside'),
    ).toBe(false);
    expect(problems[0]!.reason).toMatch(/sourcebook\.yaml is a FIFO \(named pipe\), not a regular file; not read/);

    rmSync(join(root, 'sourcebook.yaml'));
    mkdirSync(join(root, 'sourcebook.yaml'));
    problems = [];
    expect(load().size).toBeGreaterThan(0);
    expect(problems[0]!.reason).toMatch(/sourcebook\.yaml is a folder, not a regular file; not read/);
  });

  it('is not restored from a persisted index made before sourcebook.yaml changed', async () => {
    const store = new IndexStore(join(dir, 'storage'), 'test-build');
    write('sourcebook.yaml', 'publisher: First');
    const first = await IndexedCorpus.load({ folders: [{ root }], store });
    first.indexed.persist();
    write('sourcebook.yaml', 'publisher: Second');
    const second = await IndexedCorpus.load({ folders: [{ root }], store });
    expect(second.stats.fromCache).toBe(0);
    const business = second.indexed.corpus.articles().find((a) => a.path.endsWith('001.txt'))!;
    expect(business.publisher).toBe('Second');
    second.indexed.persist();
    const third = await IndexedCorpus.load({ folders: [{ root }], store });
    expect(third.stats.fromCache).toBe(3);
    expect(third.indexed.corpus.articles().find((a) => a.path.endsWith('001.txt'))!.publisher).toBe('Second');
  });
});
