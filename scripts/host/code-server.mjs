// Shared plumbing for running the extension inside a real VS Code: code-server
// (VS Code's server + web workbench, installed by scripts/host/install.sh) and
// Debian's Chromium driven by playwright-core. Used by the integration runner,
// the UI test harness and `npm start`.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = path.join(ROOT, '.cache', `code-server-${CODE_SERVER_VERSION}`);
export const CHROMIUM_PATH = process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium';
export const DEFAULT_WORKSPACE = path.join(ROOT, 'samples', 'notes');

// Keeps Chromium quiet and offline; the workbench needs nothing from the net.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Settings that keep first-run noise (welcome page, tips, trust prompts,
// update checks) out of the workbench, so tests and screenshots are stable.
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

/** Error whose message is meant for the person reading the CI log. */
export class HostError extends Error {}

export function codeServerEntry() {
  const entry = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
  if (!existsSync(path.join(CODE_SERVER_DIR, '.installed')) || !existsSync(entry)) {
    throw new HostError(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${path.relative(ROOT, CODE_SERVER_DIR)}; ` +
        'run `bash scripts/host/install.sh` first',
    );
  }
  return entry;
}

export function requireChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new HostError(`Chromium not found at ${CHROMIUM_PATH}; run \`bash scripts/host/install.sh\` first`);
  }
  return CHROMIUM_PATH;
}

/** A free port on 127.0.0.1: `preferred` when it is free, else any. */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0));
}

/**
 * Copies the workspace folder into `intoDir` (same folder name) and returns
 * the copy. Tests write into their workspace; on a copy, concurrent runs do
 * not see each other's files and the repo's samples stay untouched even
 * when a test dies before cleaning up.
 */
export function copyWorkspace(workspace, intoDir) {
  if (!existsSync(workspace)) throw new HostError(`workspace folder does not exist: ${workspace}`);
  const copy = path.join(intoDir, path.basename(workspace));
  cpSync(workspace, copy, { recursive: true });
  return copy;
}

export function writeUserSettings(userDataDir, settings) {
  const dir = path.join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/**
 * Starts code-server and resolves once it answers HTTP. Its extension host
 * inherits this process's environment (plus `env`), which is how SOURCEBOOK_*
 * variables reach the extension under test.
 */
export async function startCodeServer({
  workspace,
  userDataDir,
  extensionsDir,
  port,
  env = {},
  echo = false,
  startTimeoutMs = 60_000,
}) {
  const entry = codeServerEntry();
  if (!existsSync(workspace)) throw new HostError(`workspace folder does not exist: ${workspace}`);
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  port = port ?? (await freePort());
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    // Its own config file, so ~/.config/code-server is never written.
    '--config',
    path.join(userDataDir, 'code-server.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    workspace,
  ];
  // Own process group, so stop() also reaches the extension host, pty host
  // and file watcher that code-server forks.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  const collect = (chunk) => {
    const text = chunk.toString();
    if (echo) process.stderr.write(text);
    log.push(...text.split('\n').filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.once('error', (error) => {
      exited = { error };
      resolve(exited);
    });
  });

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Last resort if the runner itself dies without calling stop().
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (exited) return killGroup('SIGKILL');
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
    await exitPromise;
    clearTimeout(timer);
    killGroup('SIGKILL');
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
      throw new HostError(
        `code-server exited during start-up (${JSON.stringify(exited)}):\n${log.slice(-30).join('\n')}`,
      );
    }
    try {
      const res = await globalThis.fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new HostError(
        `code-server did not answer within ${startTimeoutMs / 1000} s:\n${log.slice(-30).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, origin, child, log, exited: exitPromise, stop };
}

/**
 * Installs a .vsix into `extensionsDir` as a user does (`code-server
 * --install-extension`), with its own user-data folder. Throws with
 * code-server's output when it does not report the install.
 */
export async function installExtension({ vsix, userDataDir, extensionsDir, timeoutMs = 120_000 }) {
  const entry = codeServerEntry();
  if (!existsSync(vsix)) throw new HostError(`no .vsix at ${vsix}`);
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const args = [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (code !== 0 || !/was successfully installed/.test(output))
    throw new HostError(`code-server --install-extension ${vsix} failed (exit ${code}):\n${output}`);
  return output;
}

/**
 * The workbench URL. `extensionDevelopmentPath` loads the extension from
 * source (development mode); `extensionTestsPath` additionally makes the
 * workbench call that module's run() and report via codeAutomationExit.
 */
export function workbenchUrl({ port, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams({ folder: path.resolve(workspace) });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${query}`;
}

export async function launchChromium({ viewport = { width: 1400, height: 900 } } = {}) {
  requireChromium();
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new HostError(`Chromium failed to start: ${error.message}`);
  }
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { browser, context, page };
}
