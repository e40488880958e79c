// Bundles the extension, the CLI and the integration tests with esbuild.
// `--production` minifies (and leaves out the tests); `--watch` rebuilds on
// change; `--out DIR` writes the extension and CLI bundles to DIR instead of
// dist/ (the packaging scripts build into a staging folder that way);
// `--metafile FILE` writes what went into the bundles.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { globSync } from 'glob';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafileIndex = process.argv.indexOf('--metafile');
const metafile = metafileIndex > 0 ? path.resolve(process.argv[metafileIndex + 1]) : undefined;
const outIndex = process.argv.indexOf('--out');
const outdir = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : 'dist';
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
  // `sourcebook --version` prints the version of the package it was built from.
  // The build id names the code that writes persisted indexes.
  // SOURCEBOOK_BUNDLED: the bundles hold no HTML or PDF reader themselves (they run in readerWorker.mjs).
  define: {
    SOURCEBOOK_VERSION: JSON.stringify(version),
    SOURCEBOOK_BUILD: JSON.stringify(buildId()),
    SOURCEBOOK_BUNDLED: 'true',
  },
  // jsonc-parser's UMD build requires its parts at run time, which a bundle cannot resolve; its ESM build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/**
 * pdf.js, on Node, tries to load the native \`@napi-rs/canvas\` to render
 * pages. The reader only extracts text: the bundle must never load a native
 * module, so that require is cut out (and the build fails if pdf.js changes
 * so that the cut no longer applies).
 */
const pdfjsWithoutCanvas = {
  name: 'pdfjs-without-canvas',
  setup(build) {
    build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const needle = 'canvas = require("@napi-rs/canvas");';
      if (!source.includes(needle)) throw new Error(`pdf.js no longer loads @napi-rs/canvas as expected: ${args.path}`);
      return { contents: source.replaceAll(needle, 'canvas = undefined;'), loader: 'js' };
    });
  },
};

// The CSL citation styles (media/csl/*.csl) ship as files beside the bundle,
// in the .vsix and in the CLI package, and the bundle reads them when it
// loads: `import xml from '…/x.csl'` becomes a read of
// <bundle folder>/../media/csl/x.csl. So a package that lacks a style file
// fails at once, naming the file, rather than formatting citations in some
// other style (citation-js falls back to APA for an unknown template).
const cslFromPackage = {
  name: 'csl-from-package',
  setup(build) {
    build.onLoad({ filter: /\.csl$/ }, (args) => ({
      loader: 'js',
      contents: `
        const file = require('node:path').join(__dirname, '..', 'media', 'csl', ${JSON.stringify(path.basename(args.path))});
        try {
          module.exports = require('node:fs').readFileSync(file, 'utf8');
        } catch (error) {
          throw new Error('Sourcebook cannot read its citation style file ' + file + ' (' + (error.code || error.message) + '); the installation is incomplete, reinstall Sourcebook');
        }`,
    }));
  },
};

/**
 * citation-js, citeproc and their plugins are more than half of what the
 * extension and the CLI would load at start, and only formatting a citation
 * or reading a BibTeX library needs them. They are bundled on their own into
 * dist/citationStack.js, and in the extension and CLI bundles the module that
 * hands them out (src/core/citations/loadCitationStack.ts) requires that file
 * on its first call instead of importing it.
 */
const citationStackOnDemand = {
  name: 'citation-stack-on-demand',
  setup(build) {
    build.onLoad({ filter: /src[\\/]core[\\/]citations[\\/]loadCitationStack\.ts$/ }, (args) => ({
      loader: 'js',
      resolveDir: path.dirname(args.path),
      contents: `
        let stack;
        export function citationStack() {
          return (stack ??= require('./citationStack.js'));
        }`,
    }));
    build.onResolve({ filter: /^\.\/citationStack\.js$/ }, () => ({ path: './citationStack.js', external: true }));
  },
};

/**
 * citation-js can fetch a URL given as input (through sync-fetch and
 * fetch-ponyfill, which bring node-fetch, tr46 and whatwg-url). Sourcebook
 * never hands it one, and nothing is downloaded at run time: both are
 * replaced by a stand-in that fails if it is ever called.
 */
const noDownloads = {
  name: 'no-downloads',
  setup(build) {
    build.onResolve({ filter: /^(sync-fetch|fetch-ponyfill)$/ }, (args) => ({
      path: args.path,
      namespace: 'no-downloads',
    }));
    build.onLoad({ filter: /.*/, namespace: 'no-downloads' }, () => ({
      loader: 'js',
      contents: `
        function refuse() { throw new Error('Sourcebook does not download anything'); }
        refuse.Headers = class Headers {};
        module.exports = () => ({ fetch: refuse, Headers: refuse.Headers });
        module.exports.Headers = refuse.Headers;`,
    }));
  },
};

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir,
    plugins: [cslFromPackage, citationStackOnDemand],
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir,
    plugins: [cslFromPackage, citationStackOnDemand],
    banner: { js: '#!/usr/bin/env node' },
  },
  // citation-js and citeproc, which the extension and the CLI load from beside themselves when first needed.
  {
    ...common,
    entryPoints: { citationStack: 'src/core/citations/citationStack.ts' },
    outdir,
    plugins: [noDownloads],
  },
  // The parse worker, its own entry: the extension and the CLI start it from beside themselves (dist/parseWorker.js).
  { ...common, entryPoints: { parseWorker: 'src/node/workers/parseWorker.ts' }, outdir, plugins: [cslFromPackage] },
  {
    // The HTML and PDF readers (linkedom, Readability, pdf.js) run in a worker thread of their own,
    // started only when a corpus folder has a web page or PDF: the extension bundle holds none of them.
    ...common,
    entryPoints: { readerWorker: 'src/node/readers/worker.ts' },
    outdir,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // linkedom falls back to its own canvas stand-in when the native `canvas` package is absent: it always is.
    alias: { canvas: './node_modules/linkedom/commonjs/canvas-shim.cjs' },
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [pdfjsWithoutCanvas],
  },
];
if (!production) {
  builds.push({
    ...common,
    entryPoints: globSync('test/integration/**/*.ts'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
    // The tests' own copy of the core reads the styles as text, from the repository.
    loader: { '.csl': 'text' },
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: !!metafile })));
  // `--metafile FILE`: what went into each bundle, for the package size report (scripts/package/sizes.mjs).
  if (metafile) {
    const merged = { inputs: {}, outputs: {} };
    for (const { metafile: part } of results) {
      Object.assign(merged.inputs, part.inputs);
      Object.assign(merged.outputs, part.outputs);
    }
    writeFileSync(metafile, JSON.stringify(merged));
  }
}
