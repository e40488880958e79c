import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { CITATION_STYLES, type CitationStyle, prepareCslStyle } from '../../../src/core/citations';
import { checkNote } from '../../../src/core/integrity/checkNote';
import { applyEdits, renderQuote } from '../../../src/core/quotes';
import { fixtureCorpus } from './fixtures';

// Whatever a corpus holds, what Sourcebook writes into a note is one blockquote and its citation, and checks clean.
const HOSTILE = [
  '\n',
  '[',
  ']',
  '[^x]',
  '[^1]:',
  '>',
  '#',
  '# Heading',
  '&',
  '&amp;',
  '&#163;',
  '<',
  '<img src=x onerror=alert(1)>',
  '<b>',
  '"',
  '"—',
  '" —',
  '—',
  '---',
  '`',
  '```',
  '*',
  '_',
  '[run](command:workbench.action.quit)',
  '![img](x.png)',
  '<command:x>',
  '@key',
  '$x$',
  '~~',
  '\\',
  '|',
  'word',
  'Alibaba',
  '5%',
];

const hostile = fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
/** A title names its article by its words, so it has one at least. */
const hostileTitle = fc.tuple(hostile, hostile).map(([before, after]) => `${before} Title ${after}`);
/** Article text: a plain first word keeps the block a paragraph, whatever follows. */
const prose = fc
  .array(fc.constantFrom(...HOSTILE.filter((t) => !t.includes('\n'))), { minLength: 1, maxLength: 10 })
  .map((parts) => `Plain ${parts.join(' ')} end.`);

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function nodesOf(node: RootContent | Root, type: string): number {
  let count = node.type === type ? 1 : 0;
  if ('children' in node) for (const child of node.children as RootContent[]) count += nodesOf(child, type);
  return count;
}

function htmlOf(node: RootContent | Root): string[] {
  const own = node.type === 'html' ? [node.value] : [];
  return 'children' in node ? [...own, ...(node.children as RootContent[]).flatMap(htmlOf)] : own;
}

/** The top-level blocks each style writes into an empty note. */
const EXPECTED_BLOCKS: Record<CitationStyle, string[]> = {
  footnote: ['blockquote', 'footnoteDefinition'],
  inline: ['blockquote'],
  pandoc: ['yaml', 'blockquote'],
  apa: ['blockquote', 'heading', 'paragraph'],
  chicago: ['blockquote', 'heading', 'paragraph'],
  mla: ['blockquote', 'heading', 'paragraph'],
};

/** How each style names page 2 (the quote line then ends with its anchor comment). */
const PAGE_CITED: Record<CitationStyle, RegExp> = {
  footnote: /\[\^hostile\.p2\][\s\S]*, p\. 2\.$/m,
  inline: /, p\. 2 <!-- sourcebook [^<>]+ -->$/m,
  pandoc: /\[@hostile, p\. 2\] <!-- sourcebook [^<>]+ -->$/m,
  apa: /, p\. 2\) <!-- sourcebook [^<>]+ -->$/m,
  chicago: /, 2\) <!-- sourcebook [^<>]+ -->$/m,
  mla: / 2\) <!-- sourcebook [^<>]+ -->$/m,
};

describe('inserted quotes are well-formed and inert', () => {
  for (const style of CITATION_STYLES) {
    it(`writes one blockquote and its citation, and checks clean, in ${style} style`, { timeout: 120_000 }, () => {
      if (style === 'apa' || style === 'chicago' || style === 'mla') prepareCslStyle(style);
      fc.assert(
        fc.property(hostileTitle, hostile, prose, (title, publisher, text) => {
          const corpus = fixtureCorpus({
            hostile: [
              '---',
              'id: hostile',
              `title: ${JSON.stringify(title)}`,
              `publisher: ${JSON.stringify(publisher)}`,
              'date: 2026-03-14',
              '---',
              '',
              text,
              '',
            ].join('\n'),
          });
          const article = corpus.article('hostile')!;
          const passage = corpus.passage('hostile#0');
          if (!passage) return;
          const note = applyEdits('', renderQuote('', passage, article, style, 0).edits);
          const tree = parser.parse(note);
          expect(
            tree.children.map((c) => c.type),
            note,
          ).toEqual(EXPECTED_BLOCKS[style]);
          const quote = tree.children.find((c) => c.type === 'blockquote')!;
          expect(
            quote.children.map((c) => c.type),
            note,
          ).toEqual(['paragraph']);
          for (const type of ['link', 'image', 'inlineCode', 'linkReference', 'imageReference'])
            expect(nodesOf(tree, type), `${type} in ${note}`).toBe(0);
          // The only HTML is the quote's hidden anchor comment, whatever the corpus text holds.
          expect(nodesOf(tree, 'html'), `html in ${note}`).toBe(1);
          expect(htmlOf(quote), note).toEqual([expect.stringMatching(/^<!-- sourcebook [^<>]*[^-<>] -->$/)]);
          // Only the reference list's own heading.
          expect(nodesOf(tree, 'heading'), note).toBe(EXPECTED_BLOCKS[style].includes('heading') ? 1 : 0);
          expect(nodesOf(quote, 'footnoteReference'), note).toBe(style === 'footnote' ? 1 : 0);
          // The quote renders as the passage's own characters (whitespace aside).
          const rendered = toString(quote).replace(/\s+/g, ' ');
          const expected = passage.text
            .replace(/\s+/g, ' ')
            .trim()
            .replace(/“/g, '‘')
            .replace(/”/g, '’')
            .replace(/"/g, "'");
          expect(rendered.startsWith(`"${expected}"`), `${rendered}\n${expected}`).toBe(true);
          expect(checkNote(note, corpus), note).toEqual([]);
          // The same passage as if on page 2 of a PDF: the citation names the page, and checks clean.
          const pages = [0, passage.range.start.offset];
          const paged = new Proxy(article, {
            get: (target, key): unknown => (key === 'pages' ? pages : Reflect.get(target, key)),
          });
          const onPage = applyEdits('', renderQuote('', passage, paged, style, 0).edits);
          expect(onPage, style).toMatch(PAGE_CITED[style]);
          expect(
            parser.parse(onPage).children.map((c) => c.type),
            onPage,
          ).toEqual(EXPECTED_BLOCKS[style]);
          expect(checkNote(onPage, corpus), onPage).toEqual([]);
        }),
        { numRuns: 40 },
      );
    });
  }
});
