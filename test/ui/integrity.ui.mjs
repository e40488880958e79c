// The misquote diagnostic as an analyst reads it: it names the words that
// differ (here a number deep in a long sentence), not a closest passage cut
// off before the change; and a quote whose source was edited after it was
// inserted says so, with the words that changed.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SENTENCE =
  'Developer adoption of the platform grew by 150 percent over the last six months, the company said in a statement on Tuesday, citing its own figures.';
const article = (sentence) =>
  [
    '---',
    'id: adoption',
    'title: Platform adoption report',
    'publisher: Example News',
    'date: 2026-03-02',
    '---',
    '',
    sentence,
    '',
  ].join('\n');

const corpusDir = mkdtempSync(path.join(tmpdir(), 'sourcebook-ui-integrity-'));
mkdirSync(path.join(corpusDir, 'tech'), { recursive: true });
writeFileSync(path.join(corpusDir, 'tech', 'adoption.md'), article(SENTENCE));

// The notes are there from the start, so Quick Open has long indexed them.
const quoted = SENTENCE.replace('150 percent', '105 percent').replace(/\.$/, '');
const notesDir = mkdtempSync(path.join(tmpdir(), 'sourcebook-ui-integrity-notes-'));
writeFileSync(
  path.join(notesDir, 'misquote.md'),
  [
    '# Adoption',
    '',
    `> "${quoted}"[^adoption]`,
    '',
    '[^adoption]: Example News, "Platform adoption report", 2026.',
    '',
  ].join('\n'),
);
writeFileSync(path.join(notesDir, 'drift.md'), '# Drift\n\n');

export const options = {
  workspace: notesDir,
  open: 'misquote.md',
  settings: {
    'sourcebook.corpus.paths': [corpusDir],
    'sourcebook.corpus.includeBundled': false,
    // Text is read back line by line, so the editor must not wrap it.
    '[markdown]': { 'editor.wordWrap': 'off' },
  },
};

async function problemsText(wb, pattern) {
  await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)').catch(async () => {
    await wb.runCommand('Problems: Focus on Problems View');
  });
  const panel = wb.page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
  const deadline = Date.now() + 20_000;
  let text = await panel.innerText();
  while (!pattern.test(text) && Date.now() < deadline) {
    await wb.page.waitForTimeout(250);
    text = await panel.innerText();
  }
  return text;
}

export const tests = {
  'a misquoted number is named in the diagnostic, with the source word beside it': async (wb) => {
    await wb.page
      .locator('.editor-group-container.active .squiggly-warning')
      .first()
      .waitFor({ state: 'attached', timeout: 30_000 });
    const text = await problemsText(wb, /the source says/);
    assert.match(text, /the source says "150", the quote says "105"/, text);
    assert.doesNotMatch(text, /Closest passage/);
    await wb.runCommand('View: Toggle Word Wrap');
    await wb.screenshot('integrity-misquote-diff');
    await wb.runCommand('View: Toggle Word Wrap');
  },

  'editing the source of an inserted quote turns it into a warning naming the changed words': async (wb) => {
    // A quote as the insert command writes it: its anchor comment after the citation.
    await wb.runCommand('View: Close All Editors');
    await wb.openFile('drift.md');
    await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('Control+End');
    await wb.runCommand('Sourcebook: Insert Cited Quote…');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('grew by 150 percent');
    await wb.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ hasText: 'grew by 150 percent' })
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    await wb.page.keyboard.press('Enter');
    const deadline = Date.now() + 15_000;
    while (!(await wb.editorText()).includes('<!-- sourcebook') && Date.now() < deadline)
      await wb.page.waitForTimeout(250);
    assert.match(await wb.editorText(), /\[\^adoption\] <!-- sourcebook h=[0-9a-f]{8} /);
    await wb.runCommand('File: Save');
    writeFileSync(path.join(corpusDir, 'tech', 'adoption.md'), article(SENTENCE.replace('150 percent', '160 percent')));
    const text = await problemsText(wb, /edited since it was quoted/);
    assert.match(
      text,
      /The source passage was edited since it was quoted\..*the source says "160", the quote says "150"/s,
      text,
    );
    await wb.runCommand('View: Toggle Word Wrap');
    await wb.screenshot('integrity-source-changed');
    writeFileSync(path.join(corpusDir, 'tech', 'adoption.md'), article(SENTENCE));
  },
};
