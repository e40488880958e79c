import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Extraction } from '../../../src/core/readers/extracted';
import { decodeHtml, extractHtml } from '../../../src/node/readers/html';

const fixture = (name: string): Extraction =>
  extractHtml(decodeHtml(readFileSync(join(__dirname, '../../fixtures/html', name))).text);
const documentOf = (name: string): ExtractedDocument => {
  const result = fixture(name);
  if (!result.ok) throw new Error(`${name} was not read: ${result.reason}`);
  return result.document;
};
const headings = (doc: ExtractedDocument) => doc.blocks.filter((b) => b.type === 'heading').map((b) => b.title);
const paragraphs = (doc: ExtractedDocument) =>
  doc.blocks.filter((b) => b.type === 'text').map((b) => doc.text.slice(b.start, b.end));

describe('the HTML reader', () => {
  it('reads a news page with JSON-LD: metadata from the page, main text without the boilerplate around it', () => {
    const doc = documentOf('news-jsonld.html');
    expect(doc.meta).toEqual({
      title: 'Harbour cranes stall as port strike enters second week',
      authors: ['Mara Lindqvist'],
      publisher: 'Coastline Daily',
      date: '2026-03-14',
      url: 'https://coastline.example/business/2026/03/harbour-cranes-stall',
      language: 'en-GB',
    });
    expect(headings(doc)).toEqual(['Talks resume on Thursday', 'Retailers brace for shortages']);
    expect(paragraphs(doc)).toContain(
      'Union leaders agreed to meet the employers\' federation on Thursday, the first formal talks since the walkout began. "We are ready to negotiate, but not to retreat," said Ines Okafor, the union\'s chief steward.',
    );
    expect(doc.blocks.filter((b) => b.type === 'text' && b.kind === 'listItem')).toHaveLength(2);
    // Navigation, ads, related links, comments and the footer are not article text.
    for (const boilerplate of [
      'Weather',
      'cheap flights',
      'savings account',
      'Ferry fares',
      'First!',
      'All rights reserved',
    ])
      expect(doc.text).not.toContain(boilerplate);
  });

  it('reads a WordPress post: Open Graph metadata, the site name left out of the title, comments and widgets dropped', () => {
    const doc = documentOf('blog-wordpress.html');
    expect(doc.meta).toMatchObject({
      title: 'Why small reactors keep missing their deadlines',
      authors: ['Tomasz Wren'],
      publisher: 'The Grid Notebook',
      date: '2025-11-02',
      url: 'https://gridnotebook.example/2025/11/small-reactors-deadlines/',
    });
    expect(headings(doc)).toEqual(['Supply chains are thin']);
    expect(doc.blocks.some((b) => b.type === 'text' && b.kind === 'blockquote')).toBe(true);
    for (const boilerplate of [
      'workforce shortages',
      'Recent Posts',
      'Leave a Reply',
      'Proudly powered',
      'Previous post',
    ])
      expect(doc.text).not.toContain(boilerplate);
  });

  it('reads a legacy table layout in ISO-8859-1 with <br><br> paragraphs, best-effort', () => {
    const doc = documentOf('legacy-table.html');
    expect(doc.meta).toMatchObject({
      title: 'Night trains return to the Alps',
      authors: ['Hélène Gaspard'],
      date: '2024-06-21',
    });
    expect(doc.text).toContain('between Zürich and Ljubljana');
    expect(paragraphs(doc)).toContain(
      'Critics point out that the service still loses money. The route is subsidised by three governments, and the subsidy agreement runs out in 2027.',
    );
    expect(doc.text).not.toContain('Reproduction prohibited');
  });

  it('keeps every block an exact slice of the text the article view shows', () => {
    for (const name of ['news-jsonld.html', 'blog-wordpress.html', 'legacy-table.html']) {
      const doc = documentOf(name);
      expect(doc.text.startsWith(`# ${doc.meta.title}\n`)).toBe(true);
      for (const block of doc.blocks) {
        const slice = doc.text.slice(block.start, block.end);
        expect(slice.trim()).toBe(slice);
        expect(slice).not.toContain('\n');
        if (block.type === 'heading') expect(slice).toBe(`${'#'.repeat(block.depth)} ${block.title}`);
      }
    }
  });

  it('skips a login page and a page of links, with the reason', () => {
    expect(fixture('login.html')).toEqual({ ok: false, reason: 'a login page, not an article' });
    const index = fixture('section-index.html');
    expect(index.ok).toBe(false);
    expect(!index.ok && index.reason).toMatch(/^not an article/);
  });

  it('escapes nothing and runs nothing: script text and markup in the page stay data', () => {
    const result = extractHtml(
      `<html><head><title>T</title><script>globalThis.ran = true</script></head><body><article><h1>T</h1><p>${'Plain words about <b>bold</b> &lt;script&gt;alert(1)&lt;/script&gt; claims. '.repeat(8)}</p></article></body></html>`,
    );
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(result.ok && result.document.text).toContain('<script>alert(1)</script> claims.');
  });
});
