import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addToBibliography,
  CITATION_STYLES,
  displayDate,
  formatReference,
  toCslItem,
} from '../../../src/core/citations';
import { applyEdits, renderQuote } from '../../../src/core/quotes';
import { loadCorpus } from '../../../src/node/corpusFiles';
import { fixtureCorpus } from '../quotes/fixtures';

// The first use of a CSL style compiles it, which takes seconds on a busy machine.
const CSL_TIMEOUT = 60_000;

const bundled = loadCorpus({ folders: [{ root: join(__dirname, '../../../corpus'), bundled: true }] });
const gamble = bundled.article('alibaba-ai-gamble-qwen')!;
const shareholders = bundled.article('alibaba-qwen-shareholders')!;

describe('formatReference', () => {
  it(
    'renders both bundled articles in every style without "undefined" or invented values',
    { timeout: CSL_TIMEOUT },
    () => {
      for (const article of [gamble, shareholders]) {
        for (const style of CITATION_STYLES) {
          for (const section of [undefined, article.sections[2]]) {
            const reference = formatReference(article, style, section);
            expect(reference, `${article.id} ${style}`).not.toMatch(/undefined|null|NaN|\[object/);
            if (style !== 'pandoc') expect(reference, `${article.id} ${style}`).toContain(article.title);
          }
          // The second article names no publisher or date: no style may make one up.
          if (article === shareholders) expect(formatReference(article, style)).not.toMatch(/FrontierNews|20\d\d/);
        }
      }
    },
  );

  it('writes the footnote and inline references by hand, saying what is unknown', () => {
    const section = gamble.sections.find((s) => s.title.startsWith('Why Is Alibaba'));
    expect(formatReference(gamble, 'footnote', section)).toBe(
      `FrontierNews.ai, "Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT", 2026, § Why Is Alibaba Sacrificing Short-Term Profits for AI?`,
    );
    expect(formatReference(shareholders, 'footnote')).toBe(
      '"\\[Alibaba at a Critical Juncture: Qwen and the Case for Shareholders\\]", publisher unknown, undated.',
    );
    expect(formatReference(shareholders, 'inline')).toBe(
      '*\\[Alibaba at a Critical Juncture: Qwen and the Case for Shareholders\\]*, undated',
    );
    expect(formatReference(gamble, 'pandoc')).toBe('[@alibaba-ai-gamble-qwen]');
  });

  it('formats APA, Chicago and MLA through CSL, keeping the title as written', { timeout: CSL_TIMEOUT }, () => {
    expect(formatReference(gamble, 'apa')).toBe(
      `Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT. (2026). *FrontierNews.ai*.`,
    );
    expect(formatReference(gamble, 'chicago')).toBe(
      `*FrontierNews.ai*. 2026. “Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT.”`,
    );
    expect(formatReference(gamble, 'mla')).toBe(
      `“Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT.” *FrontierNews.ai*, 2026.`,
    );
    expect(formatReference(shareholders, 'apa')).toBe(
      '*\\[Alibaba at a Critical Juncture: Qwen and the Case for Shareholders\\]*. (n.d.).',
    );
    expect(formatReference(shareholders, 'chicago')).toBe(
      '“\\[Alibaba at a Critical Juncture: Qwen and the Case for Shareholders\\].” n.d.',
    );
  });

  it('formats every kind of known date, and dates it cannot parse as written', { timeout: CSL_TIMEOUT }, () => {
    expect(['2026', '2026-03', '2026-03-14', '2026-Q1', 'Spring 2026', undefined].map(displayDate)).toEqual([
      '2026',
      'March 2026',
      'March 14, 2026',
      'Q1 2026',
      'Spring 2026',
      'undated',
    ]);
    const corpus = fixtureCorpus({ q: '---\nid: q\ntitle: Quarterly\npublisher: Wire\ndate: 2026-Q1\n---\n\nText.' });
    const quarterly = corpus.article('q')!;
    expect(toCslItem(quarterly).issued).toEqual({ literal: 'Q1 2026' });
    expect(formatReference(quarterly, 'apa')).toBe('Quarterly. (Q1 2026). *Wire*.');
    expect(formatReference(quarterly, 'inline')).toBe('*Quarterly*, Wire, Q1 2026');
  });

  it('cites in the text after the quote and lists the reference under Works Cited', { timeout: CSL_TIMEOUT }, () => {
    const passage = bundled.passage('alibaba-ai-gamble-qwen#0.0')!;
    const note = applyEdits('', renderQuote('', passage, gamble, 'mla', 0, { anchor: false }).edits);
    expect(note).toBe(
      [
        `> "${passage.text}" (“Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT”)`,
        '',
        '## Works Cited',
        '',
        formatReference(gamble, 'mla'),
        '',
      ].join('\n'),
    );
  });
});

describe('addToBibliography', () => {
  const item = toCslItem(gamble);

  it('creates the CSL-JSON file with the cited entry', () => {
    const { text, added } = addToBibliography(undefined, [item]);
    expect(added).toEqual(['alibaba-ai-gamble-qwen']);
    expect(JSON.parse(text)).toEqual([
      {
        id: 'alibaba-ai-gamble-qwen',
        type: 'article-newspaper',
        title: gamble.title,
        'container-title': 'FrontierNews.ai',
        issued: { 'date-parts': [[2026]] },
      },
    ]);
  });

  it('never duplicates an entry and keeps entries the user edited', () => {
    const edited = JSON.stringify(
      [{ id: 'alibaba-ai-gamble-qwen', type: 'webpage', title: 'Edited by hand' }],
      null,
      4,
    );
    expect(addToBibliography(edited, [item])).toEqual({ text: edited, added: [] });
    const grown = addToBibliography(edited, [toCslItem(shareholders), toCslItem(shareholders)]);
    expect(grown.added).toEqual(['alibaba-qwen-shareholders']);
    const entries = JSON.parse(grown.text) as {
      id: string;
      title: string;
      issued?: unknown;
      'container-title'?: unknown;
    }[];
    expect(entries.map((e) => e.id)).toEqual(['alibaba-ai-gamble-qwen', 'alibaba-qwen-shareholders']);
    expect(entries[0]!.title).toBe('Edited by hand');
    expect(entries[1]).not.toHaveProperty('issued');
    expect(entries[1]).not.toHaveProperty('container-title');
    expect(grown.text).toMatch(/^\[\n {4}\{/);
  });

  it('refuses to rewrite a file that is not a CSL-JSON array', () => {
    expect(() => addToBibliography('{ "not": "an array" }', [item])).toThrow(/not a CSL-JSON array/);
    expect(() => addToBibliography('[{ broken', [item])).toThrow(/not valid JSON/);
  });
});
