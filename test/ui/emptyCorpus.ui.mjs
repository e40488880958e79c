// An empty corpus as a person meets it: the Topics view says why it is empty,
// even when a filter was left on, and a note's citations give one message.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR } from './workbench.mjs';

export const options = {
  open: 'alibaba-thesis.md',
  settings: { 'sourcebook.corpus.includeBundled': false, 'sourcebook.corpus.paths': [] },
};

const topicsPane = (wb) => wb.page.locator('.pane:has(.pane-header[aria-label^="Topics"])');

export const tests = {
  'an empty corpus shows its welcome content with a Topics filter left on': async (wb) => {
    await wb.waitForActivation();
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Sourcebook"]').click();
    const welcome = topicsPane(wb).locator('.welcome-view', { hasText: 'The corpus is empty' });
    await welcome.waitFor({ state: 'visible', timeout: 30_000 });

    await wb.runCommand('Sourcebook: Filter Topics…');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('qwen');
    await wb.page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Articles containing “qwen”' })
      .first()
      .waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    await topicsPane(wb)
      .locator('.welcome-view', { hasText: 'A Topics filter is still set' })
      .waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await welcome.isVisible(), true, 'the welcome content stays with the filter on');
    assert.equal(
      await topicsPane(wb).locator('.message', { hasText: 'Filtered by' }).isVisible(),
      false,
      'no "Filtered by … 0 of 0" message hides the welcome content',
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await wb.page.locator('.part.sidebar').screenshot({ path: path.join(SCREENSHOT_DIR, 'empty-corpus-filtered.png') });
  },

  "a note's citations of articles that are not loaded give one error": async (wb) => {
    await wb.page.mouse.move(700, 10);
    // A note written against a corpus that is not loaded here: three quotes, three citations.
    const note = [
      '# Port notes',
      '',
      '> "The harbour reopened on Monday." [^port]',
      '',
      '> "Ships queued for a week." [^ships]',
      '',
      '> "Cranes were idle." [^cranes]',
      '',
      '[^port]: Port, port.md',
      '[^ships]: Ships, ships.md',
      '[^cranes]: Cranes, cranes.md',
      '',
    ].join('\n');
    writeFileSync(path.join(wb.workspace, 'port-notes.md'), note);
    await wb.openFile('port-notes.md');
    await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)').catch(async () => {
      await wb.runCommand('Problems: Focus on Problems View');
    });
    const problems = wb.page.locator('.markers-panel');
    const folded = problems.locator('.monaco-list-row', { hasText: 'but the corpus is empty' }).first();
    await folded.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await problems.innerText();
    assert.match(text, /3 quotes in this note cite articles \(port, ships, cranes\), but the corpus is empty/);
    assert.doesNotMatch(text, /cites an unknown article/, 'no error per quote');
    await wb.screenshot('empty-corpus-problems');
  },
};
