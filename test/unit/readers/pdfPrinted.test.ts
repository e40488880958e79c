import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExtractedDocument, pageAt } from '../../../src/core/readers/extracted';
import { extractPdf } from '../../../src/node/readers/pdf';

// A PDF as a browser's "Save as PDF" makes one: an article set in two justified, hyphenated
// columns by CSS, printed by Chromium with its own running header (date, title) and footer (the
// address, "1/2"). Chromium is installed from Debian by scripts/host/install-pandoc.sh.
const CHROMIUM = '/usr/bin/chromium';
const TIMEOUT = 120_000;

const PAGES = [
  [
    'Ships waited an average of three days to berth at the largest European ports in February, twice as long as a year before, and terminal operators blamed the weather and a shortage of crane drivers.',
    'The delays rippled through the inland rail network and left empty boxes stranded far from the exporters who needed them most, according to freight forwarders in Hamburg and Antwerp.',
    'Forwarders now book slots on feeder vessels weeks in advance, and some shippers have moved cargo to smaller regional ports where handling is slower but the queues are shorter.',
    'Port authorities in the north have begun publishing daily queue figures so that hauliers can plan their arrivals, and insurers are reviewing premiums for cargo that waits at anchor.',
  ],
  [
    'Rail operators expect the backlog of containers to clear by the end of June, while shipping lines say that freight rates will fall once the queues have gone away for good.',
    'Economists warned that a second wave of congestion could follow if the summer peak arrives before the backlog is cleared, pushing up the cost of imported goods again.',
    'Dock workers in Rotterdam agreed to extra night shifts for the spring, which the port authority said would add about a tenth to the number of ships handled each week.',
    'Retailers said they had built up larger stocks than usual ahead of the summer, and several warned that their margins would shrink if freight costs stayed this high.',
  ],
];

let doc: ExtractedDocument;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is not installed: run `bash scripts/host/install-pandoc.sh`');
  const dir = mkdtempSync(join(tmpdir(), 'sourcebook-printed-pdf-'));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Container ports learn to live with longer queues</title>
<style>body { font: 11pt/1.45 "Liberation Serif", serif; margin: 0 1.5cm; } h1 { font-size: 22pt; }
section { column-count: 2; column-gap: 1cm; text-align: justify; hyphens: auto; } section + section { break-before: page; }</style>
</head><body><h1>Container ports learn to live with longer queues</h1>
${PAGES.map((paragraphs) => `<section>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</section>`).join('\n')}
</body></html>`;
  writeFileSync(join(dir, 'article.html'), html);
  const pdf = join(dir, 'article.pdf');
  const printed = spawnSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${pdf}`, `file://${join(dir, 'article.html')}`],
    { encoding: 'utf8', timeout: 90_000 },
  );
  if (!existsSync(pdf)) throw new Error(`Chromium did not print the PDF: ${printed.stderr}`);
  const result = await extractPdf(new Uint8Array(readFileSync(pdf)));
  if (!result.ok) throw new Error(result.reason);
  doc = result.document;
}, TIMEOUT);

describe('a two-column PDF printed by Chromium', () => {
  it('reads every paragraph whole and in order, column by column, page by page', () => {
    const paragraphs = doc.blocks
      .filter((block) => block.type === 'text')
      .map((block) => ({ text: doc.text.slice(block.start, block.end), page: pageAt(doc.pages, block.start) }));
    expect(paragraphs).toEqual(PAGES.flatMap((texts, i) => texts.map((text) => ({ text, page: i + 1 }))));
  });

  it("leaves the browser's running header and footer out", () => {
    expect(doc.text).not.toMatch(/file:\/\/|\b[12]\/2\b|\d+\/\d+\/\d+, \d+:\d+/);
    expect(doc.meta.title).toBe('Container ports learn to live with longer queues');
  });
});
