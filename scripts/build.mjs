// Bundles the extension, the CLI and the integration tests with esbuild.
// `--production` minifies; `--watch` rebuilds on change.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { globSync } from 'glob';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Names this build's code for the persisted indexes (see src/node/buildId.ts):
 * the version and a hash of the sources, the same for the CLI and the
 * extension built from one tree, different after any change to the code.
 */
function buildId() {
  const hash = createHash('sha1');
  for (const file of globSync('src/**/*.ts').sort()) hash.update(file).update(readFileSync(file));
  return `${version}+${hash.digest('hex').slice(0, 12)}`;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // CSL citation styles (media/csl) are bundled as text for citation-js.
  loader: { '.csl': 'text' },
  // `sourcebook --version` prints the version of the package it was built from.
  // The build id names the code that writes persisted indexes.
  define: { SOURCEBOOK_VERSION: JSON.stringify(version), SOURCEBOOK_BUILD: JSON.stringify(buildId()) },
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];
if (!production) {
  builds.push({
    ...common,
    entryPoints: globSync('test/integration/**/*.ts'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
