// The Entities view on the BBC corpus (no catalog) as a person sees it: the
// discovered names grouped into people, organisations and places, each kind
// in plain words, and never the kind "name".
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/host/code-server.mjs';
import { SCREENSHOT_DIR } from './workbench.mjs';

const BBC = process.env.SOURCEBOOK_BBC ?? path.resolve(ROOT, '../shared/corpora/bbc');
if (!existsSync(BBC)) throw new Error(`the BBC corpus is not at ${BBC} (set SOURCEBOOK_BBC)`);

export const options = {
  open: 'alibaba-thesis.md',
  settings: { 'sourcebook.corpus.paths': [BBC], 'sourcebook.corpus.includeBundled': false },
};

const pane = '.pane:has(.pane-header[aria-label^="Entities"])';
const row = (wb, text) =>
  wb.page
    .locator(`${pane} .monaco-list-row`)
    .filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^${text}$`) }) })
    .first();

export const tests = {
  'groups the discovered BBC entities into people, organisations and places, with no "name" kind': async (wb) => {
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Sourcebook"]').click();
    await wb.waitForActivation();
    // Leave the Entities view the room: collapse Topics.
    await wb.page.locator('.pane-header[aria-label^="Topics"]').click();
    for (const kind of ['Person', 'Organisation', 'Place'])
      await row(wb, kind).waitFor({ state: 'visible', timeout: 120_000 });
    const kinds = await wb.page.locator(`${pane} .monaco-list-row .label-name`).allInnerTexts();
    for (const wrong of ['Name', 'Unknown'])
      assert.ok(!kinds.includes(wrong), `no "${wrong}" group in ${kinds.join(', ')}`);

    // Each group holds discovered entities; an organisation's tooltip says where it was found, in plain words.
    const entityRows = wb.page.locator(`${pane} .monaco-list-row[aria-level="2"]`);
    await row(wb, 'Person').click();
    await entityRows.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await entityRows.first().innerText(), /\d+ articles? · \d+ mentions? · discovered/);
    await row(wb, 'Person').click();
    await row(wb, 'Organisation').click();
    await entityRows.first().waitFor({ state: 'visible', timeout: 30_000 });
    await entityRows.nth(2).hover();
    const tooltip = wb.page.locator('.monaco-hover').filter({ hasText: 'not in a catalog' }).first();
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    const shown = await tooltip.innerText();
    assert.match(shown, /organisation/);
    // appendText writes its spaces as non-breaking ones.
    assert.match(shown, /Found\sin\s\d+\sarticles?,\snot\sin\sa\scatalog\./);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await wb.page.locator('.part.sidebar').screenshot({ path: path.join(SCREENSHOT_DIR, 'entities-bbc.png') });
    await wb.page.mouse.move(700, 10);
    await row(wb, 'Organisation').click();
    await row(wb, 'Place').waitFor({ state: 'visible' });
    await wb.page.locator('.part.sidebar').screenshot({ path: path.join(SCREENSHOT_DIR, 'entities-bbc-kinds.png') });
  },
};
