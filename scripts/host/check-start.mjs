// Checks that `npm start` leaves the repository as it found it: serves the
// sample notes the way `npm start` does (its profile and notes copy in a temp
// folder through SOURCEBOOK_STATE), edits and saves a note in the browser,
// stops the server, and compares `git status` before and after.
//
//   node scripts/host/check-start.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_WORKSPACE, ROOT, freePort, launchChromium } from './code-server.mjs';
import { openFile } from '../../test/ui/workbench.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const NOTE = 'alibaba-thesis.md';
const TYPED = 'Typed during the start check.';

function gitStatus() {
  const git = spawnSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' });
  if (git.status !== 0) throw new Error(`git status failed: ${git.stderr.trim() || git.error?.message}`);
  return git.stdout;
}

async function until(what, test, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = test();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

const state = mkdtempSync(path.join(tmpdir(), 'sourcebook-start-'));
let server;
let browser;
try {
  const before = gitStatus();
  const port = await freePort();
  server = spawn(process.execPath, [path.join(ROOT, 'scripts/host/serve.mjs'), '--port', String(port)], {
    env: { ...process.env, SOURCEBOOK_STATE: state },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const url = await until(
    'the served address',
    () => output.match(/http:\/\/127\.0\.0\.1:\d+\/\?\S+/)?.[0] ?? (server.exitCode !== null && fail()),
    120_000,
  );
  function fail() {
    throw new Error(`npm start's server exited (${server.exitCode}):\n${output}`);
  }

  const chromium = await launchChromium();
  browser = chromium.browser;
  const { page } = chromium;
  page.setDefaultTimeout(30_000);
  await page.goto(url, { waitUntil: 'commit', timeout: 90_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
  await openFile(page, NOTE);
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n${TYPED}\n`);
  await page.keyboard.press('Control+S');

  const served = path.join(state, path.basename(DEFAULT_WORKSPACE), NOTE);
  await until('the edit to be saved in the served copy', () => readFileSync(served, 'utf8').includes(TYPED), 30_000);
  assert.ok(
    !readFileSync(path.join(DEFAULT_WORKSPACE, NOTE), 'utf8').includes(TYPED),
    'the edit reached samples/notes',
  );
  assert.equal(gitStatus(), before, 'git status changed while npm start ran');
  console.log('  ✓ npm start serves a copy of the sample notes; edits leave git status unchanged');
  console.log('start: 1 passed, 0 failed');
} catch (error) {
  console.log(`  ✗ npm start leaves the repository clean\n${String(error?.stack ?? error).replace(/^/gm, '      ')}`);
  console.log('start: 0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await until('the server to stop', () => server.exitCode !== null || server.signalCode !== null, 20_000).catch(() =>
      server.kill('SIGKILL'),
    );
  }
  rmSync(state, { recursive: true, force: true });
}
