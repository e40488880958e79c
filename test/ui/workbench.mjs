// Drives the real VS Code workbench (code-server + headless Chromium) the way a
// person would: open files, run palette commands, hover words, screenshot.
// Used by the *.ui.mjs tests through scripts/host/run-ui.mjs; plain ESM so it
// runs with node directly, without a compile step.
/* global document, NodeFilter -- used in code that page.evaluate runs in the browser */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_WORKSPACE,
  QUIET_SETTINGS,
  ROOT,
  copyWorkspace,
  installExtension,
  launchChromium,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from '../../scripts/host/code-server.mjs';

export const EXTENSION_ID = 'sourcebook.sourcebook';
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server with the extension in development mode (from
 * `extensionPath`, default the repo root, so `npm run build` output is what
 * runs) and opens the workbench in Chromium. The workspace (default
 * samples/notes) is opened as a fresh temp copy: `wb.workspace` is its path,
 * so a test may write files there.
 *
 * With `vsix`, the extension is instead installed from that package into
 * the fresh extensions folder first (code-server --install-extension) and
 * runs as a user's install does: no development path at all.
 *
 * Resolves once the workbench is up and the extension host has finished its
 * start-up activations. The extension itself activates on its activation
 * events (e.g. opening a Markdown file): pass `open: 'README.md'` to open a
 * file and wait for the extension to be active, or call waitForActivation().
 *
 * Returns a harness: { page, url, workspace, userDataDir, extensionsDir, consoleErrors,
 * openFile, runCommand, hover, editorText, screenshot, waitForActivation,
 * extensionHostLog, outputLog, close }.
 */
export async function startWorkbench({
  workspace = DEFAULT_WORKSPACE,
  extensionPath = ROOT,
  vsix,
  settings = {},
  env = {},
  viewport = { width: 1400, height: 900 },
  open,
  verbose = false,
  timeoutMs = 90_000,
} = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'sourcebook-ui-'));
  try {
    workspace = copyWorkspace(path.resolve(workspace), tmp);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  const userDataDir = path.join(tmp, 'user-data');
  writeUserSettings(userDataDir, { ...QUIET_SETTINGS, ...settings });

  let codeServer;
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await codeServer?.stop().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  };

  const extensionsDir = path.join(tmp, 'extensions');
  try {
    if (vsix) await installExtension({ vsix, userDataDir, extensionsDir });
    codeServer = await startCodeServer({
      workspace,
      userDataDir,
      extensionsDir,
      env,
      echo: verbose,
    });
    const chromium = await launchChromium({ viewport });
    browser = chromium.browser;
    const { page } = chromium;
    page.setDefaultTimeout(30_000);
    const consoleErrors = [];
    page.on('console', (msg) => {
      if (verbose) console.error(`[page ${msg.type()}] ${msg.text()}`);
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });

    const url = workbenchUrl({
      port: codeServer.port,
      workspace,
      ...(vsix ? {} : { extensionDevelopmentPath: extensionPath }),
    });
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
    await waitForLog(
      () => extensionHostLog(userDataDir),
      /Eager extensions activated/,
      timeoutMs,
      'extension host start-up',
    );

    const h = {
      page,
      url,
      workspace,
      userDataDir,
      extensionsDir,
      consoleErrors,
      openFile: (relPath) => openFile(page, relPath),
      runCommand: (title) => runCommand(page, title),
      hover: (text) => hover(page, text),
      editorText: () => editorText(page),
      screenshot: (name) => screenshot(page, name),
      waitForActivation: (options) => waitForActivation(h, options),
      extensionHostLog: () => extensionHostLog(userDataDir),
      outputLog: (name) => outputLog(userDataDir, name),
      close,
    };
    if (open) {
      await h.openFile(open);
      await h.waitForActivation();
    }
    return h;
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P), like a user would. A file
 * written a moment ago may be missing from the first search, so Quick Open is
 * reopened, as a person would retype, until the file is offered or a minute passes.
 */
export async function openFile(page, relPath) {
  const name = path.basename(relPath);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // Results arrive only after the file search (ripgrep) finished.
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: name }) })
    .first();
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible' });
    await input.fill(relPath);
    try {
      await row.click({ timeout: 10_000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Quick Open never offered ${relPath}`, { cause: error });
    }
  }
  await page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible' });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/** Runs a command from the F1 palette by its exact label, e.g. "Sourcebook: Refresh". */
export async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
    .first();
  try {
    await row.click({ timeout: 15_000 });
  } catch {
    const shown = await page.locator('.quick-input-widget .quick-input-list .label-name').allInnerTexts();
    await page.keyboard.press('Escape');
    throw new Error(
      `command "${title}" not in the palette; it showed: ${shown.slice(0, 10).join(' | ') || '(nothing)'}`,
    );
  }
}

/**
 * Hovers the first visible occurrence of `text` in the active editor and
 * returns the hover widget's text once it shows (e.g. an entity hover card).
 */
export async function hover(page, text) {
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  const point = await editor.evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // The editor renders spaces as non-breaking spaces.
      const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`"${text}" is not visible in the active editor (it must be within one token on screen)`);
  // Move away first so a hover already showing elsewhere is dismissed.
  await page.mouse.move(1, 1);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  const widget = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
  try {
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`no hover appeared over "${text}" within 15 s`);
  }
  // Hover providers may resolve after the "Loading..." placeholder shows (slowly on a loaded machine).
  for (let i = 0; i < 60 && /^Loading\.\.\.$/.test((await widget.innerText()).trim()); i++) await sleep(250);
  return widget.innerText();
}

/** The lines of the active editor that are on screen, top to bottom, as plain text. */
export async function editorText(page) {
  const lines = await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .evaluate((root) =>
      [...root.querySelectorAll('.view-line')]
        .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text.replace(/\u00a0/g, ' ')),
    );
  return lines.join('\n');
}

/** Saves test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Waits until the extension host has activated the extension, read from its
 * log so it works whatever the extension shows. Fails fast when activation
 * threw.
 */
export async function waitForActivation(h, { extensionId = EXTENSION_ID, timeoutMs = 60_000 } = {}) {
  const id = escapeRegExp(extensionId);
  // The reason is on the line after the "failed" one, then the stack.
  const failure = new RegExp(`Activating extension '?${id}'? failed.*(?:\\n.*){0,3}`);
  const log = await waitForLog(
    h.extensionHostLog,
    new RegExp(`_doActivateExtension ${id}\\b|Activating extension '?${id}'? failed`),
    timeoutMs,
    `activation of ${extensionId}`,
  );
  const failed = log.match(failure);
  if (failed) throw new Error(`extension failed to activate: ${failed[0]}`);
  // The log line is written as activate() starts; give it a moment to return.
  await sleep(500);
  const after = h.extensionHostLog().match(failure);
  if (after) throw new Error(`extension failed to activate: ${after[0]}`);
}

/** Text of the extension host's log (activations, extension errors). */
export function extensionHostLog(userDataDir) {
  return readLogs(userDataDir, (file) => path.basename(file) === 'remoteexthost.log');
}

/** Text of a log output channel, e.g. outputLog(dir, 'Sourcebook'). */
export function outputLog(userDataDir, name) {
  return readLogs(userDataDir, (file) => path.basename(file) === `${name}.log`);
}

function readLogs(userDataDir, match) {
  const dir = path.join(userDataDir, 'logs');
  let files;
  try {
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return '';
  }
  return files
    .map((file) => path.join(dir, file))
    .filter(match)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

async function waitForLog(read, pattern, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = read();
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
