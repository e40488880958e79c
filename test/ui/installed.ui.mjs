// The extension as a user installs it: `npm run package` builds the .vsix
// (minified bundle), code-server installs it with --install-extension into
// this run's own extensions and user-data folders, and the workbench opens
// with no development path. Then, as a person would: the Sourcebook
// container and its tree, a hover card, Insert Cited Quote in the footnote
// style and in Chicago (whose CSL file must be in the package), and the
// quote check. A package that misses a file fails here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/host/code-server.mjs';
import { zipEntries } from '../../scripts/package/zipEntries.mjs';
import { EXTENSION_ID, SCREENSHOT_DIR } from './workbench.mjs';

const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = execFileSync(process.execPath, [path.join(ROOT, 'scripts/package/vsix.mjs')], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();

// Long quote lines are compared whole, so the editor must not wrap them.
export const options = { vsix, open: 'alibaba-thesis.md', settings: { '[markdown]': { 'editor.wordWrap': 'off' } } };

/** What the .vsix must hold for every feature to work. */
const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/citationStack.js',
  'extension/dist/parseWorker.js',
  'extension/dist/readerWorker.mjs',
  'extension/media/sourcebook.svg',
  'extension/media/csl/chicago-author-date.csl',
  'extension/media/csl/modern-language-association.csl',
  'extension/corpus/topics.yaml',
  'extension/corpus/entities.yaml',
  'extension/corpus/alibaba-ai-gamble-qwen.md',
  'extension/corpus/alibaba-qwen-shareholders.md',
];

const SHAREHOLDERS = 'Alibaba at a Critical Juncture: Qwen and the Case for Shareholders';
const PASSAGE =
  'Alibaba Cloud, which recently implemented aggressive price cuts, aims to capture the largest possible market share, sacrificing short-term margins for long-term dominance.';

/** A note with the passage quoted exactly (line 3) and changed, "aggressive" made "modest" (line 5). */
function writeEvidenceNote(workspace) {
  const changed = PASSAGE.replace('aggressive', 'modest');
  const cite = '[@alibaba-qwen-shareholders]';
  const lines = ['# Evidence', '', `> "${PASSAGE}" ${cite}`, '', `> "${changed}" ${cite}`, ''];
  writeFileSync(path.join(workspace, 'evidence.md'), lines.join('\n'));
}

const topicsRow = (wb, text) =>
  wb.page
    .locator('.pane:has(.pane-header[aria-label^="Topics"]) .monaco-list-row')
    .filter({ has: wb.page.locator('.label-name', { hasText: text }) })
    .first();

async function shot(locator, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function newMarkdownNote(wb) {
  await wb.runCommand('File: New Untitled Text File');
  await wb.page.locator('.tab.active[data-resource-name^="Untitled"]').waitFor({ state: 'visible' });
  await wb.runCommand('Change Language Mode');
  await wb.page.locator('.quick-input-widget .quick-input-box input').fill('Markdown');
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

/** Runs Insert Cited Quote in a new note, accepts the top hit for "short-term margins", returns the note's text. */
async function insertQuote(wb, screenshotName) {
  const { page } = wb;
  await newMarkdownNote(wb);
  await page.keyboard.type('Price war:');
  await wb.runCommand('Sourcebook: Insert Cited Quote…');
  const widget = page.locator('.quick-input-widget');
  await widget
    .locator('.quick-input-title', { hasText: 'Insert Cited Quote' })
    .waitFor({ state: 'visible', timeout: 30_000 });
  await page.mouse.move(700, 600);
  await page.keyboard.type('short-term margins', { delay: 40 });
  await widget
    .locator('.quick-input-list .monaco-list-row')
    .first()
    .filter({ hasText: 'sacrificing short-term margins for long-term' })
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden' });
  await page
    .locator('.editor-group-container.active .view-line', { hasText: 'sacrificing short-term margins' })
    .first()
    .waitFor({ state: 'visible' });
  const text = await wb.editorText();
  await wb.runCommand('View: Toggle Word Wrap');
  await wb.screenshot(screenshotName);
  await wb.runCommand('View: Revert and Close Editor');
  return text;
}

export const tests = {
  'the .vsix holds the minified bundle, the corpus and the CSL styles, and nothing else': async (wb) => {
    // The note the quote check reads, written now so that the file search (Quick Open) has long seen it.
    writeEvidenceNote(wb.workspace);
    const entries = zipEntries(vsix);
    const names = entries.map((e) => e.name);
    const missing = REQUIRED.filter((name) => !names.includes(name));
    assert.deepEqual(missing, [], `the .vsix misses ${missing.join(', ')}`);
    const unwanted = names.filter((n) => /\.map$|^extension\/(src|test|node_modules|scripts)\/|dist\/cli\.js$/.test(n));
    assert.deepEqual(unwanted, [], 'sources, tests, source maps and the CLI stay out of the .vsix');
    const size = readFileSync(vsix).length;
    assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${size} bytes, over 2 MB`);
  },

  'it runs installed, not from the repository, and logs its version': async (wb) => {
    assert.doesNotMatch(wb.url, /extensionDevelopmentPath/);
    const installed = path.join(wb.extensionsDir, `${EXTENSION_ID}-${version}`);
    for (const file of ['package.json', 'dist/extension.js', 'media/csl/chicago-author-date.csl', 'corpus/topics.yaml'])
      assert.ok(existsSync(path.join(installed, file)), `${file} is not in the installed extension ${installed}`);
    const bundle = readFileSync(path.join(installed, 'dist/extension.js'), 'utf8');
    assert.ok(bundle.split('\n').length < 1000, 'the installed bundle is the minified production build');
    const versionLine = new RegExp(`Sourcebook ${version.replace(/\./g, '\\.')} in VS Code 1\\.100\\.`);
    for (let i = 0; i < 40 && !versionLine.test(wb.outputLog('Sourcebook')); i++)
      await new Promise((r) => setTimeout(r, 250));
    assert.match(wb.outputLog('Sourcebook'), versionLine);
    assert.doesNotMatch(wb.outputLog('Sourcebook'), /cannot read its citation style|failed to start/i);
  },

  'the Sourcebook container shows the Topics tree': async (wb) => {
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Sourcebook"]').click();
    const topic = topicsRow(wb, 'Artificial intelligence');
    await topic.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await topic.innerText(), /Artificial intelligence\s*2 articles/);
    await topic.click();
    await topicsRow(wb, SHAREHOLDERS).waitFor({ state: 'visible', timeout: 10_000 });
    await shot(wb.page.locator('.part.sidebar'), 'installed-topics');
  },

  'hovering "Qwen" shows its entity card': async (wb) => {
    await wb.openFile('alibaba-thesis.md');
    await wb.page
      .locator('.editor-group-container.active .view-line span', { hasText: /^Qwen$/ })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    const text = await wb.hover('Qwen');
    assert.match(text, /^Qwen — product/);
    assert.match(text, /\d+ mentions in 2 articles/);
    await wb.screenshot('installed-hover-qwen');
    await wb.page.mouse.move(1, 1);
  },

  'Insert Cited Quote writes a footnote': async (wb) => {
    const text = await insertQuote(wb, 'installed-quote-footnote');
    // One footnote per article and section: the label names the section the passage is from.
    assert.ok(text.includes(`> "${PASSAGE}"[^alibaba-qwen-shareholders.the-open-source]`), text);
    assert.match(text, /^\[\^alibaba-qwen-shareholders\.the-open-source\]: .*Alibaba at a Critical Juncture/m);
  },

  'Insert Cited Quote in Chicago style formats from the shipped CSL file': async (wb) => {
    await wb.runCommand('Sourcebook: Choose Citation Style…');
    await wb.page.locator('.quick-input-widget .quick-input-box input').fill('Chicago');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const text = await insertQuote(wb, 'installed-quote-chicago');
    // Chicago author-date cites in the text (the title in quotes, "n.d." for an undated article, the section)
    // and lists the reference at the end.
    assert.match(
      text,
      new RegExp(
        `> "${PASSAGE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" \\(“.*Alibaba at a Critical Juncture.*\\bn\\.d\\., sec\\. `,
      ),
    );
    assert.match(text, /^## References\n\n“.*Alibaba at a Critical Juncture.*\bn\.d\.$/m);
    assert.doesNotMatch(text, /\[\^alibaba-qwen-shareholders\]/);
  },

  'the quote check flags a changed quote in a note': async (wb) => {
    await wb.openFile('evidence.md');
    await wb.page
      .locator('.editor-group-container.active .squiggly-warning, .editor-group-container.active .squiggly-error')
      .first()
      .waitFor({ state: 'attached', timeout: 30_000 });
    await wb.runCommand('Sourcebook: Check Quotes in Workspace');
    await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)').catch(async () => {
      await wb.runCommand('Problems: Focus on Problems View');
    });
    const problems = wb.page.locator('.markers-panel');
    await problems.waitFor({ state: 'visible', timeout: 15_000 });
    await problems
      .locator('.monaco-list-row', { hasText: 'evidence.md' })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    const text = await problems.innerText();
    assert.match(text, /evidence\.md/);
    assert.equal((text.match(/\[Ln 5, Col \d+\]/g) ?? []).length >= 1, true, `no problem on line 5:\n${text}`);
    assert.doesNotMatch(text, /\[Ln 3, Col/, 'the exact quote is not flagged');
    await wb.screenshot('installed-quote-check');
  },
};
