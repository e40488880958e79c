// Runs the same integration suite in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (or that set
// SOURCEBOOK_VSCODE_EXECUTABLE to an installed `code` binary). The version
// matches the code-server host so both run the same VS Code.
//
//   node scripts/host/run-electron.mjs [--workspace DIR] [--grep PATTERN]
//
// On a Linux machine without a display, wrap it in `xvfb-run -a`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { startPostgres } from './postgres.mjs';
import { DEFAULT_WORKSPACE, ROOT, copyWorkspace } from './code-server.mjs';

const VSCODE_VERSION = '1.100.3';

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string', default: process.env.SOURCEBOOK_WORKSPACE ?? DEFAULT_WORKSPACE },
    grep: { type: 'string' },
  },
});

const extensionTestsPath = path.join(ROOT, 'out/test/integration/index.js');
if (!existsSync(extensionTestsPath) || !existsSync(path.join(ROOT, 'dist/extension.js'))) {
  console.error('integration (electron): build output missing; run `npm run build` first');
  process.exit(1);
}

// A fresh profile and a copy of the workspace per run, like the code-server
// runner, so tests may write into the workspace.
const tmp = mkdtempSync(path.join(tmpdir(), 'sourcebook-electron-'));
let code;
let postgres;
try {
  // The archive tests read a real PostgreSQL: a throwaway cluster, unless one is given.
  const env = opts.grep ? { SOURCEBOOK_TEST_GREP: opts.grep } : {};
  if (!process.env.SOURCEBOOK_TEST_DB) {
    postgres = await startPostgres();
    Object.assign(env, { SOURCEBOOK_TEST_DB: postgres.url, SOURCEBOOK_TEST_DB_PASSWORD: postgres.password });
  }
  const workspace = copyWorkspace(path.resolve(opts.workspace), tmp);
  code = await runTests({
    version: VSCODE_VERSION,
    vscodeExecutablePath: process.env.SOURCEBOOK_VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    extensionTestsEnv: env,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(tmp, 'user-data'),
      '--extensions-dir',
      path.join(tmp, 'extensions'),
    ],
  });
} catch (error) {
  // runTests rejects on a non-zero exit code as well as on a failed download.
  console.error(`integration (electron): FAILED: ${error?.message ?? error}`);
  code = typeof error?.code === 'number' && error.code !== 0 ? error.code : 1;
} finally {
  postgres?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
