// Smoke test: the workbench loads the extension in development mode, a
// Markdown note opens, and the result is captured for a person to look at.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT } from '../../scripts/host/code-server.mjs';

const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));

export const tests = {
  'opens a markdown note with the extension active': async (wb) => {
    await wb.openFile('alibaba-thesis.md');
    await wb.waitForActivation();

    assert.match(await wb.editorText(), /^# Alibaba: the AI pivot$/m);
    assert.match(wb.extensionHostLog(), /_doActivateExtension sourcebook\.sourcebook/);
    // The Sourcebook log opens with the running version (the log file is written a moment later).
    const versionLine = new RegExp(`Sourcebook ${version.replace(/\./g, '\\.')} in VS Code 1\\.\\d+`);
    for (let i = 0; i < 40 && !versionLine.test(wb.outputLog('Sourcebook')); i++)
      await new Promise((r) => setTimeout(r, 250));
    assert.match(wb.outputLog('Sourcebook'), versionLine);

    // Syntax colouring arrives a moment after the text; wait for the bold
    // heading token so the screenshot shows the editor as a person sees it.
    await wb.page.locator('.editor-group-container.active .view-line .mtkb').first().waitFor();
    await wb.screenshot('smoke-markdown');
  },
};
