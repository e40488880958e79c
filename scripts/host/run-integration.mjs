// Runs the integration suite (out/test/integration/index.js) inside a real
// VS Code: code-server serves the workbench, headless Chromium opens it with
// extensionDevelopmentPath + extensionTestsPath in the URL payload, and the
// workbench reports the suite's output and exit code back to this page.
//
//   node scripts/host/run-integration.mjs [--workspace DIR] [--grep PATTERN]
//                                         [--timeout SECONDS] [--verbose]
//
// The workspace (default samples/notes) is copied to a temp folder first, so
// tests may write into it freely.
// SOURCEBOOK_* variables in the environment reach the extension host, since
// code-server's extension host inherits code-server's environment. A
// throwaway PostgreSQL (scripts/host/postgres.mjs) is started for the archive
// tests unless SOURCEBOOK_TEST_DB names one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_WORKSPACE,
  HostError,
  QUIET_SETTINGS,
  ROOT,
  copyWorkspace,
  launchChromium,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './code-server.mjs';
import { startPostgres } from './postgres.mjs';

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string', default: process.env.SOURCEBOOK_WORKSPACE ?? DEFAULT_WORKSPACE },
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.SOURCEBOOK_TEST_TIMEOUT ?? '300' },
    verbose: { type: 'boolean', default: false },
  },
});

const testsPath = path.join(ROOT, 'out/test/integration/index.js');
const timeoutMs = Number(opts.timeout) * 1000;
const started = Date.now();

let codeServer;
let browser;
let tmp;
let postgres;

async function cleanup() {
  postgres?.stop();
  await browser?.close().catch(() => {});
  await codeServer?.stop().catch(() => {});
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

async function main() {
  if (!existsSync(testsPath))
    throw new HostError(`${path.relative(ROOT, testsPath)} is missing; run \`npm run build\` first`);
  if (!existsSync(path.join(ROOT, 'dist/extension.js')))
    throw new HostError('dist/extension.js is missing; run `npm run build` first');

  // Fresh profile and extensions folder per run: no state leaks between runs.
  tmp = mkdtempSync(path.join(tmpdir(), 'sourcebook-it-'));
  const userDataDir = path.join(tmp, 'user-data');
  writeUserSettings(userDataDir, QUIET_SETTINGS);
  const workspace = copyWorkspace(path.resolve(opts.workspace), tmp);

  // The archive tests read a real PostgreSQL: a throwaway cluster, unless one is given.
  const env = opts.grep ? { SOURCEBOOK_TEST_GREP: opts.grep } : {};
  if (!process.env.SOURCEBOOK_TEST_DB) {
    postgres = await startPostgres();
    Object.assign(env, { SOURCEBOOK_TEST_DB: postgres.url, SOURCEBOOK_TEST_DB_PASSWORD: postgres.password });
  }
  codeServer = await startCodeServer({
    workspace,
    userDataDir,
    extensionsDir: path.join(tmp, 'extensions'),
    env,
    echo: opts.verbose,
  });
  const chromium = await launchChromium();
  browser = chromium.browser;
  const { page } = chromium;

  let resolveExit;
  const exitCode = new Promise((resolve) => (resolveExit = resolve));
  // Both must exist before the workbench script runs, hence before goto.
  await page.exposeFunction('codeAutomationLog', (type, message) => relay(type, message));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('crash', () => resolveExit(new HostError('the workbench page crashed')));
  if (opts.verbose) page.on('console', (msg) => console.error(`[page ${msg.type()}] ${msg.text()}`));

  // Only the navigation itself is awaited; the overall timeout below covers
  // loading, which can be slow on a busy machine.
  await page.goto(
    workbenchUrl({ port: codeServer.port, workspace, extensionDevelopmentPath: ROOT, extensionTestsPath: testsPath }),
    { waitUntil: 'commit', timeout: timeoutMs },
  );

  let timer;
  const outcome = await Promise.race([
    exitCode,
    codeServer.exited.then((e) => new HostError(`code-server exited while the tests ran (${JSON.stringify(e)})`)),
    new Promise((resolve) => {
      timer = setTimeout(
        () => resolve(new HostError(`timed out after ${timeoutMs / 1000} s without an exit code from the workbench`)),
        timeoutMs,
      );
    }),
  ]);
  clearTimeout(timer);
  if (outcome instanceof Error) {
    if (!opts.verbose) console.error(`--- last code-server output ---\n${codeServer.log.slice(-30).join('\n')}`);
    throw outcome;
  }
  if (!Number.isInteger(outcome)) throw new HostError(`the workbench reported a non-numeric exit code: ${outcome}`);
  // A zero exit without the suite's closing line means it never really ran.
  if (outcome === 0 && !sawSummary)
    throw new HostError('the workbench exited 0 but the suite printed no "integration: N passed, N failed" line');
  return outcome;
}

// The page log mixes the workbench's own chatter with the suite's console
// output. The suite's output starts at its "VS Code <version>" line; before
// that only warnings and errors are shown (they explain a suite that never
// starts), minus the extension-gallery lookup that always fails offline and
// the workbench's slow-start-up notes.
let suiteStarted = false;
let sawSummary = false;
function relay(type, message) {
  message = String(message);
  if (/^VS Code \d/.test(message)) suiteStarted = true;
  if (/^integration: \d+ passed, \d+ failed$/m.test(message)) sawSummary = true;
  const noise = /open-vsx\.org|ENOTFOUND|EAI_AGAIN|^Creation of workbench contribution .* took \d+ms/.test(message);
  if (opts.verbose || (suiteStarted && type !== 'trace' && type !== 'debug')) {
    console.log(type === 'info' ? message : `[${type}] ${message}`);
  } else if ((type === 'error' || type === 'warn') && !noise) {
    console.log(`[workbench ${type}] ${message}`);
  }
}

let code;
try {
  code = await main();
  console.log(`integration host: exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`integration host: FAILED: ${error instanceof HostError ? error.message : (error?.stack ?? error)}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
