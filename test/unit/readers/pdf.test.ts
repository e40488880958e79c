import { describe, expect, it } from 'vitest';
import { type ExtractedDocument, pageAt } from '../../../src/core/readers/extracted';
import { extractPdf } from '../../../src/node/readers/pdf';
import { pageLines, runningLines } from '../../../src/node/readers/pdfLayout';
import { encryptedPdf, scannedPdf, twoColumnPdf, windReportPdf } from '../../support/pdfFixtures';
import { writePdf } from '../../support/pdfWriter';

async function read(bytes: Uint8Array): Promise<ExtractedDocument> {
  const result = await extractPdf(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}
const paragraphs = (doc: ExtractedDocument) =>
  doc.blocks
    .filter((b) => b.type === 'text')
    .map((b) => ({ text: doc.text.slice(b.start, b.end), page: pageAt(doc.pages, b.start) }));

describe('the PDF reader', () => {
  it('reads metadata from the info dictionary, and text page by page with page markers', async () => {
    const doc = await read(windReportPdf());
    expect(doc.meta).toEqual({
      title: 'Offshore wind auction clears at record low price',
      authors: ['Ada Brennan'],
      date: '2026-03-11',
    });
    expect(doc.pages).toHaveLength(4);
    doc.pages!.forEach((start, i) => expect(doc.text.slice(start).startsWith(`[page ${i + 1}]`)).toBe(true));
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.title)).toEqual([
      'Financing',
      'Grid connections',
    ]);
  });

  it('knows the page of every passage: a page-3 sentence is on page 3', async () => {
    const doc = await read(windReportPdf());
    const found = paragraphs(doc).find((p) => p.text.includes('4.2 gigawatts'));
    expect(found).toEqual({
      text: 'Grid operators expect the new cables to carry 4.2 gigawatts by the end of 2028. Delays at two onshore substations remain the largest threat to that timetable.',
      page: 3,
    });
  });

  it('joins words hyphenated at line ends and leaves running headers and footers out', async () => {
    const doc = await read(windReportPdf());
    const text = paragraphs(doc)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('awarded contracts for difference');
    expect(text).toContain('power purchase agreements');
    expect(text).toContain('plan their manufacturing slots.');
    expect(text).not.toMatch(/con- ?tracts|manu- ?facturing/);
    expect(doc.text).not.toContain('Northwind Energy Review');
    expect(doc.text).not.toMatch(/Page \d of 4/);
  });

  it('reads a page set in two columns column by column, across a caption that spans the page', async () => {
    const doc = await read(twoColumnPdf());
    expect(paragraphs(doc)).toEqual([
      {
        text: 'Ships waited an average of three days to berth at the largest European ports in February, twice as long as a year before. Terminal operators blamed the weather and a shortage of crane drivers for the delays that rippled through the inland rail network and left empty boxes stranded far from the exporters who needed them.',
        page: 1,
      },
      {
        text: 'Freight forwarders now book slots on feeder vessels weeks in advance, and some shippers have moved cargo to smaller regional ports.',
        page: 1,
      },
      {
        text: 'Port authorities in the north have begun publishing daily queue figures so that hauliers can plan their arrivals better. Insurers are reviewing premiums for cargo that waits at anchor for more than a week because of the rising risk of spoilage.',
        page: 2,
      },
      { text: 'Figure 1: average waiting time at anchor in days, January 2025 to February 2026', page: 2 },
      {
        text: 'Rail operators expect the backlog of containers to clear by the end of June. Shipping lines say that freight rates will fall once the queues have gone away.',
        page: 2,
      },
    ]);
    expect(doc.text).not.toContain('Harbour Economics Quarterly');
    expect(doc.text).not.toMatch(/Page \d of 2/);
  });

  it('keeps a row of one column whole when a run merely starts mid-page (an indented line, a short table)', () => {
    const lines = pageLines([
      { text: 'Quarter', x: 72, y: 700, width: 40, height: 10 },
      { text: 'Volume', x: 300, y: 700, width: 35, height: 10 },
      { text: 'Q1', x: 72, y: 686, width: 12, height: 10 },
      { text: '4.1 million', x: 300, y: 686, width: 50, height: 10 },
      { text: 'Q2', x: 72, y: 672, width: 12, height: 10 },
      { text: '4.4 million', x: 300, y: 672, width: 50, height: 10 },
      { text: 'Q3', x: 72, y: 658, width: 12, height: 10 },
      { text: '4.0 million', x: 300, y: 658, width: 50, height: 10 },
    ]);
    expect(lines.map((line) => line.text)).toEqual([
      'Quarter Volume',
      'Q1 4.1 million',
      'Q2 4.4 million',
      'Q3 4.0 million',
    ]);
  });

  it('leaves out the print date of a PDF printed by a browser, and takes a title from the first page when the info has a file name', async () => {
    const doc = await read(
      writePdf({
        info: { Title: 'report-final.docx', Producer: 'Skia/PDF m120', CreationDate: 'D:20261201000000Z' },
        pages: [
          [
            { text: 'Quarterly outlook for freight', top: 90, size: 20 },
            { text: 'Freight volumes recovered in the spring as expected by most forecasters.', top: 140 },
          ],
        ],
      }),
    );
    expect(doc.meta).toEqual({ title: 'Quarterly outlook for freight' });
  });

  it('skips a scan without text and a password-protected PDF, with the reason, and notes image-only pages', async () => {
    expect(await extractPdf(scannedPdf())).toEqual({
      ok: false,
      reason: 'the PDF has no text layer (a scan or images only); it would need OCR',
    });
    expect(await extractPdf(encryptedPdf())).toEqual({ ok: false, reason: 'the PDF is password-protected' });
    expect(await extractPdf(new TextEncoder().encode('%PDF-1.4 this is not a PDF'))).toMatchObject({ ok: false });
    const mixed = await read(
      writePdf({
        pages: [[{ text: 'A page of words that an analyst can quote from without trouble at all.', top: 100 }], []],
        imageOnly: [2],
      }),
    );
    expect(mixed.warning).toBe('page 2 has no text (images only)');
  });
});

describe('PDF layout', () => {
  it('puts runs into lines top to bottom and left to right', () => {
    const lines = pageLines([
      { text: 'world', x: 60, y: 700, width: 30, height: 10 },
      { text: 'Second', x: 10, y: 686, width: 40, height: 10 },
      { text: 'Hello', x: 10, y: 700.5, width: 30, height: 10 },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'Second']);
  });

  it('finds a header only when it recurs on most pages', () => {
    const page = (header: string, body: string) => [
      { text: header, x: 10, y: 750, height: 9 },
      { text: body, x: 10, y: 600, height: 11 },
    ];
    const running = runningLines([
      page('Report 2026', 'one'),
      page('Report 2026', 'two'),
      page('Report 2026', 'three'),
    ]);
    expect(running.size).toBe(1);
    expect(runningLines([page('Alpha', 'x'), page('Beta', 'y'), page('Gamma', 'z')]).size).toBe(0);
  });
});
