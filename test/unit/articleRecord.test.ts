import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { articleRecord, restoreArticle } from '../../src/core/cache/articleRecord';
import {
  decodeFolderIndex,
  encodeFolderIndex,
  type FolderIndex,
  INDEX_VERSION,
} from '../../src/core/cache/folderIndex';
import type { Article } from '../../src/core/model';
import { parseArticle } from '../../src/core/parse/article';
import { joinLines } from './helpers';

const MARKDOWN = joinLines(
  '---',
  'id: chips-2026',
  'title: Chips and the Year Ahead',
  'publisher: The Ledger',
  'date: 2026-03',
  'topics: [chips, trade]',
  '---',
  '',
  'Lead text before any heading. It runs to two sentences.',
  '',
  '## Supply',
  '',
  'Mr. Smith said the U.S. plan costs 1.5 billion dollars. Nobody agreed.',
  '',
  '- A list item. With two sentences.',
  '- Another item',
  '',
  '> A quoted line… that runs on. And ends.',
  '',
  '| Year | Units |',
  '| ---- | ----- |',
  '| 2025 | 10    |',
  '',
  '### Demand — “outlook”',
  '',
  'Prices fell 3%. Then rose?',
);

const PLAIN = joinLines(
  'Ad sales boost Time Warner profit',
  '',
  'Quarterly profits rose 76%. The firm said so.',
  '',
  'Its shares rose.',
);

function parsed(path: string, text: string): Article {
  return parseArticle({ path, relativePath: path.slice(1), text }).article;
}

/** Parses, records, writes and reads back the record through a folder index file, and restores the article. */
function restored(path: string, text: string, reads: string[] = []): Article {
  const written = {
    root: '/c',
    producer: 'test',
    files: new Map([['x', { key: { size: 1, mtime: 1 }, outcome: { article: articleRecord(parsed(path, text)) } }]]),
  };
  const decoded = decodeFolderIndex(encodeFolderIndex(written), written);
  if (!decoded.ok) throw new Error(decoded.reason);
  const outcome = decoded.index.files.get('x')!.outcome;
  if (!('article' in outcome)) throw new Error('not an article');
  const record = outcome.article;
  return restoreArticle(record, {
    path,
    relativePath: path.slice(1),
    bundled: false,
    texts: { read: (p) => (reads.push(p), text) },
  });
}

/** Everything a feature can read of an article, as plain data. */
function view(article: Article) {
  const { id, title, titleProvenance, publisher, date, url, topics, summary, authors, path, bundled } = article;
  const { text: source, sections: withText, stale } = articleText(article);
  expect(article.sections).toEqual(withText.map(({ index, title, depth, range }) => ({ index, title, depth, range })));
  const sections = withText.map(({ index, title, depth, range, paragraphs }) => ({
    index,
    title,
    depth,
    range,
    paragraphs,
  }));
  return {
    id,
    title,
    titleProvenance,
    publisher,
    date,
    url,
    topics,
    summary,
    authors,
    path,
    bundled,
    source,
    sections,
    stale,
  };
}

describe('article records', () => {
  it('restore a Markdown article exactly as parsing it does', () => {
    expect(view(restored('/c/chips.md', MARKDOWN))).toEqual(view(parsed('/c/chips.md', MARKDOWN)));
  });

  it('restore a plain-text article exactly as parsing it does', () => {
    expect(view(restored('/c/business/001.txt', PLAIN))).toEqual(view(parsed('/c/business/001.txt', PLAIN)));
  });

  it('give titles and section headings without reading the text', () => {
    const reads: string[] = [];
    const article = restored('/c/chips.md', MARKDOWN, reads);
    expect(article.title).toBe('Chips and the Year Ahead');
    expect(article.sections.map((s) => [s.title, s.range.start.line])).toEqual([
      ['Chips and the Year Ahead', 8],
      ['Supply', 10],
      ['Demand — “outlook”', 23],
    ]);
    expect(reads).toEqual([]);
    expect(articleText(article).sections[1]!.paragraphs[0]!.sentences[0]!.text).toBe(
      'Mr. Smith said the U.S. plan costs 1.5 billion dollars.',
    );
    expect(reads).toEqual(['/c/chips.md']);
  });

  it('say a text that changed after the record was made is stale, and parse it as it is', () => {
    const record = articleRecord(parsed('/c/a.md', 'First. Second.'));
    const article = restoreArticle(record, {
      path: '/c/a.md',
      relativePath: 'a.md',
      bundled: false,
      texts: { read: () => 'Fixed. Second.' },
    });
    const text = articleText(article);
    expect(text.sections[0]!.paragraphs[0]!.sentences.map((s) => s.text)).toEqual(['Fixed.', 'Second.']);
    expect(text.stale).toBe(true);
  });

  it('say a text that cannot be read any more is stale, and has no paragraphs', () => {
    const record = articleRecord(parsed('/c/a.md', 'First. Second.'));
    const article = restoreArticle(record, {
      path: '/c/a.md',
      relativePath: 'a.md',
      bundled: false,
      texts: { read: () => undefined },
    });
    expect(articleText(article)).toMatchObject({ text: '', stale: true });
    expect(articleText(article).sections.flatMap((s) => s.paragraphs)).toEqual([]);
  });

  it('read the text once, when it is first asked for', () => {
    const reads: string[] = [];
    const article = restored('/c/chips.md', MARKDOWN, reads);
    expect(articleText(article).stale).toBe(false);
    expect(articleText(article)).toBe(articleText(article));
    expect(reads).toEqual(['/c/chips.md']);
  });

  it('round-trip any prose the parser accepts, ranges slicing back to their text', () => {
    const word = fc.constantFrom(
      'Mr.',
      'U.S.',
      'profit',
      'rose',
      '1.5',
      '“quoted”',
      'Inc.',
      'end.',
      'why?',
      '…',
      'é',
      '😀',
    );
    const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    const block = fc.oneof(
      line,
      line.map((l) => `## ${l}`),
      line.map((l) => `- ${l}`),
      line.map((l) => `> ${l}`),
    );
    const doc = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n'));
    fc.assert(
      fc.property(doc, fc.boolean(), (text, markdown) => {
        const path = markdown ? '/c/x.md' : '/c/x.txt';
        const back = restored(path, text);
        expect(view(back)).toEqual(view(parsed(path, text)));
        for (const section of articleText(back).sections) {
          for (const paragraph of section.paragraphs) {
            for (const sentence of paragraph.sentences)
              expect(text.slice(sentence.range.start.offset, sentence.range.end.offset)).toBe(sentence.text);
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('folder index files', () => {
  const index = (): FolderIndex => ({
    root: '/c',
    producer: 'test',
    files: new Map([
      [
        'chips.md',
        { key: { size: 10, mtime: 1.5 }, outcome: { article: articleRecord(parsed('/c/chips.md', MARKDOWN)) } },
      ],
      ['empty.md', { key: { size: 0, mtime: 2 }, outcome: { skipped: 'file is empty' } }],
    ]),
  });
  const expected = { root: '/c', producer: 'test' };

  it('read back what was written', () => {
    const decoded = decodeFolderIndex(encodeFolderIndex(index()), expected);
    expect(decoded.ok && [...decoded.index.files]).toEqual([...index().files]);
  });

  it('are refused, with the reason, when corrupt, old or foreign', () => {
    const bytes = encodeFolderIndex(index());
    const newline = bytes.indexOf(10);
    const header = new TextDecoder().decode(bytes.subarray(0, newline));
    const body = bytes.subarray(newline + 1);
    /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument --
       the corruptions below reach into the header's JSON freely, whatever its shape */
    /** The file with its header edited (the body moved to stay aligned). */
    const edited = (edit: (data: any) => void) => {
      const data = JSON.parse(header);
      edit(data);
      const head = new TextEncoder().encode(`${JSON.stringify(data)}\n`);
      const out = new Uint8Array(((head.length + 3) & ~3) + data.ints * 4);
      out.set(head);
      out.set(bytes.subarray(bytes.length - data.ints * 4), out.length - data.ints * 4);
      return out;
    };
    /** The file with one integer of the body changed. */
    const poked = (at: number, value: number) => {
      const out = bytes.slice();
      new DataView(out.buffer).setInt32(out.length - JSON.parse(header).ints * 4 + at * 4, value, true);
      return out;
    };
    const entry = (data: any, path: string) => data.files.find((e: any[]) => e[0] === path);
    const [length, , at] = entry(JSON.parse(header), 'chips.md')[3];
    const chips = { length, at };
    const bad = [
      bytes.subarray(0, newline - 10),
      new Uint8Array(),
      new TextEncoder().encode('[]\n'),
      bytes.subarray(0, bytes.length - 4),
      edited((d) => (d.version = INDEX_VERSION - 1)),
      edited((d) => (d.format = 'other')),
      edited((d) => (d.producer = 'older build')),
      edited((d) => (d.root = '/elsewhere')),
      edited((d) => (entry(d, 'chips.md')[3][8] = 'chips')), // topics not a list
      edited((d) => (entry(d, 'chips.md')[3][3] += 1)), // one integer more than the structure has
      edited((d) => entry(d, 'chips.md')[3][4].pop()), // a section title missing
      edited((d) => entry(d, 'chips.md')[3].pop()), // a field missing
      edited((d) => (entry(d, 'chips.md')[1] = -1)), // a negative size
      edited((d) => (entry(d, 'empty.md')[3] = 3)), // a skip reason that is not text
      edited((d) => (d.files = {})), // the file table not a list
      poked(chips.at + 8, 9), // an unknown block kind
      poked(chips.at + 10, chips.length + 1), // a paragraph ending past the text
      poked(chips.at + 7, 1000), // more paragraphs than there are
    ];
    /* eslint-enable */

    expect(body.length).toBeGreaterThan(0);
    for (const result of bad.map((b) => decodeFolderIndex(b, expected)))
      expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
  });
});
