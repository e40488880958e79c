// Reading an article as an analyst does: a plain-text article with one long
// paragraph per line wraps, its tab shows its title, the name followed from a
// card is highlighted, and Ctrl+Alt+Q quotes a selection into the last note.
import assert from 'node:assert/strict';
/* global document -- used in code that page.waitForFunction runs in the browser */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LONG_TITLE = 'Harbour cranes idle as port strike enters third week';
const SENTENCES = [
  'Dock workers at the eastern port extended their strike on Monday, leaving container ships queued beyond the breakwater.',
  'The union said talks with the port authority had stalled over pay and the use of automated cranes in the new terminal.',
  'Shipping lines have begun diverting cargo to smaller harbours along the coast, where handling costs are higher.',
];
const corpusDir = mkdtempSync(path.join(tmpdir(), 'sourcebook-ui-articles-'));
mkdirSync(path.join(corpusDir, 'ports'), { recursive: true });
writeFileSync(
  path.join(corpusDir, 'ports', 'strike.txt'),
  `${LONG_TITLE}\n\n${SENTENCES.join(' ')} ${SENTENCES.join(' ')}\n`,
);

export const options = { open: 'alibaba-thesis.md', settings: { 'sourcebook.corpus.paths': [corpusDir] } };

async function openArticleByTitle(wb, title) {
  await wb.runCommand('Sourcebook: Open Article…');
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(title.slice(0, 20));
  await wb.page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ hasText: title })
    .first()
    .click({ timeout: 20_000 });
}

const activeTab = (wb) => wb.page.locator('.tabs-container .tab.active');
const activeEditor = (wb) => wb.page.locator('.editor-group-container.active .monaco-editor').first();

export const tests = {
  'a plain-text article wraps its long lines and its tab shows its title': async (wb) => {
    await openArticleByTitle(wb, LONG_TITLE);
    await wb.page.waitForFunction(
      (title) => document.querySelector('.tabs-container .tab.active')?.textContent?.includes(title),
      LONG_TITLE,
      { timeout: 15_000 },
    );
    assert.match(await activeTab(wb).innerText(), new RegExp(`^${LONG_TITLE}\\.txt`));
    const { widest, visible, lines } = await activeEditor(wb).evaluate((editor) => {
      const view = editor.querySelector('.view-lines');
      const rows = [...editor.querySelectorAll('.view-line')];
      return {
        widest: Math.max(...rows.map((row) => row.firstElementChild?.getBoundingClientRect().width ?? 0)),
        visible: editor.querySelector('.lines-content')?.parentElement?.getBoundingClientRect().width ?? 0,
        lines: rows.length,
        view: view?.getBoundingClientRect().width,
      };
    });
    assert.ok(lines >= 4, `the paragraph should wrap onto several rows, got ${lines}`);
    assert.ok(widest <= visible, `a row is ${widest}px wide in a ${visible}px editor: the text runs off-screen`);
    await wb.screenshot('article-wrapped-with-title');
  },

  'Ctrl+Alt+Q in an article quotes the selection into the last note': async (wb) => {
    await wb.openFile('alibaba-thesis.md');
    await openArticleByTitle(wb, LONG_TITLE);
    // Click into the paragraph, then select its first visual row, as a person would.
    await activeEditor(wb).locator('.view-line', { hasText: 'Dock workers at the eastern port' }).first().click();
    await wb.page.keyboard.press('Home');
    await wb.page.keyboard.press('Shift+End');
    await wb.page
      .locator('.statusbar-item', { hasText: /selected/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await wb.page.keyboard.press('Control+Alt+Q');
    await wb.page.waitForFunction(
      () => document.querySelector('.tabs-container .tab.active')?.textContent?.includes('alibaba-thesis.md'),
      undefined,
      { timeout: 15_000 },
    );
    const deadline = Date.now() + 15_000;
    let text = await wb.editorText();
    while (!/^> "Dock workers at the eastern port/m.test(text) && Date.now() < deadline) {
      await wb.page.waitForTimeout(250);
      text = await wb.editorText();
    }
    assert.match(text, /^> "Dock workers at the eastern port/m);
    assert.match(text, /^\[\^ports-strike\]: "Harbour cranes idle as port strike enters third week"/m);
    await wb.screenshot('article-quoted-into-note');
  },

  'following a card to its article highlights the name there': async (wb) => {
    await wb.openFile('alibaba-thesis.md');
    const card = await wb.hover('Qwen');
    assert.match(card, /Open article/);
    await wb.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Open article' }).first().click();
    await wb.page.waitForFunction(
      () => document.querySelector('.tabs-container .tab.active')?.textContent?.includes('Alibaba'),
      undefined,
      { timeout: 15_000 },
    );
    // The highlights are editor decorations: boxes in the overlay layer behind the text.
    await wb.page.waitForFunction(
      () => document.querySelectorAll('.editor-group-container.active .view-overlays [class*="ced-"]').length > 0,
      undefined,
      { timeout: 15_000 },
    );
    await wb.screenshot('article-highlighted-name');
  },
};
