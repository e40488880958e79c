// A throwaway PostgreSQL cluster for the archive tests: initdb in a temp
// folder, pg_ctl start on a free port of 127.0.0.1 (password login, socket in
// the temp folder), one database, and a stop that removes it all. PostgreSQL
// refuses to run as root, so as root the cluster belongs to the `postgres`
// user the Debian package creates. The server is installed first when it is
// missing (scripts/host/install-postgres.sh); when it cannot be, starting
// fails with the reason — the archive tests never skip.
//
//   node scripts/host/postgres.mjs -- COMMAND [ARGS…]
//
// runs COMMAND with SOURCEBOOK_TEST_DB (the URL, without the password) and
// SOURCEBOOK_TEST_DB_PASSWORD set, then stops the cluster and exits with
// COMMAND's exit code.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TEST_USER = 'sourcebook';
export const TEST_DATABASE = 'sourcebook';

/** The newest installed server's bin folder (Debian keeps each major version apart), or undefined. */
function serverBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter(
      (name) =>
        existsSync(path.join(root, name, 'bin', 'initdb')) && existsSync(path.join(root, name, 'bin', 'pg_ctl')),
    )
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

function ensureServer() {
  const found = serverBinDir();
  if (found) return found;
  const install = spawnSync('bash', [path.join(HERE, 'install-postgres.sh')], { stdio: 'inherit' });
  const installed = serverBinDir();
  if (install.status !== 0 || !installed)
    throw new Error(
      "PostgreSQL server not available: scripts/host/install-postgres.sh could not install Debian's postgresql package " +
        '(the archive tests need a real server: as root, `apt-get install -y postgresql`)',
    );
  return installed;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Who runs the server: `postgres` when we are root (the server refuses root), else ourselves. */
function serverUser() {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { name: 'postgres', uid, gid };
  } catch {
    throw new Error('running as root, but there is no `postgres` user to run the test server as (install postgresql)');
  }
}

function run(user, command, args, what) {
  const [file, argv] = runner(user, command, args);
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(
      `${what} failed (exit ${result.status}): ${(result.stderr || result.stdout || '').trim().slice(-800)}`,
    );
  return result.stdout;
}

/**
 * Starts a fresh cluster. Resolves with its URL (no password in it), the
 * password, and `stop()`, which stops the server and deletes the folder.
 * Tests run it without waiting for the disk (fsync off); `durable: true`
 * keeps PostgreSQL's defaults, as the benchmark does so that an ingest rate
 * means what it would on a real server.
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = ensureServer();
  const user = serverUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'sourcebook-pg-'));
  const stopAndRemove = () => {
    if (existsSync(path.join(dir, 'data', 'postmaster.pid')))
      spawnSync(
        ...runner(user, path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']),
      );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const password = randomBytes(12).toString('hex');
    const pwfile = path.join(dir, 'password');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (user) {
      chownSync(dir, user.uid, user.gid);
      chownSync(pwfile, user.uid, user.gid);
    }
    const data = path.join(dir, 'data');
    run(
      user,
      path.join(bin, 'initdb'),
      [
        '-D',
        data,
        '-U',
        TEST_USER,
        `--pwfile=${pwfile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ],
      'initdb',
    );
    rmSync(pwfile);
    const port = await freePort();
    const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${fast}`;
    try {
      run(
        user,
        path.join(bin, 'pg_ctl'),
        ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start'],
        'pg_ctl start',
      );
    } catch (error) {
      const log = existsSync(path.join(dir, 'server.log'))
        ? readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-800)
        : '';
      throw new Error(`${error.message}\n${log}`, { cause: error });
    }
    run(user, path.join(bin, 'createdb'), ['-h', dir, '-p', String(port), '-U', TEST_USER, TEST_DATABASE], 'createdb');
    return {
      url: `postgres://${TEST_USER}@127.0.0.1:${port}/${TEST_DATABASE}`,
      password,
      port,
      stop: stopAndRemove,
    };
  } catch (error) {
    stopAndRemove();
    throw new Error(`could not start a test PostgreSQL server: ${error.message}`, { cause: error });
  }
}

function runner(user, command, args) {
  return user ? ['runuser', ['-u', user.name, '--', command, ...args]] : [command, args];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dash = process.argv.indexOf('--');
  const command = dash < 0 ? [] : process.argv.slice(dash + 1);
  if (command.length === 0) {
    console.error('usage: node scripts/host/postgres.mjs -- COMMAND [ARGS…]');
    process.exit(2);
  }
  let server;
  try {
    server = await startPostgres();
  } catch (error) {
    console.error(`postgres.mjs: ${error.message}`);
    process.exit(1);
  }
  console.log(`postgres.mjs: test server at ${server.url}`);
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, SOURCEBOOK_TEST_DB: server.url, SOURCEBOOK_TEST_DB_PASSWORD: server.password },
  });
  const stopOn = (signal) => process.on(signal, () => child.kill(signal));
  stopOn('SIGINT');
  stopOn('SIGTERM');
  child.on('exit', (code, signal) => {
    server.stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
