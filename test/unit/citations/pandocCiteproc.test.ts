import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CslItem,
  type CslLocator,
  type CslStyle,
  cslStyleXml,
  formatCslCitation,
  formatCslEntry,
} from '../../../src/core/citations';
import { htmlToMarkdown } from '../../../src/core/citations/csl';
import { requirePandoc } from '../roundtrip/pandoc';

// The same CSL-JSON items and the same style files, formatted by pandoc's own citeproc and by
// Sourcebook (citeproc-js through citation-js): the entries and in-text citations must agree,
// except for the differences docs/citations.md lists, each of which is spelled out below.
const TIMEOUT = 120_000;

/** Items of the shapes Sourcebook writes: library entries with authors and links, and articles without authors. */
const ITEMS: readonly CslItem[] = [
  {
    id: 'brennan2026',
    type: 'article-newspaper',
    title: 'Offshore wind auction clears at record low price',
    'container-title': 'Northwind Energy Review',
    author: [{ family: 'Brennan', given: 'Ada' }],
    issued: { 'date-parts': [[2026, 3, 11]] },
    URL: 'https://northwind.example/2026/03/auction',
  },
  {
    id: 'okafor2025',
    type: 'article-newspaper',
    title: 'Container ports learn to live with longer queues',
    'container-title': 'Harbour Economics Quarterly',
    author: [
      { family: 'Okafor', given: 'Ines' },
      { family: 'Lindqvist', given: 'Mara' },
    ],
    issued: { 'date-parts': [[2025, 11]] },
    DOI: '10.5555/heq.2025.11',
  },
  {
    id: 'qwen2026',
    type: 'article-newspaper',
    title: 'Q&A: why Alibaba bets on open models',
    'container-title': 'FrontierNews.ai',
    issued: { 'date-parts': [[2026]] },
  },
  {
    id: 'gamble2026',
    type: 'article-newspaper',
    title: "Alibaba's AI gamble is paying off: how Qwen became China's answer",
    'container-title': 'FrontierNews.ai',
    author: [{ family: 'Chen', given: 'Li' }],
    issued: { 'date-parts': [[2026, 4, 2]] },
  },
  {
    id: 'undated',
    type: 'article-newspaper',
    title: 'Cloud prices fall again',
    author: [{ literal: 'Example Times Staff' }],
  },
];

/** The cites compared: no locator, a page, a section. */
const CITES: readonly { readonly id: string; readonly locator?: CslLocator }[] = ITEMS.flatMap((item) => [
  { id: item.id },
  { id: item.id, locator: { label: 'page', value: '4' } },
  { id: item.id, locator: { label: 'section', value: 'Results' } },
]);

const STYLES: readonly CslStyle[] = ['apa', 'chicago', 'mla'];

interface PandocOutput {
  readonly citations: string[];
  readonly entries: Map<string, string>;
}

const dir = mkdtempSync(join(tmpdir(), 'sourcebook-citeproc-'));

/** Runs pandoc --citeproc on a note citing every cite once per paragraph, and reads its HTML back as Markdown. */
function pandocFormats(style: CslStyle): PandocOutput {
  writeFileSync(join(dir, 'items.json'), JSON.stringify(ITEMS, null, 2));
  writeFileSync(join(dir, `${style}.csl`), cslStyleXml(style));
  const note = CITES.map(({ id, locator }) =>
    locator ? `[@${id}, ${locator.label === 'page' ? 'p.' : 'sec.'} ${locator.value}]` : `[@${id}]`,
  ).join('\n\n');
  const result = spawnSync(
    'pandoc',
    ['--citeproc', '--bibliography', 'items.json', '--csl', `${style}.csl`, '-f', 'markdown', '-t', 'html'],
    { cwd: dir, input: note, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  expect(result.stderr, 'pandoc warns').toBe('');
  const citations = [...result.stdout.matchAll(/<span class="citation"[^>]*>([\s\S]*?)<\/span>\s*<\/p>/g)].map((m) =>
    htmlToMarkdown(m[1]!),
  );
  const entries = new Map<string, string>();
  for (const m of result.stdout.matchAll(/<div id="ref-([^"]+)" class="csl-entry"[^>]*>([\s\S]*?)<\/div>/g))
    entries.set(m[1]!, htmlToMarkdown(m[2]!));
  return { citations, entries };
}

/**
 * The differences docs/citations.md lists, undone on pandoc's side so that
 * everything else must be equal:
 * - pandoc curls an apostrophe inside a title (`Alibaba’s`); Sourcebook keeps
 *   the title's characters as the source wrote them, since `check` matches them;
 * - in title case, citeproc-js keeps a few short words lower case that
 *   pandoc capitalizes (`Paying off` / `Paying Off`).
 */
function withoutListedDifferences(theirs: string): string {
  return theirs.replace(/(?<=\p{L})’(?=\p{L})/gu, "'").replace(/\b(?<=\p{L}+ )(Off)\b/gu, 'off');
}

/**
 * Chicago author-date, an item without an author: the engines read the
 * style's `substitute` differently (citeproc-js puts the container title in
 * the author's place, pandoc the title). Same elements, other order; both
 * sides are spelled out.
 */
const CHICAGO_NO_AUTHOR = {
  entry: {
    ours: '*FrontierNews.ai*. 2026. “Q&A: Why Alibaba Bets on Open Models.”',
    theirs: '“Q&A: Why Alibaba Bets on Open Models.” 2026. *FrontierNews.ai*.',
  },
  cites: [
    { ours: '(*FrontierNews.ai* 2026)', theirs: '(“Q&A: Why Alibaba Bets on Open Models” 2026)' },
    { ours: '(*FrontierNews.ai* 2026, 4)', theirs: '(“Q&A: Why Alibaba Bets on Open Models” 2026, 4)' },
    {
      ours: '(*FrontierNews.ai* 2026, sec. Results)',
      theirs: '(“Q&A: Why Alibaba Bets on Open Models” 2026, sec. Results)',
    },
  ],
};

describe("Sourcebook's CSL formatting next to pandoc's citeproc, same items and style files", () => {
  const pandoc = new Map<CslStyle, PandocOutput>();
  beforeAll(() => {
    requirePandoc();
    for (const style of STYLES) pandoc.set(style, pandocFormats(style));
  }, TIMEOUT);

  for (const style of STYLES) {
    it(`${style}: the reference-list entries are pandoc's`, { timeout: TIMEOUT }, () => {
      const theirs = pandoc.get(style)!.entries;
      expect([...theirs.keys()].sort()).toEqual(ITEMS.map((item) => item.id).sort());
      for (const item of ITEMS) {
        const ours = formatCslEntry(item, style);
        if (style === 'chicago' && item.id === 'qwen2026') {
          expect({ ours, theirs: theirs.get(item.id) }).toEqual(CHICAGO_NO_AUTHOR.entry);
          continue;
        }
        expect(ours, `${style} ${item.id}`).toBe(withoutListedDifferences(theirs.get(item.id)!));
      }
    });

    it(`${style}: the in-text citations, with page and section locators, are pandoc's`, { timeout: TIMEOUT }, () => {
      const theirs = pandoc.get(style)!.citations;
      expect(theirs).toHaveLength(CITES.length);
      CITES.forEach((cite, i) => {
        const ours = formatCslCitation(
          ITEMS.find((item) => item.id === cite.id)!,
          style,
          cite.locator,
        );
        if (style === 'chicago' && cite.id === 'qwen2026') {
          const k = CITES.filter((c) => c.id === 'qwen2026').indexOf(cite);
          expect({ ours, theirs: theirs[i] }).toEqual(CHICAGO_NO_AUTHOR.cites[k]);
          return;
        }
        expect(ours, `${style} ${cite.id} ${cite.locator?.label ?? ''}`).toBe(withoutListedDifferences(theirs[i]!));
      });
    });
  }
});
