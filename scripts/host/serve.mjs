// Serves VS Code (code-server) with the extension loaded in development mode
// from this repo, for a person to try it in a browser. Used by `npm start`.
//
//   node scripts/host/serve.mjs [--workspace DIR] [--port N]
//
// Without --workspace it serves a copy of samples/notes kept in .cache/notes
// (made once, then kept with the user's edits), so trying the demo never
// changes the repository.
// The profile lives in .cache/ so settings and UI state survive restarts.
// After `npm run build` (or with `npm run watch` running), reload the browser
// window to pick up the new extension code.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_WORKSPACE,
  HostError,
  QUIET_SETTINGS,
  ROOT,
  copyWorkspace,
  freePort,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './code-server.mjs';

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string', default: process.env.SOURCEBOOK_WORKSPACE },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
  },
});

// Where the profile and the notes copy live: .cache/ unless SOURCEBOOK_STATE names another folder.
const stateDir = process.env.SOURCEBOOK_STATE ? path.resolve(process.env.SOURCEBOOK_STATE) : path.join(ROOT, '.cache');
const userDataDir = path.join(stateDir, 'user-data');
const workspace = opts.workspace ? path.resolve(opts.workspace) : sampleNotesCopy();

/** The sample notes, copied once into git-ignored .cache/notes; later runs keep what the user wrote there. */
function sampleNotesCopy() {
  const copy = path.join(stateDir, path.basename(DEFAULT_WORKSPACE));
  if (!existsSync(copy)) {
    copyWorkspace(DEFAULT_WORKSPACE, path.dirname(copy));
    console.log(`copied the sample notes to ${copy} (delete it to start afresh)`);
  }
  return copy;
}

try {
  // Seed quiet defaults once; later edits by the user are kept.
  if (!existsSync(path.join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir, QUIET_SETTINGS);
  const wanted = Number(opts.port);
  const port = await freePort(wanted);
  if (port !== wanted) console.log(`port ${wanted} is busy; using ${port}`);

  const server = await startCodeServer({
    workspace,
    userDataDir,
    extensionsDir: path.join(stateDir, 'extensions'),
    port,
    echo: true,
  });
  const url = workbenchUrl({ port, workspace, extensionDevelopmentPath: ROOT });
  console.log(`\nSourcebook is running in VS Code at:\n\n  ${url}\n\nPress Ctrl+C to stop.\n`);

  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.once('SIGHUP', shutdown);
  void server.exited.then((exited) => {
    if (stopping) return;
    console.error(`code-server stopped unexpectedly (${JSON.stringify(exited)})`);
    process.exit(1);
  });
} catch (error) {
  console.error(`npm start: FAILED: ${error instanceof HostError ? error.message : (error?.stack ?? error)}`);
  process.exit(1);
}
