// Packs the `sourcebook-cli` npm package (dist/sourcebook-cli-<version>.tgz):
// the manifest in packages/cli/package.json with the root version, the
// minified CLI bundle (its libraries inside, so it has no dependencies), the
// bundled corpus, the CSL styles, README, LICENSE and CHANGELOG. The staging
// folder holds more than that (the extension bundle, media/); the manifest's
// `files` allow-list keeps what ships. Prints the tarball's path, and writes
// what `npm pack --json` reported (files, sizes) beside it.
//
//   node scripts/package/cli.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, rootManifest, stage } from './stage.mjs';

const dir = stage('cli', ['corpus', 'media', 'LICENSE', 'CHANGELOG.md']);
try {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8'));
  manifest.version = rootManifest().version;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  copyFileSync(path.join(ROOT, 'packages/cli/README.md'), path.join(dir, 'README.md'));

  const [report] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', DIST], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const tarball = path.join(DIST, report.filename);
  const stable = path.join(DIST, 'sourcebook-cli.tgz');
  renameSync(tarball, stable);
  writeFileSync(path.join(DIST, 'sourcebook-cli.pack.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(stable);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
