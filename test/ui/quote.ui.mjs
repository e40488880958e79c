// Insert Cited Quote as a person uses it: a new Markdown note, the palette, a
// search typed key by key, the top result accepted, and the note's text
// checked. Screenshots of the QuickPick and of the note are kept. The note is
// untitled and closed without saving, so nothing is written to the workspace.
import assert from 'node:assert/strict';

// Long quote lines are compared whole, so the editor must not wrap them.
export const options = { open: 'alibaba-thesis.md', settings: { '[markdown]': { 'editor.wordWrap': 'off' } } };

const QUOTE =
  '> "Alibaba Cloud, which recently implemented aggressive price cuts, aims to capture the largest possible market share, sacrificing short-term margins for long-term dominance."[^alibaba-qwen-shareholders.the-open-source]';
const DEFINITION =
  '[^alibaba-qwen-shareholders.the-open-source]: "\\[Alibaba at a Critical Juncture: Qwen and the Case for Shareholders\\]", publisher unknown, undated, § The Open-Source Strategy as a Trojan Horse.';

async function newMarkdownNote(wb) {
  await wb.runCommand('File: New Untitled Text File');
  await wb.page.locator('.tab.active[data-resource-name^="Untitled"]').waitFor({ state: 'visible' });
  await wb.runCommand('Change Language Mode');
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.fill('Markdown');
  await wb.page
    .locator('.quick-input-widget .monaco-list-row', { hasText: /^Markdown/ })
    .first()
    .click();
  await wb.page
    .locator('.statusbar-item', { hasText: /^Markdown$/ })
    .first()
    .waitFor({ state: 'visible' });
  await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
}

export const tests = {
  'Insert Cited Quote searches as you type and inserts the top result with its footnote': async (wb) => {
    const { page } = wb;
    await newMarkdownNote(wb);
    // Line by line, closing any suggestion first, so an Enter always starts a new line.
    for (const [i, line] of ['# Evidence', '', 'Price war:'].entries()) {
      if (i > 0) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Enter');
      }
      if (line) await page.keyboard.type(line);
    }
    assert.equal(await wb.editorText(), '# Evidence\n\nPrice war:');

    await wb.runCommand('Sourcebook: Insert Cited Quote…');
    const widget = page.locator('.quick-input-widget');
    await widget
      .locator('.quick-input-title', { hasText: 'Insert Cited Quote' })
      .waitFor({ state: 'visible', timeout: 30_000 });
    // Keep the pointer off the widget, so no tooltip covers it in the screenshot.
    await page.mouse.move(700, 600);
    await page.keyboard.type('short-term margins', { delay: 60 });

    const rows = widget.locator('.quick-input-list .monaco-list-row');
    const top = rows.first();
    await top
      .filter({ hasText: 'sacrificing short-term margins for long-term' })
      .waitFor({ state: 'visible', timeout: 15_000 });
    const text = await top.innerText();
    assert.match(text, /Alibaba at a Critical Juncture: Qwen and the Case for Shareholders/);
    assert.match(text, /§ The Open-Source Strategy as a Trojan Horse/);
    // VS Code highlights the typed text inside the passage, and the match is in view.
    const highlighted = await top.locator('.label-name .highlight').allInnerTexts();
    assert.equal(highlighted.join(''), 'short-term margins');
    await wb.screenshot('quote-quickpick');

    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await page
      .locator('.editor-group-container.active .view-line', { hasText: 'sacrificing short-term margins' })
      .first()
      .waitFor({ state: 'visible' });
    const inserted = await wb.editorText();
    // The quote line ends with its hidden anchor comment; the rest is exactly the cited-quote format.
    assert.match(inserted, /\]<!-- sourcebook|\] <!-- sourcebook h=[0-9a-f]{8} [^<>]* -->\n/);
    assert.equal(
      inserted.replace(/ <!-- sourcebook [^<>]* -->/g, ''),
      ['# Evidence', '', 'Price war:', '', QUOTE, '', DEFINITION, ''].join('\n'),
    );
    // For the screenshot, wrap the long lines as a person would read them.
    await wb.runCommand('View: Toggle Word Wrap');
    await page.keyboard.press('Control+Home');
    await wb.screenshot('quote-inserted');

    await wb.runCommand('View: Revert and Close Editor');
  },
};
