// A quote inserted from an entity card goes where the name was hovered (after
// that paragraph), wherever the text cursor happened to be, and the card closes.
import assert from 'node:assert/strict';

export const options = { open: 'alibaba-thesis.md', settings: { '[markdown]': { 'editor.wordWrap': 'off' } } };

export const tests = {
  'Insert a quote about… from the card lands after the hovered paragraph and closes the card': async (wb) => {
    const { page } = wb;
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+Home'); // the cursor above the title, where the old insert landed
    // The first card of a session waits for the entity index to be built: give it a second try.
    const card = await wb.hover('Qwen').catch(() => wb.hover('Qwen'));
    assert.match(card, /Insert a quote about Qwen…/);
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Insert a quote about Qwen…' }).first().click();
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Insert Quote about Qwen' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').count(), 0, 'the card closed');
    await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });

    const deadline = Date.now() + 15_000;
    let lines = (await wb.editorText()).split('\n');
    while (!lines.some((line) => line.startsWith('> "')) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      lines = (await wb.editorText()).split('\n');
    }
    const quote = lines.findIndex((line) => line.startsWith('> "'));
    const paragraphEnd = lines.findIndex((line) => line.startsWith('turning model adoption into infrastructure'));
    const next = lines.findIndex((line) => line.startsWith('Competition at home'));
    assert.ok(quote > paragraphEnd && quote < next, `the quote is on line ${quote + 1}:\n${lines.join('\n')}`);
    assert.equal(lines[0], '# Alibaba: the AI pivot', 'nothing above the title');
    await wb.runCommand('View: Toggle Word Wrap');
    await wb.screenshot('card-insert-after-paragraph');
  },
};
