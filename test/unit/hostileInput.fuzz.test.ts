import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { CITATION_STYLES, type CitationStyle, prepareCslStyle } from '../../src/core/citations';
import type { Corpus } from '../../src/core/corpus';
import { parseCatalogs } from '../../src/core/entities/catalog';
import { checkNote } from '../../src/core/integrity/checkNote';
import { applyEdits, renderQuote } from '../../src/core/quotes';
import { parseArticle } from '../../src/core/parse/article';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { IndexedCorpus } from '../../src/node/corpusLoader';
import { parseWorkerScript, WorkerParser } from '../../src/node/workers/parsePool';

// Hostile input, generated: whatever a corpus holds, the good articles load,
// nothing outside the corpus folder is read, nothing in it is written, and
// quotes inserted from whatever loaded check clean.
// Bounded: few runs of small inputs, so the suite takes seconds, not minutes.

/** Markdown made of the pieces parsers choke on: nesting, emphasis runs, brackets, tables, footnotes, HTML. */
const hostileMarkdown = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '>',
        '> ',
        '- ',
        '* ',
        '1. ',
        '   ',
        '\t',
        '#',
        '# ',
        '**',
        '*',
        '_',
        '`',
        '```',
        '~~~',
        '[',
        ']',
        '(',
        ')',
      ),
      fc.constantFrom(
        '[^1]',
        '[^1]: x',
        '|',
        '| a | b |\n|---|---|',
        '<b>',
        '</b>',
        '<!--',
        '-->',
        '&amp;',
        '\\',
        '![',
        '---',
      ),
      fc.constantFrom(
        '\n',
        '\n\n',
        '\r\n',
        'word',
        'Word. ',
        'www.x.test',
        'a@b.test',
        'http://x.test',
        '\u00e9',
        '\u202e',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 120 },
  )
  .chain((parts) => fc.nat({ max: 400 }).map((repeat) => parts.join('') + '>'.repeat(repeat) + ' end\n'));

const hostileFrontMatter = fc
  .tuple(
    fc.constantFrom(
      '',
      'id: same\n',
      'id: [a, b]\n',
      'title: "a\\nb\\u0007"\n',
      'title: *x\n',
      '&a [*a, *a]\n',
      'x: !!binary AAAA\n',
    ),
    fc.string({ maxLength: 40 }),
    fc.boolean(),
  )
  .map(([line, extra, closed]) => `---\n${line}${extra.replace(/\n---/g, '')}\n${closed ? '---\n' : ''}`);

describe('hostile Markdown and front matter', () => {
  it('parse to an article or a clear refusal, never an exception, and titles hold no control characters', () => {
    fc.assert(
      fc.property(hostileFrontMatter, hostileMarkdown, (front, body) => {
        const text = `${front}${body}`;
        const decoded = decodeCorpusFile(new TextEncoder().encode(text));
        if (!decoded.ok) return;
        let parsed;
        try {
          parsed = parseArticle({ path: '/c/f.md', relativePath: 'f.md', text: decoded.text });
        } catch (error) {
          expect((error as Error).message).toBe('file is empty');
          return;
        }
        // eslint-disable-next-line no-control-regex -- the point of the check
        expect(parsed.article.title).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        for (const section of articleText(parsed.article).sections)
          for (const paragraph of section.paragraphs) expect(text).toContain(paragraph.text.slice(0, 20));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('catalogs of any shape give entries or problems, never an exception', () => {
    const catalog = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc.nat({ max: 2000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      fc.constantFrom('a: &a [*a]\n', '- name: x\n  aliases: [' + 'a,'.repeat(500) + ']\n', '__proto__:\n  name: x\n'),
    );
    fc.assert(
      fc.property(catalog, (text) => {
        const parsed = parseCatalogs([{ path: '/c/entities.yaml', text }]);
        expect(Array.isArray(parsed.entries) && Array.isArray(parsed.problems)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

/** A file-system shape in a corpus folder: what to make, by name. */
type Shape =
  | { kind: 'article'; body: string }
  | { kind: 'linkOut' }
  | { kind: 'linkOutFolder' }
  | { kind: 'linkIn' }
  | { kind: 'loop' }
  | { kind: 'fifo' }
  | { kind: 'device' }
  | { kind: 'folderNamedMd' }
  | { kind: 'dangling' };

const shape: fc.Arbitrary<Shape> = fc.oneof(
  hostileMarkdown.map((body) => ({ kind: 'article' as const, body })),
  fc.constantFrom<Shape>(
    { kind: 'linkOut' },
    { kind: 'linkOutFolder' },
    { kind: 'linkIn' },
    { kind: 'loop' },
    { kind: 'fifo' },
    { kind: 'device' },
    { kind: 'folderNamedMd' },
    { kind: 'dangling' },
  ),
);

describe('hostile corpus folders', () => {
  let dir: string;
  let parser: WorkerParser;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourcebook-fuzz-'));
    mkdirSync(join(dir, 'outside', 'folder'), { recursive: true });
    writeFileSync(join(dir, 'outside', 'secret.md'), '# Secret\n\nOUTSIDE-TEXT.\n');
    writeFileSync(join(dir, 'outside', 'folder', 'far.md'), '# Far\n\nOUTSIDE-TEXT.\n');
    parser = new WorkerParser({ script: parseWorkerScript()!, size: 1, budgetMs: 1500 });
    for (const style of CITATION_STYLES)
      if (style === 'apa' || style === 'chicago' || style === 'mla') prepareCslStyle(style);
  });
  afterAll(async () => {
    await parser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let run = 0;
  function makeCorpus(shapes: readonly Shape[]): string {
    const root = join(dir, `corpus-${run++}`);
    mkdirSync(root);
    writeFileSync(join(root, 'good.md'), '---\ntitle: Good\n---\n\nGOOD-TEXT rose.\n');
    shapes.forEach((item, i) => {
      const path = join(root, `f${i}.md`);
      switch (item.kind) {
        case 'article':
          writeFileSync(path, item.body);
          break;
        case 'linkOut':
          symlinkSync(join(dir, 'outside', 'secret.md'), path);
          break;
        case 'linkOutFolder':
          symlinkSync(join(dir, 'outside', 'folder'), join(root, `d${i}`));
          break;
        case 'linkIn':
          symlinkSync(join(root, 'good.md'), path);
          break;
        case 'loop':
          symlinkSync('.', join(root, `loop${i}`));
          break;
        case 'fifo':
          execFileSync('mkfifo', [path]);
          break;
        case 'device':
          symlinkSync('/dev/zero', path);
          break;
        case 'folderNamedMd':
          mkdirSync(path);
          break;
        case 'dangling':
          symlinkSync(join(root, 'nothing'), path);
          break;
      }
    });
    return root;
  }

  /** Every entry's name and modification time (links not followed): what "nothing was written" is checked against. */
  function listing(root: string, prefix = ''): string[] {
    const entries: string[] = [];
    for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      entries.push(`${name}@${lstatSync(join(root, name)).mtimeMs}`);
      if (entry.isDirectory()) entries.push(...listing(root, name));
    }
    return entries.sort();
  }

  /** A note made by inserting, one after another, quotes of the first sentences the corpus has: it must check clean. */
  function quotedNote(corpus: Corpus, style: CitationStyle): string {
    let note = '# Notes\n\n';
    let quoted = 0;
    for (const passage of corpus.sentences()) {
      if (quoted++ === 6) break;
      const article = corpus.article(passage.articleId)!;
      note = applyEdits(note, renderQuote(note, passage, article, style, note.length).edits);
    }
    return note;
  }

  it('loads the good article, reads nothing outside, writes nothing, and its quotes check clean, whatever else the folder holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(shape, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...CITATION_STYLES),
        async (shapes, style) => {
          const root = makeCorpus(shapes);
          const before = listing(root);
          const { indexed } = await IndexedCorpus.load({ folders: [{ root }], parser });
          const corpus = indexed.corpus;
          expect(articleText(corpus.article('good')!).sections[0]?.paragraphs[0]?.text).toBe('GOOD-TEXT rose.');
          for (const article of corpus.articles()) {
            expect(article.path.startsWith(root)).toBe(true);
            expect(articleText(article).text).not.toContain('OUTSIDE-TEXT');
          }
          expect(corpus.articles().filter((a) => articleText(a).text.includes('GOOD-TEXT'))).toHaveLength(1);
          const note = quotedNote(corpus, style);
          expect(checkNote(note, corpus), note).toEqual([]);
          // A vanishing file: removed between two batches, the rest stays.
          rmSync(join(root, 'f0.md'), { recursive: true, force: true });
          await indexed.apply([join(root, 'f0.md')]);
          expect(corpus.article('good')).toBeDefined();
          expect(corpus.articleAt(join(root, 'f0.md'))).toBeUndefined();
          expect(listing(root)).toEqual(before.filter((entry) => !entry.startsWith('f0.md')));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
