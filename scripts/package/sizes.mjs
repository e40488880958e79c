// Packs the .vsix and the CLI package and writes what each costs into the
// "Package sizes" section of docs/benchmarks.md (the bench keeps that
// section when it rewrites the file): each package's size, what each part
// of it costs compressed, and which libraries the minified bundles carry.
//
//   node scripts/package/sizes.mjs        (npm run sizes)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './stage.mjs';
import { BEGIN, END, withSizesSection } from './sizesSection.mjs';
import { zipEntries } from './zipEntries.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** The part of a package a file belongs to, for the cost table. */
function part(file) {
  if (/dist\/extension\.js$/.test(file)) return 'extension bundle (`dist/extension.js`, minified)';
  if (/dist\/cli\.js$/.test(file)) return 'CLI bundle (`dist/cli.js`, minified)';
  if (/dist\/readerWorker\.mjs$/.test(file)) return 'HTML and PDF reader bundle (`dist/readerWorker.mjs`, minified)';
  if (/dist\/citationStack\.js$/.test(file))
    return 'citation stack (`dist/citationStack.js`, minified: citation-js, citeproc; loaded on first use)';
  if (/dist\/parseWorker\.js$/.test(file)) return 'parse worker bundle (`dist/parseWorker.js`, minified)';
  if (/media\/csl\//.test(file)) return 'CSL styles (`media/csl/`: Chicago, MLA)';
  if (/corpus\//.test(file)) return 'bundled corpus (`corpus/`)';
  if (/media\//.test(file)) return 'icon and walkthrough (`media/`)';
  if (/package\.json$|vsixmanifest$|Content_Types/.test(file)) return 'manifests';
  return 'README, CHANGELOG, LICENSE';
}

function partsTable(entries) {
  const parts = new Map();
  for (const { name, compressed, size } of entries) {
    const p = parts.get(part(name)) ?? { compressed: 0, size: 0, files: 0 };
    parts.set(part(name), { compressed: p.compressed + compressed, size: p.size + size, files: p.files + 1 });
  }
  return [
    '| Part | Files | Size | Compressed |',
    '| --- | --- | --- | --- |',
    ...[...parts]
      .sort((a, b) => b[1].compressed - a[1].compressed)
      .map(([name, p]) => `| ${name} | ${p.files} | ${kb(p.size)} | ${kb(p.compressed)} |`),
  ];
}

/** Bytes each library (or Sourcebook's own code) adds to a minified bundle. */
function libraryTable(meta, bundle) {
  const output = Object.entries(meta.outputs).find(([file]) => file.endsWith(bundle))?.[1];
  if (!output) throw new Error(`no ${bundle} in the build's metafile`);
  const libs = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const name = match ? match[1] : input.startsWith('src/') ? 'Sourcebook (`src/`)' : 'other';
    libs.set(name, (libs.get(name) ?? 0) + bytesInOutput);
  }
  const sorted = [...libs].sort((a, b) => b[1] - a[1]);
  const top = sorted.slice(0, 10);
  const rest = sorted.slice(10).reduce((sum, [, bytes]) => sum + bytes, 0);
  return [
    '| In the bundle | Minified |',
    '| --- | --- |',
    ...top.map(([name, bytes]) => `| ${name} | ${kb(bytes)} |`),
    ...(rest ? [`| ${sorted.length - 10} smaller packages | ${kb(rest)} |`] : []),
    `| **total** | **${kb(output.bytes)}** |`,
  ];
}

const tmp = mkdtempSync(path.join(tmpdir(), 'sourcebook-sizes-'));
try {
  const metafile = path.join(tmp, 'meta.json');
  const env = { ...process.env, SOURCEBOOK_METAFILE: metafile };
  const run = (script) =>
    execFileSync(process.execPath, [path.join(ROOT, script)], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  const vsix = run('scripts/package/vsix.mjs');
  const meta = JSON.parse(readFileSync(metafile, 'utf8'));
  const tarball = run('scripts/package/cli.mjs');
  const pack = JSON.parse(readFileSync(path.join(path.dirname(tarball), 'sourcebook-cli.pack.json'), 'utf8'));
  const vsixEntries = zipEntries(vsix);
  const vsixSize = readFileSync(vsix).length;

  const section = [
    BEGIN,
    '## Package sizes',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run sizes\` (\`scripts/package/sizes.mjs\`), which packs both`,
    'packages as `npm test` does. The installed-extension UI test fails if the `.vsix` reaches 2 MB.',
    '',
    '| Package | Packed | Unpacked | Files | Limit |',
    '| --- | --- | --- | --- | --- |',
    `| \`dist/sourcebook.vsix\` (the extension) | ${kb(vsixSize)} | ${kb(vsixEntries.reduce((s, e) => s + e.size, 0))} | ${vsixEntries.length} | under 2 MB (${((vsixSize / (2 * 1024 * 1024)) * 100).toFixed(0)}% of it) |`,
    `| \`sourcebook-cli\` npm tarball | ${kb(pack.size)} | ${kb(pack.unpackedSize)} | ${pack.entryCount} | — |`,
    '',
    'What each part of the `.vsix` costs:',
    '',
    ...partsTable(vsixEntries),
    '',
    'What each part of the CLI package costs (npm reports sizes unpacked):',
    '',
    '| Part | Files | Size |',
    '| --- | --- | --- |',
    ...partsTable(pack.files.map((f) => ({ name: f.path, size: f.size, compressed: f.size })))
      .slice(2)
      .map((row) => row.replace(/ \| [^|]+ \|$/, ' |')),
    '',
    'The extension bundle, by library (the CLI bundle carries the same libraries):',
    '',
    ...libraryTable(meta, 'extension.js'),
    '',
    'The citation stack, by library: the extension and the CLI load it from its own file the first time a',
    'citation is formatted or a BibTeX library is read, so neither pays for it at start:',
    '',
    ...libraryTable(meta, 'citationStack.js'),
    '',
    `Total packed: ${mb(vsixSize)} (.vsix), ${mb(pack.size)} (CLI). citation-js could fetch a URL through`,
    '`node-fetch`, which Sourcebook never asks it to do: the build replaces it with a stand-in that fails if',
    'called (`scripts/build.mjs`), so `node-fetch`, `tr46` and `whatwg-url` are not in the packages.',
    END,
  ].join('\n');

  const file = path.join(ROOT, 'docs/benchmarks.md');
  writeFileSync(file, withSizesSection(readFileSync(file, 'utf8'), section));
  console.log(section);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
