// The CLI as a team installs it: `npm pack` of the sourcebook-cli package,
// the tarball installed with `npm install --offline` into a new project in
// the system temp folder (outside this repository, so nothing resolves to
// the repo's node_modules or sources, and offline proves the package needs
// nothing from a registry), then `sourcebook` run from that project's
// folders through node_modules/.bin, as a CI job or a git hook would.
//
//   node test/package/cli.package.mjs [--keep]
//
// Fails, naming the file, when the package misses one it needs.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, rootManifest } from '../../scripts/package/stage.mjs';
import { ARTICLE_ID, writeProject } from './fixtures.mjs';

/** What the package must hold for every command to work. */
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/cli.js',
  'dist/parseWorker.js',
  'dist/readerWorker.mjs',
  'corpus/topics.yaml',
  'corpus/entities.yaml',
  'corpus/alibaba-ai-gamble-qwen.md',
  'media/csl/chicago-author-date.csl',
  'media/csl/modern-language-association.csl',
];

const keep = process.argv.includes('--keep');
const project = realpathSync(mkdtempSync(path.join(tmpdir(), 'sourcebook-team-')));
// The CLI keeps its index cache inside the project, not in the user's home.
const ENV = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(project, '.cache') };
// Commits in the test repository, whatever the machine's git configuration.
const GIT_ENV = {
  ...ENV,
  GIT_AUTHOR_NAME: 'Analyst',
  GIT_AUTHOR_EMAIL: 'analyst@example.org',
  GIT_COMMITTER_NAME: 'Analyst',
  GIT_COMMITTER_EMAIL: 'analyst@example.org',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};
const tests = [];
const test = (name, fn) => tests.push([name, fn]);

function sourcebook(args, { cwd = project, status = 0 } = {}) {
  const bin = path.join(project, 'node_modules/.bin/sourcebook');
  const run = spawnSync(bin, args, { cwd, encoding: 'utf8', env: ENV });
  if (run.error) throw run.error;
  if (run.status !== status) {
    throw new Error(
      `sourcebook ${args.join(' ')} (in ${path.relative(project, cwd) || '.'}) exited ${run.status}, expected ${status}\n` +
        `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`,
    );
  }
  return run.stdout;
}

test('npm pack writes the tarball', () => {
  const tarball = execFileSync(process.execPath, [path.join(ROOT, 'scripts/package/cli.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  assert.ok(existsSync(tarball), `no tarball at ${tarball}`);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'team-notes', private: true }, null, 2));
  writeProject(project);
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], {
    cwd: project,
    encoding: 'utf8',
  });
  assert.equal(install.status, 0, `npm install of the tarball failed:\n${install.stdout}\n${install.stderr}`);
  assert.doesNotMatch(install.stderr, /EBADENGINE|deprecated/, 'npm install warned');
});

test('the installed package holds every file it needs, and no sources or tests', () => {
  const installed = path.join(project, 'node_modules/sourcebook-cli');
  const missing = REQUIRED.filter((file) => !existsSync(path.join(installed, file)));
  assert.deepEqual(missing, [], `the package misses ${missing.join(', ')}`);
  for (const absent of ['src', 'test', 'dist/extension.js', 'dist/cli.js.map', 'node_modules'])
    assert.ok(!existsSync(path.join(installed, absent)), `the package should not ship ${absent}`);
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.version, rootManifest().version);
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'the bundle carries its libraries; nothing is left to install');
});

test('sourcebook --version prints the package version', () => {
  assert.equal(sourcebook(['--version']).trim(), `sourcebook ${rootManifest().version}`);
});

test('check passes a note whose quotes match, from the notes folder', () => {
  const out = sourcebook(['check', '--corpus', '../research/corpus', 'harbour.md'], {
    cwd: path.join(project, 'notes'),
  });
  assert.match(out, /^1 quote checked in 1 note: 1 match, 0 misquoted, 0 unresolved$/m);
});

test('check fails on a changed quote and says where', () => {
  const out = sourcebook(['check', '--corpus', 'research/corpus', 'notes'], { status: 1 });
  assert.match(out, /notes\/port\.md:5:\d+/);
  assert.doesNotMatch(out, /harbour\.md:\d/);
  const json = JSON.parse(sourcebook(['check', '--corpus', 'research/corpus', 'notes', '--json'], { status: 1 }));
  assert.equal(json.length, 1);
  assert.equal(json[0].file, 'notes/port.md');
  assert.equal(json[0].line, 5);
  assert.equal(json[0].articleId, ARTICLE_ID);
});

test('search finds the passage in the corpus folder', () => {
  const hits = JSON.parse(sourcebook(['search', '--corpus', 'research/corpus', 'electric cranes', '--json']));
  assert.equal(hits[0]?.articleId, ARTICLE_ID);
  assert.match(hits[0].text, /^Three electric cranes now unload container ships/);
});

test('quote cites in the footnote style and, from the shipped CSL files, in Chicago and MLA', () => {
  const args = ['quote', '--corpus', 'research/corpus', 'electric cranes'];
  const footnote = sourcebook([...args, '--style', 'footnote']);
  assert.match(
    footnote,
    /^> "Three electric cranes now unload container ships at night, when the tide is highest\."\[\^harbour-cranes\.the-quay\]/,
  );
  // One footnote per article and section.
  assert.match(footnote, /^\[\^harbour-cranes\.the-quay\]: .*Cranes Return to the Old Harbour.*§ The quay/m);
  assert.match(
    sourcebook([...args, '--style', 'chicago']),
    /Harbour Gazette.*2026\. [“"]Cranes Return to the Old Harbour\.?[”"]/,
  );
  assert.match(sourcebook([...args, '--style', 'mla']), /[“"]Cranes Return to the Old Harbour\.?[”"].*14 Mar\. 2026/);
});

test('check --format github writes an annotation per problem, for CI', () => {
  const out = sourcebook(['check', '--corpus', 'research/corpus', 'notes', '--format', 'github'], { status: 1 });
  const annotations = out.split('\n').filter((line) => line.startsWith('::'));
  assert.equal(annotations.length, 1, out);
  assert.match(annotations[0], /^::warning file=notes\/port\.md,line=5,col=\d+,title=Sourcebook [\w-]+::\S/);
  assert.match(annotations[0], /%0ASource: Three electric cranes/);
});

test('the pre-commit hook of docs/workflows checks only the notes a commit changes', () => {
  const git = (...args) => {
    const run = spawnSync('git', args, { cwd: project, encoding: 'utf8', env: GIT_ENV });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };
  assert.equal(git('init', '-q').status, 0);
  const hook = path.join(project, '.git/hooks/pre-commit');
  copyFileSync(path.join(ROOT, 'docs/workflows/pre-commit'), hook);
  chmodSync(hook, 0o755);
  writeFileSync(path.join(project, '.gitignore'), 'node_modules/\n.cache/\n');

  git('add', '.gitignore', 'package.json', 'research', 'notes/harbour.md');
  const good = git('commit', '-q', '-m', 'notes whose quotes match');
  assert.equal(good.status, 0, `the hook stopped a commit whose notes match:\n${good.output}`);

  git('add', 'notes/port.md');
  const bad = git('commit', '-q', '-m', 'a changed quote');
  assert.notEqual(bad.status, 0, 'the hook let a changed quote through');
  assert.match(bad.output, /notes\/port\.md:5/);
  assert.match(bad.output, /does not match its source/);

  // The broken note stays in the working tree, unstaged: a commit of another note passes.
  git('reset', '-q', 'notes/port.md');
  writeFileSync(
    path.join(project, 'notes/harbour.md'),
    `${readFileSync(path.join(project, 'notes/harbour.md'), 'utf8')}\nMore later.\n`,
  );
  git('add', 'notes/harbour.md');
  const other = git('commit', '-q', '-m', 'another note');
  assert.equal(other.status, 0, `the hook checked a note the commit does not touch:\n${other.output}`);
});

let passed = 0;
let failed = 0;
for (const [name, fn] of tests) {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n${String(error?.stack ?? error).replace(/^/gm, '      ')}`);
    if (tests[0][0] === name) break; // nothing else can run without the install
  }
}
if (keep) console.log(`project kept in ${project}`);
else rmSync(project, { recursive: true, force: true });
console.log(
  `cli package: ${passed} passed, ${failed} failed${passed + failed < tests.length ? `, ${tests.length - passed - failed} not run` : ''}`,
);
process.exit(failed > 0 ? 1 : 0);
