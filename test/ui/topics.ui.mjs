// The Sourcebook sidebar as a person sees it: open the container from the
// activity bar, expand a topic and an article, filter, and keep screenshots.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR } from './workbench.mjs';

const FIRST = "Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT";
const SECOND = 'Alibaba at a Critical Juncture: Qwen and the Case for Shareholders';

/** A row of the Topics tree, found by its label. */
const topicsRow = (wb, text) =>
  wb.page
    .locator('.pane:has(.pane-header[aria-label^="Topics"]) .monaco-list-row')
    .filter({ has: wb.page.locator('.label-name', { hasText: text }) })
    .first();

async function sidebarShot(wb, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await wb.page.locator('.part.sidebar').screenshot({ path: file });
  return file;
}

export const tests = {
  'the Sourcebook container lists topics, and a topic expands to its articles': async (wb) => {
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Sourcebook"]').click();
    await wb.waitForActivation();
    const topic = topicsRow(wb, 'Artificial intelligence');
    await topic.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await topic.innerText(), /Artificial intelligence\s*2 articles/);
    for (const other of ['China tech', 'Chips and export controls', 'Markets and investing'])
      await topicsRow(wb, other).waitFor({ state: 'visible' });

    await topic.click();
    for (const title of [FIRST, SECOND]) await topicsRow(wb, title).waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await topicsRow(wb, FIRST).innerText(), /FrontierNews\.ai · 2026/);
    assert.match(await topicsRow(wb, SECOND).innerText(), /Unknown publisher · undated/);

    await topicsRow(wb, SECOND).locator('.monaco-tl-twistie').click();
    await topicsRow(wb, 'The Open-Source Strategy as a Trojan Horse').waitFor({ state: 'visible' });
    // A row drawn again under the pointer (its "cited in" count arriving) drops its tooltip: hover again, as a person would.
    const tooltip = wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'existential bet' }).first();
    for (let attempt = 1; ; attempt++) {
      await wb.page.mouse.move(700, 10);
      await topicsRow(wb, SECOND).hover();
      try {
        await tooltip.waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await sidebarShot(wb, 'topics-sidebar');
    await wb.screenshot('topics-workbench');
  },

  'opening a section shows the article read-only at its heading': async (wb) => {
    await wb.page.mouse.move(700, 10);
    await topicsRow(wb, 'The Open-Source Strategy as a Trojan Horse').click();
    await wb.page
      // The tab names the article by its title.
      .locator(`.tab.active[data-resource-name="${SECOND}.md"]`)
      .waitFor({ state: 'visible' });
    assert.match(await wb.editorText(), /^## The Open-Source Strategy as a Trojan Horse$/m);
    await wb.screenshot('topics-open-section');
  },

  'the filter narrows the tree and says so until it is cleared': async (wb) => {
    await wb.runCommand('Sourcebook: Filter Topics…');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('DingTalk');
    await wb.page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Articles containing “DingTalk”' })
      .first()
      .waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    const message = wb.page.locator('.pane:has(.pane-header[aria-label^="Topics"]) .message', {
      hasText: 'Filtered by “DingTalk”',
    });
    await message.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await message.innerText(), /1 of 2 articles/);
    await topicsRow(wb, SECOND).waitFor({ state: 'visible' });
    assert.equal(await topicsRow(wb, FIRST).count(), 0, 'the article without DingTalk is hidden');
    assert.equal(await topicsRow(wb, 'Chips and export controls').count(), 0, 'a topic left empty is hidden');
    await sidebarShot(wb, 'topics-filtered');

    const clear = wb.page.locator('.pane-header[aria-label^="Topics"] .action-label[aria-label="Clear Topics Filter"]');
    await wb.page.locator('.pane-header[aria-label^="Topics"]').hover();
    await clear.click();
    await message.waitFor({ state: 'hidden', timeout: 10_000 });
    // The DingTalk article has no chips topic: that group is back only once the filter is gone.
    await topicsRow(wb, 'Chips and export controls').waitFor({ state: 'visible' });
  },

  'Enter filters by the typed text even when an entity of that name is offered below it': async (wb) => {
    await wb.runCommand('Sourcebook: Filter Topics…');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('qwen');
    const rows = wb.page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'Articles containing “qwen”' }).first().waitFor({ state: 'visible' });
    await rows.filter({ hasText: /^Qwen/ }).first().waitFor({ state: 'visible' });
    assert.match(await rows.first().innerText(), /Articles containing “qwen”/, 'the typed text comes first');
    await wb.page.keyboard.press('Enter');
    const message = wb.page.locator('.pane:has(.pane-header[aria-label^="Topics"]) .message', {
      hasText: 'Filtered by “qwen”',
    });
    await message.waitFor({ state: 'visible', timeout: 10_000 });
    await wb.runCommand('Sourcebook: Clear Topics Filter');
    await message.waitFor({ state: 'hidden', timeout: 10_000 });
  },
};
