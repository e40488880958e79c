// Runs the UI tests (test/ui/**/*.ui.mjs) one file at a time, each file in a
// fresh workbench (code-server + headless Chromium, see test/ui/workbench.mjs).
//
//   node scripts/host/run-ui.mjs [FILTER...] [--verbose]
//
// FILTER keeps only files whose path contains it. A UI test file exports
//   export const options = { open: 'alibaba-thesis.md' };   // optional, for startWorkbench
//   export const tests = { 'name': async (wb) => { ... } };  // or: export default async (wb) => { ... }
// where `wb` is the harness returned by startWorkbench. A failing test leaves
// test-results/screenshots/FAILED-<file>-<test>.png behind.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { HostError, ROOT, codeServerEntry, requireChromium } from './code-server.mjs';
import { startWorkbench } from '../../test/ui/workbench.mjs';

const { values: opts, positionals: filters } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.SOURCEBOOK_UI_TEST_TIMEOUT ?? '180' },
  },
  allowPositionals: true,
});
const testTimeoutMs = Number(opts.timeout) * 1000;

const uiDir = path.join(ROOT, 'test/ui');
const files = readdirSync(uiDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ui.mjs'))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

let passed = 0;
let failed = 0;
const started = Date.now();

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function report(error) {
  const text = error instanceof HostError ? error.message : (error?.stack ?? String(error));
  console.log(text.replace(/^/gm, '      '));
}

try {
  // A missing host is a failure of the run, never an empty pass.
  codeServerEntry();
  requireChromium();
  if (files.length === 0)
    throw new HostError(`no *.ui.mjs files in test/ui${filters.length ? ` match ${filters.join(' ')}` : ''}`);
} catch (error) {
  console.error(`ui: FAILED: ${error.message}`);
  console.log('ui: 0 passed, 1 failed');
  process.exit(1);
}

for (const file of files) {
  console.log(`${file}`);
  let mod;
  try {
    // A file may prepare at load (installed.ui.mjs packages the .vsix); a failure there fails the file.
    mod = await import(pathToFileURL(path.join(uiDir, file)).href);
  } catch (error) {
    console.log('  ✗ failed to load');
    report(error);
    failed++;
    continue;
  }
  const fileName = file.replace(/\.ui\.mjs$/, '');
  const tests = Object.entries(mod.tests ?? (mod.default ? { [fileName]: mod.default } : {}));
  if (tests.length === 0) {
    console.log(`  ✗ exports no tests (export \`tests\` or a default function)`);
    failed++;
    continue;
  }

  let wb;
  try {
    wb = await withTimeout(startWorkbench({ ...mod.options, verbose: opts.verbose }), testTimeoutMs, 'workbench start');
  } catch (error) {
    console.log(`  ✗ workbench did not start; ${tests.length} test(s) not run`);
    report(error);
    failed += tests.length;
    continue;
  }
  for (const [name, fn] of tests) {
    const t0 = Date.now();
    try {
      await withTimeout(
        Promise.resolve().then(() => fn(wb)),
        testTimeoutMs,
        `test "${name}"`,
      );
      passed++;
      console.log(`  ✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      console.log(`  ✗ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      report(error);
      const shot = await wb.screenshot(`FAILED-${fileName}-${name}`).catch(() => undefined);
      if (shot) console.log(`      screenshot: ${path.relative(ROOT, shot)}`);
    }
  }
  // The extension host must not warn about Sourcebook (its manifest, selectors, settings) while it is used.
  const warnings = sourcebookWarnings(wb.extensionHostLog());
  if (warnings.length === 0) passed++;
  else {
    failed++;
    console.log(`  ✗ the extension host logged ${warnings.length} warning(s) about Sourcebook`);
    for (const line of warnings.slice(0, 5)) console.log(`      ${line}`);
  }
  await wb.close();
}

/** Lines of the extension host's log that warn about, or report an error of, the Sourcebook extension. */
function sourcebookWarnings(log) {
  return log.split('\n').filter((line) => /\[(warning|error)\]/.test(line) && /sourcebook/i.test(line));
}

console.log(`ui: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed > 0 ? 1 : 0);
