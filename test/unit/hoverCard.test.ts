import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { entityIndexFor } from '../../src/core/entities';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { entityCard } from '../../src/vscode/hover/entityCard';
import { escapeMarkdown, SafeMarkdown } from '../../src/vscode/hover/safeMarkdown';
import { joinLines } from './helpers';

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown);

function nodes(root: Root): RootContent[] {
  const all: RootContent[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type !== 'root') all.push(node);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(root);
  return all;
}

/** The text a reader sees: every text and inline-code value, in order. */
const shownText = (markdown: string) =>
  nodes(parse(markdown))
    .map((n) => (n.type === 'text' || n.type === 'inlineCode' ? n.value : ''))
    .join('')
    .replace(/\u200b/g, '');

const HOSTILE = joinLines(
  '---',
  'id: hostile',
  'title: "Evil <b>Title</b> [x](command:workbench.action.terminal.new)"',
  'publisher: "<img src=x onerror=alert(1)>"',
  '---',
  '',
  'Zyxcorp Holdings (ZYXC) says: click [run](command:workbench.action.terminal.new) now, or see <img src=x onerror=alert(1)> and **bold** $(zap) &amp; ![i](https://x.test/i.png).',
  '',
  'Zyxcorp Holdings shipped <script>alert(1)</script> widgets to `everyone` | a | b | today, as planned.',
  '',
  'Critics of Zyxcorp Holdings <a href="command:workbench.action.terminal.new">said</a> nothing at all about it.',
);

describe('the entity card', () => {
  const corpus = new Corpus();
  corpus.setFile(
    { path: '/c/hostile.md', relativePath: 'hostile.md' },
    decodeCorpusFile(new TextEncoder().encode(HOSTILE)),
  );
  const index = entityIndexFor(corpus);
  const entity = index.resolve('Zyxcorp Holdings')!;
  const card = entityCard(index, corpus, entity.id)!;

  it('shows hostile corpus text as text: no link but its own, no HTML, no image', () => {
    const tree = nodes(parse(card.value));
    expect(tree.filter((n) => n.type === 'html' || n.type === 'image')).toEqual([]);
    const links = tree.filter((n) => n.type === 'link').map((n) => (n.type === 'link' ? n.url : ''));
    expect(links.length).toBeGreaterThan(0);
    for (const url of links)
      expect(url).toMatch(/^command:sourcebook\.(insertCitedQuote|showInEntities|openArticle)(\?|$)/);
    const text = shownText(card.value);
    expect(text).toContain('[run](command:workbench.action.terminal.new)');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('Evil <b>Title</b>');
  });

  it('trusts only the Sourcebook commands its links run', () => {
    expect(card.enabledCommands.sort()).toEqual([
      'sourcebook.insertCitedQuote',
      'sourcebook.openArticle',
      'sourcebook.showInEntities',
    ]);
  });

  it('marks discovered entities, and gives counts, quotes with citations and actions', () => {
    const text = shownText(card.value);
    expect(text).toMatch(/^Zyxcorp Holdings — company · discovered in the corpus/);
    expect(text).toContain('Also: ZYXC');
    expect(text).toMatch(/4 mentions in 1 article/);
    expect(text).toContain('Insert a quote about Zyxcorp Holdings…');
    const args = /command:sourcebook\.insertCitedQuote\?([^)\s]+)/.exec(card.value)![1]!;
    expect(JSON.parse(decodeURIComponent(args))).toEqual({ entity: 'Zyxcorp Holdings' });
  });
});

describe('escapeMarkdown', () => {
  it('keeps any text exactly as it reads, as text only, whitespace collapsed', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            'b',
            'w',
            ' ',
            '\n',
            '/',
            '@',
            'https:',
            'www.',
            '&#58;',
            '[',
            ']',
            '(',
            ')',
            '<',
            '>',
            '*',
            '_',
            '`',
            '\\',
            '!',
            '&',
            ';',
            '#',
            '|',
            ':',
            '$',
            '~',
            '-',
            '=',
            '+',
            '.',
            '1',
            '"',
            "'",
          ),
        }),
        (value) => {
          const flat = value.replace(/\s+/g, ' ').trim();
          fc.pre(flat !== '');
          const markdown = `x${escapeMarkdown(flat)}x`;
          expect(shownText(markdown)).toBe(`x${flat}x`);
          expect(nodes(parse(markdown)).filter((n) => n.type !== 'paragraph' && n.type !== 'text')).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 20_000);

  it('builds command links whose arguments survive any entity name', () => {
    const md = new SafeMarkdown().commandLink('Open (x)', 'sourcebook.openArticle', { articleId: 'a)b"c](d', line: 3 });
    const link = nodes(parse(md.value)).find((n) => n.type === 'link');
    expect(link?.type === 'link' && JSON.parse(decodeURIComponent(link.url.split('?')[1]!))).toEqual({
      articleId: 'a)b"c](d',
      line: 3,
    });
  });
});
