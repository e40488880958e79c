// Packages the extension as dist/sourcebook.vsix, the way it ships: a
// staging folder with the minified bundle (the development build in dist/
// is left alone) and copies of what .vscodeignore may let in, then
// `vsce package`, whose allow-list (.vscodeignore) keeps what ships. Prints
// the .vsix path.
//
//   node scripts/package/vsix.mjs
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, stage } from './stage.mjs';

const vsix = path.join(DIST, 'sourcebook.vsix');
const dir = stage('vsix', ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'media', 'corpus']);
try {
  const vsce = path.join(ROOT, 'node_modules/.bin/vsce');
  const flags = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
  execFileSync(vsce, ['package', ...flags, '--out', vsix], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(vsix);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
