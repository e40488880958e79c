// The quote picker as an analyst lives in it: the title says which citation
// style the quotes get and where that is set, the passage under the cursor is
// previewed in its article, several passages go in at once (one undo), the
// last search comes back selected, and an empty result says what was searched.
/* global document -- used in code that page.waitForFunction runs in the browser */
import assert from 'node:assert/strict';

export const options = { open: 'alibaba-thesis.md', settings: { '[markdown]': { 'editor.wordWrap': 'off' } } };

const widget = (wb) => wb.page.locator('.quick-input-widget');
const rows = (wb) => widget(wb).locator('.quick-input-list .monaco-list-row');

async function openPicker(wb) {
  await wb.runCommand('Sourcebook: Insert Cited Quote…');
  await widget(wb).locator('.quick-input-title', { hasText: 'Insert Cited Quote' }).waitFor({ timeout: 30_000 });
  await wb.page.mouse.move(700, 700);
}

async function noteText(wb) {
  await wb.page.locator('.tabs-container .tab', { hasText: 'alibaba-thesis.md' }).first().click();
  return wb.editorText();
}

export const tests = {
  'the title names the citation style and where it is set; the passage is previewed beside': async (wb) => {
    await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await wb.page.keyboard.press('Control+End');
    await openPicker(wb);
    assert.match(await widget(wb).locator('.quick-input-title').innerText(), /Footnote \(the default\)/);
    await wb.page.keyboard.type('price cuts', { delay: 40 });
    await rows(wb).first().filter({ hasText: 'price cuts' }).waitFor({ timeout: 15_000 });
    const detail = await rows(wb).first().innerText();
    assert.match(detail, /Alibaba at a Critical Juncture/);
    assert.match(detail, /undated · Artificial intelligence/, 'each item gives the date and the topic');
    // The preview: the article opens in a second group, its tab the article's title.
    await wb.page.waitForFunction(() => document.querySelectorAll('.editor-group-container').length >= 2, undefined, {
      timeout: 15_000,
    });
    await wb.page
      .locator('.tabs-container .tab', { hasText: 'Alibaba at a Critical Juncture' })
      .first()
      .waitFor({ timeout: 15_000 });
    await wb.screenshot('picker-style-and-preview');
    await wb.page.keyboard.press('Escape');
    await wb.page.waitForFunction(() => document.querySelectorAll('.editor-group-container').length === 1, undefined, {
      timeout: 15_000,
    });
  },

  'the last search comes back selected, and a search with no match says what was searched': async (wb) => {
    await openPicker(wb);
    const input = widget(wb).locator('.quick-input-box input');
    assert.equal(await input.inputValue(), 'price cuts');
    const selected = await input.evaluate((el) => [el.selectionStart, el.selectionEnd]);
    assert.deepEqual(selected, [0, 'price cuts'.length]);
    await wb.page.keyboard.type('zzqx nothingword');
    await rows(wb).first().filter({ hasText: 'No passage matches “zzqx nothingword”' }).waitFor({ timeout: 15_000 });
    assert.match(await rows(wb).first().innerText(), /Searched 2 articles/);
    await wb.screenshot('picker-no-match');
    await wb.page.keyboard.press('Escape');
  },

  'two passages checked go in in the order checked, and one undo takes both out': async (wb) => {
    await wb.page.locator('.tabs-container .tab', { hasText: 'alibaba-thesis.md' }).first().click();
    await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await wb.page.keyboard.press('Control+End');
    const before = await noteText(wb);
    await openPicker(wb);
    await wb.page.keyboard.type('Qwen', { delay: 40 });
    await rows(wb).nth(1).waitFor({ timeout: 15_000 });
    // Rows are clicked by position: wait until the search index is complete and the list holds still.
    await wb.page.waitForFunction(
      () => !/indexing/.test(document.querySelector('.quick-input-title')?.textContent ?? ''),
      undefined,
      {
        timeout: 30_000,
      },
    );
    const labels = [];
    for (const i of [1, 0]) {
      const row = rows(wb).nth(i);
      labels.push((await row.locator('.label-name').first().innerText()).replace(/…/g, '').trim().slice(0, 30));
      await row.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-checkbox').first().click();
      // One check at a time: the count confirms it before the next row is clicked.
      await widget(wb)
        .locator('.quick-input-count', { hasText: `${labels.length} Selected` })
        .waitFor({ timeout: 15_000 });
    }
    await wb.screenshot('picker-two-checked');
    await wb.page.keyboard.press('Enter');
    await widget(wb).waitFor({ state: 'hidden' });
    await wb.page.waitForFunction(() => document.querySelectorAll('.editor-group-container').length === 1, undefined, {
      timeout: 15_000,
    });
    await wb.runCommand('View: Toggle Word Wrap');
    const after = await noteText(wb);
    const quotes = after.split('\n').filter((line) => line.startsWith('> "'));
    assert.equal(quotes.length, 2, `two quotes inserted:\n${after}`);
    for (const [i, label] of labels.entries())
      assert.ok(quotes[i]?.includes(label.slice(0, 20)), `quote ${i + 1} should be "${label}…": ${quotes[i]}`);
    await wb.screenshot('picker-two-inserted');
    await wb.runCommand('View: Toggle Word Wrap');
    await wb.runCommand('Undo');
    assert.equal(await noteText(wb), before, 'one undo takes both quotes out');
  },
};
