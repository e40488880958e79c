// Sources an analyst keeps, in the real workbench: a saved web page opens as its
// reader text under its own title; a PDF (printed here from HTML by Chromium, as a
// browser's "Save as PDF" makes one) is searched by passage, the picker shows the
// page and previews the text at that page, and the quote cites it; typing `[@` in
// a note offers the keys of the analyst's library. Both show in the Topics tree.
/* global document -- used in code that page.waitForFunction runs in the browser */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../scripts/host/code-server.mjs';
import { SCREENSHOT_DIR } from './workbench.mjs';

const PDF_TITLE = 'Offshore grid report for the spring quarter';
const PAGE_3_SENTENCE = 'Grid operators expect the new cables to carry 4.2 gigawatts by the end of 2028.';
const HTML_TITLE = 'Harbour cranes stall as port strike enters second week';

const dir = mkdtempSync(path.join(tmpdir(), 'sourcebook-ui-sources-'));
const corpusDir = path.join(dir, 'sources');
mkdirSync(corpusDir, { recursive: true });
copyFileSync(path.join(ROOT, 'test/fixtures/html/news-jsonld.html'), path.join(corpusDir, 'cranes.html'));

/** A three-page report printed to PDF by Chromium (with its own running header and footer). */
function printReport() {
  const page = (n, heading, ...paragraphs) =>
    `<section style="break-before: ${n === 1 ? 'auto' : 'page'}"><h2>${heading}</h2>${paragraphs
      .map((p) => `<p>${p}</p>`)
      .join('')}</section>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${PDF_TITLE}</title>
<style>body { font: 12pt/1.5 "Liberation Serif", serif; margin: 0 2cm; } h1 { font-size: 24pt; } h2 { font-size: 16pt; }</style>
</head><body><h1>${PDF_TITLE}</h1>
${page(1, 'Auction results', 'The third offshore wind auction closed on Tuesday with eleven projects awarded contracts for difference.', 'Developers bid for 6.1 gigawatts of capacity in total, of which 4.8 gigawatts won support.')}
${page(2, 'Financing', 'Banks lent on easier terms than a year ago, and several developers signed power purchase agreements early.')}
${page(3, 'Grid connections', `${PAGE_3_SENTENCE} Delays at two onshore substations remain the largest threat to that timetable.`)}
</body></html>`;
  const source = path.join(dir, 'report.html');
  writeFileSync(source, html);
  const pdf = path.join(corpusDir, 'grid-report.pdf');
  const printed = spawnSync(
    '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${pdf}`, `file://${source}`],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (!existsSync(pdf)) throw new Error(`Chromium did not print the test PDF: ${printed.stderr}`);
}
printReport();

// The analyst's library: an entry for the web page (matched by its URL) and one more.
const library = path.join(dir, 'library.json');
writeFileSync(
  library,
  JSON.stringify([
    {
      id: 'lindqvist2026cranes',
      type: 'article-newspaper',
      title: HTML_TITLE,
      'container-title': 'Coastline Daily',
      author: [{ family: 'Lindqvist', given: 'Mara' }],
      issued: { 'date-parts': [[2026, 3, 14]] },
      URL: 'https://coastline.example/business/2026/03/harbour-cranes-stall',
    },
    {
      id: 'okafor2025ports',
      type: 'report',
      title: 'Container ports learn to live with longer queues',
      author: [{ family: 'Okafor', given: 'Ines' }],
      issued: { 'date-parts': [[2025, 11]] },
    },
  ]),
);

export const options = {
  open: 'alibaba-thesis.md',
  settings: { 'sourcebook.corpus.paths': [corpusDir], 'sourcebook.library.paths': [library] },
};

const widget = (wb) => wb.page.locator('.quick-input-widget');
const rows = (wb) => widget(wb).locator('.quick-input-list .monaco-list-row');

/** The text on screen in the editor group that is not the active one (the picker's preview). */
async function otherGroupText(wb) {
  return wb.page
    .locator('.editor-group-container:not(.active) .monaco-editor .view-lines')
    .first()
    .evaluate((root) =>
      [...root.querySelectorAll('.view-line')]
        .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text.replace(/\u00a0/g, ' '))
        .join('\n'),
    );
}

async function noteEnd(wb) {
  await wb.page.locator('.tabs-container .tab', { hasText: 'alibaba-thesis.md' }).first().click();
  await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  await wb.page.keyboard.press('Control+End');
}

/** A row of the Topics tree, found by its label. */
const topicsRow = (wb, text) =>
  wb.page
    .locator('.pane:has(.pane-header[aria-label^="Topics"]) .monaco-list-row')
    .filter({ has: wb.page.locator('.label-name', { hasText: text }) })
    .first();

export const tests = {
  'the web page and the PDF show in the Topics tree with their titles, publishers and dates': async (wb) => {
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Sourcebook"]').click();
    // Articles at the folder's root have no topic of their own.
    const folder = topicsRow(wb, /^Unsorted$/);
    await folder.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await folder.getAttribute('aria-expanded')) === 'false') await folder.click();
    const html = topicsRow(wb, HTML_TITLE);
    const pdf = topicsRow(wb, PDF_TITLE);
    await html.waitFor({ state: 'visible', timeout: 15_000 });
    await pdf.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await html.innerText(), /Coastline Daily · 2026-03-14/);
    assert.match(await pdf.innerText(), /Unknown publisher · undated/);
    // Widen the sidebar (its sash, as a person drags it) so the rows show their publishers and dates.
    const box = await wb.page.locator('.part.sidebar').boundingBox();
    if (box) {
      await wb.page.mouse.move(box.x + box.width + 1, box.y + 300);
      await wb.page.mouse.down();
      await wb.page.mouse.move(box.x + box.width + 380, box.y + 300, { steps: 8 });
      await wb.page.mouse.up();
    }
    await wb.page.locator('.part.sidebar').screenshot({ path: path.join(SCREENSHOT_DIR, 'sources-topics-tree.png') });
    if (box) {
      // Back to its width, so the editor is as wide as the other tests expect.
      await wb.page.mouse.move(box.x + box.width + 380, box.y + 300);
      await wb.page.mouse.down();
      await wb.page.mouse.move(box.x + box.width + 1, box.y + 300, { steps: 8 });
      await wb.page.mouse.up();
    }
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Explorer"]').click();
  },

  'a saved web page opens as its reader text, under its title': async (wb) => {
    await wb.runCommand('Sourcebook: Open Article…');
    const input = widget(wb).locator('.quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Harbour cranes');
    await rows(wb).filter({ hasText: HTML_TITLE }).first().click({ timeout: 30_000 });
    await wb.page.waitForFunction(
      (title) => document.querySelector('.tabs-container .tab.active')?.textContent?.includes(title),
      HTML_TITLE,
      { timeout: 15_000 },
    );
    const text = await wb.editorText();
    assert.match(text, /bananas from Rotterdam/, 'the article body is shown');
    assert.doesNotMatch(
      text,
      /Subscribe|Related stories|Comments/i,
      'navigation, related links and comments are left out',
    );
    await wb.screenshot('sources-html-article');
  },

  'a PDF passage shows its page in the picker, previews at that page, and the quote cites it': async (wb) => {
    await noteEnd(wb);
    await wb.runCommand('Sourcebook: Insert Cited Quote…');
    await widget(wb).locator('.quick-input-title', { hasText: 'Insert Cited Quote' }).waitFor({ timeout: 30_000 });
    await wb.page.mouse.move(700, 700);
    await wb.page.keyboard.type('cables to carry 4.2 gigawatts', { delay: 30 });
    const top = rows(wb).first().filter({ hasText: 'cables to carry' });
    await top.waitFor({ timeout: 30_000 });
    assert.match(await top.innerText(), new RegExp(`${PDF_TITLE}[\\s\\S]*p\\. 3`), 'the item names the page');
    // The preview opens the PDF's text beside the note, at the passage: page 3.
    await wb.page.waitForFunction(() => document.querySelectorAll('.editor-group-container').length >= 2, undefined, {
      timeout: 15_000,
    });
    let preview = '';
    for (let i = 0; i < 40 && !preview.includes(PAGE_3_SENTENCE.slice(0, 40)); i++) {
      await wb.page.waitForTimeout(250);
      preview = await otherGroupText(wb).catch(() => '');
    }
    assert.match(preview, /\[page 3\]/, 'the preview is at page 3');
    assert.ok(preview.includes(PAGE_3_SENTENCE.slice(0, 40)), `the preview shows the passage: ${preview}`);
    await wb.screenshot('sources-pdf-passage-at-page');
    await wb.page.keyboard.press('Enter');
    const deadline = Date.now() + 20_000;
    let text = '';
    while (!/p\. 3\.$/m.test(text) && Date.now() < deadline) {
      await wb.page.waitForTimeout(250);
      text = await wb.editorText();
    }
    // The editor wraps long lines: read the note's text with the wrapped rows joined again.
    const flat = text.replace(/\n/g, '');
    assert.match(
      flat,
      /> "Grid operators expect the new cables to carry 4\.2 gigawatts by the end of 2028\."\[\^grid-report\.grid-connections\.p3\]/,
    );
    assert.match(
      flat,
      /\[\^grid-report\.grid-connections\.p3\]: "Offshore grid report for the spring quarter", publisher unknown, undated, § Grid connections, p\. 3\./,
    );
    await wb.screenshot('sources-pdf-quote-cites-page');
  },

  'typing [@ in a note offers the library keys with their titles': async (wb) => {
    await noteEnd(wb);
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('As the strike showed [@', { delay: 40 });
    const suggest = wb.page.locator('.suggest-widget.visible');
    try {
      await suggest.waitFor({ timeout: 10_000 });
    } catch {
      await wb.page.keyboard.press('Control+Space');
      await suggest.waitFor({ timeout: 15_000 });
    }
    const row = suggest.locator('.monaco-list-row', { hasText: 'lindqvist2026cranes' }).first();
    await row.waitFor({ timeout: 15_000 });
    const labels = await suggest.locator('.monaco-list-row').allInnerTexts();
    assert.ok(
      labels.some((label) => /okafor2025ports/.test(label)),
      `the other library key is offered: ${labels}`,
    );
    await wb.screenshot('sources-citekey-completion');
    await wb.page.keyboard.press('Escape');
  },
};
