// Who cites what, as a person finds it: the count on an article in Topics,
// Show Cited By from its context menu, and a cited line opening the note.
import assert from 'node:assert/strict';
/* global document -- used in code that page.waitForFunction runs in the browser */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR } from './workbench.mjs';

const ARTICLE = 'Alibaba at a Critical Juncture: Qwen and the Case for Shareholders';

const paneRow = (wb, pane, text) =>
  wb.page
    .locator(`.pane:has(.pane-header[aria-label^="${pane}"]) .monaco-list-row`)
    .filter({ has: wb.page.locator('.label-name', { hasText: text }) })
    .first();

export const tests = {
  'an article in Topics says how many notes cite it, and Show Cited By lists them and opens one at the quote': async (
    wb,
  ) => {
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Sourcebook"]').click();
    await wb.waitForActivation();
    const topic = paneRow(wb, 'Topics', 'Artificial intelligence');
    await topic.waitFor({ state: 'visible', timeout: 30_000 });
    await topic.click();
    const article = paneRow(wb, 'Topics', ARTICLE);
    await article.waitFor({ state: 'visible', timeout: 10_000 });
    // The notes are read once the corpus is loaded: the count comes a moment later.
    await wb.page.waitForFunction(
      (title) =>
        [...document.querySelectorAll('.monaco-list-row')].some(
          (row) => row.textContent.includes(title) && /cited in 1 note/.test(row.textContent),
        ),
      ARTICLE,
      { timeout: 20_000 },
    );

    await article.click({ button: 'right' });
    const item = wb.page.locator('.context-view .action-item .action-label', { hasText: 'Show Cited By' }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    // The workbench's menus act on mouse up over the item, or on Enter: choose it with the keyboard.
    await item.hover();
    await wb.page.keyboard.press('Enter');

    const note = paneRow(wb, 'Cited By', 'cited-in-pandoc.md');
    await note.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await note.innerText(), /1 place/);
    const place = paneRow(wb, 'Cited By', 'Alibaba has chosen a different path');
    await place.waitFor({ state: 'visible' });
    assert.match(await place.innerText(), /line 11/);
    const message = wb.page.locator('.pane:has(.pane-header[aria-label^="Cited By"]) .message');
    assert.match(await message.innerText(), /is cited in 1 note\./);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await wb.page.locator('.part.sidebar').screenshot({ path: path.join(SCREENSHOT_DIR, 'cited-by.png') });

    await place.click();
    await wb.page.locator('.tab.active[data-resource-name="cited-in-pandoc.md"]').waitFor({ state: 'visible' });
    assert.match(await wb.editorText(), /Alibaba has chosen a different path than OpenAI or Google/);
    await wb.screenshot('cited-by-opened');
  },
};
