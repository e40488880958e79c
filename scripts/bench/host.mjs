// Runs the activation benchmark module inside a real VS Code (code-server +
// Chromium, the integration tests' host) and returns what it printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_WORKSPACE,
  QUIET_SETTINGS,
  ROOT,
  launchChromium,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from '../host/code-server.mjs';

/**
 * Starts a host on `userDataDir` (a fresh one when not given, so the
 * persisted index is empty) with the extension at `extensionPath`, runs
 * `testsPath` in it and resolves with the parsed `SOURCEBOOK_BENCH` line.
 */
export async function runInHost(testsPath, { userDataDir, extensionPath = ROOT, timeoutMs = 180_000, env = {} } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-host-'));
  const profile = userDataDir ?? path.join(tmp, 'user-data');
  writeUserSettings(profile, QUIET_SETTINGS);
  let codeServer;
  let browser;
  try {
    codeServer = await startCodeServer({
      workspace: DEFAULT_WORKSPACE,
      userDataDir: profile,
      extensionsDir: path.join(tmp, 'extensions'),
      env,
    });
    ({ browser } = await launchChromium());
    const page = browser.contexts()[0].pages()[0];
    let line;
    let settle;
    const done = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (_type, message) => {
      const text = String(message);
      if (text.startsWith('SOURCEBOOK_BENCH ')) line = JSON.parse(text.slice('SOURCEBOOK_BENCH '.length));
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    await page.goto(
      workbenchUrl({
        port: codeServer.port,
        workspace: DEFAULT_WORKSPACE,
        extensionDevelopmentPath: extensionPath,
        extensionTestsPath: testsPath,
      }),
    );
    let timer;
    const code = await Promise.race([
      done,
      new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (code !== 0 || !line) throw new Error(`the host benchmark did not finish (exit ${code})`);
    return line;
  } finally {
    await browser?.close().catch(() => {});
    await codeServer?.stop().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  }
}
