// The status bar item as a person sees it: the corpus' size and the citation
// style of the note in front, a tooltip with the actions, and the style
// changing when the user picks another.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR } from './workbench.mjs';

export const options = { open: 'alibaba-thesis.md' };

const statusItem = (wb) =>
  wb.page.locator('#sourcebook\\.sourcebook\\.sourcebook\\.status, [id$="sourcebook.status"]').first();

export const tests = {
  'the status bar shows the corpus size and the citation style, with actions in its tooltip': async (wb) => {
    const item = statusItem(wb);
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await wb.page.waitForFunction(
      (el) => /2 articles · Footnote/.test(el?.textContent ?? ''),
      await item.elementHandle(),
      { timeout: 30_000 },
    );
    await item.hover();
    const tooltip = wb.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    await tooltip.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await tooltip.innerText();
    assert.match(text, /2 articles loaded; every file read\./);
    assert.match(text, /Citation style: Footnote \(the default\)/);
    for (const link of ['Show Log', 'Reload Corpus', 'Configure Corpus Folders', 'Choose Citation Style'])
      assert.ok(text.includes(link), `the tooltip has no "${link}" link: ${text}`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await wb.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'status-bar-tooltip.png') });
  },

  'choosing another style from the palette changes what the status bar says': async (wb) => {
    await wb.page.mouse.move(700, 400);
    await wb.runCommand('Sourcebook: Choose Citation Style…');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    assert.match(await wb.page.locator('.quick-input-widget').innerText(), /current · the default/);
    await input.fill('APA');
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForFunction(
      (el) => /2 articles · APA/.test(el?.textContent ?? ''),
      await statusItem(wb).elementHandle(),
      { timeout: 15_000 },
    );
    await wb.screenshot('status-bar-apa');
  },
};
