// Smoke test: the workbench loads the extension in development mode, a
// Markdown note opens, and the result is captured for a person to look at.
import assert from 'node:assert/strict';

export const tests = {
  'opens a markdown note with the extension active': async (wb) => {
    await wb.openFile('alibaba-thesis.md');
    await wb.waitForActivation();

    assert.match(await wb.editorText(), /^# Alibaba: the AI pivot$/m);
    assert.match(wb.extensionHostLog(), /_doActivateExtension sourcebook\.sourcebook/);

    // Syntax colouring arrives a moment after the text; wait for the bold
    // heading token so the screenshot shows the editor as a person sees it.
    await wb.page.locator('.editor-group-container.active .view-line .mtkb').first().waitFor();
    await wb.screenshot('smoke-markdown');
  },
};
