// Entity hover cards as a person sees them: open a note, point at "Qwen",
// read the card in the hover widget, check the underline, keep screenshots.
/* global getComputedStyle -- used in code that locator.evaluate runs in the browser */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR } from './workbench.mjs';

export const options = { open: 'alibaba-thesis.md' };

const card = (wb) => wb.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();

export const tests = {
  'hovering "Qwen" in a note shows its card with quotes from the corpus': async (wb) => {
    // The underline arrives once the corpus is loaded: then the hover has its card too.
    const underlined = wb.page.locator('.editor-group-container.active .view-line span', { hasText: /^Qwen$/ }).first();
    await underlined.waitFor({ state: 'visible', timeout: 30_000 });
    const decoration = await underlined.evaluate((span) => getComputedStyle(span).textDecorationStyle);
    assert.equal(decoration, 'dotted', 'entity mentions are underlined with dots');

    const text = await wb.hover('Qwen');
    assert.match(text, /^Qwen — product/);
    assert.match(text, /Also: Tongyi Qianwen/);
    assert.match(text, /\d+ mentions in 2 articles/);
    assert.match(text, /“[^”]*Qwen[^”]*”/, 'a quote about Qwen');
    assert.match(text, /FrontierNews\.ai, 2026/, 'quotes cite publisher and date');
    assert.match(text, /Insert a quote about Qwen…\s*·\s*Show in Entities\s*·\s*Open article/);

    const links = await card(wb)
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.ok(links.length >= 3, `links: ${links.join(', ')}`);
    for (const link of links) assert.match(link, /^command:sourcebook\./);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await card(wb)
      .locator('xpath=ancestor::div[contains(@class, "monaco-hover")][1]')
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'hover-card-qwen.png') });
    await wb.screenshot('hover-note-qwen');
  },

  'an alias shows the same card, and "Alibaba Cloud" is not "Alibaba"': async (wb) => {
    assert.match(await wb.hover('Tongyi Qianwen'), /^Qwen — product/);
    assert.match(await wb.hover('Alibaba Cloud'), /^Alibaba Cloud — company/);
    await wb.screenshot('hover-note-alibaba-cloud');
  },

  "the card's Show in Entities opens the Entities view at that entity": async (wb) => {
    await wb.hover('Qwen');
    await card(wb).locator('a', { hasText: 'Show in Entities' }).click();
    const entities = wb.page.locator('.pane:has(.pane-header[aria-label^="Entities"])');
    const selected = entities.locator('.monaco-list-row.selected .label-name', { hasText: /^Qwen$/ });
    await selected.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await wb.page.locator('.monaco-hover:not(.hidden)').count(), 0, 'the card closed');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await wb.page.locator('.part.sidebar').screenshot({ path: path.join(SCREENSHOT_DIR, 'entities-show-qwen.png') });
    // Back to the note for the next test.
    await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  },

  'a name typed into the note is underlined as the user types': async (wb) => {
    await wb.page.mouse.move(1, 1);
    await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type('\nAnd DingTalk?');
    const typed = wb.page.locator('.editor-group-container.active .view-line span', { hasText: /^DingTalk$/ }).first();
    await typed.waitFor({ state: 'visible', timeout: 10_000 });
    await wb.page.waitForFunction(
      (span) => getComputedStyle(span).textDecorationStyle === 'dotted',
      await typed.elementHandle(),
      { timeout: 10_000 },
    );
    await wb.screenshot('hover-note-typed');
    // Leave the sample note as it was (it is never saved).
    await wb.page.keyboard.press('Control+Z');
  },
};
