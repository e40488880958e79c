// `npm run accuracy`: scores sentence splitting on the English golden rules
// and entity discovery on the annotated BBC sample, beside compromise, and
// writes the figures to docs/accuracy.md (`--no-write` only prints them,
// `--json` prints the raw figures, as `npm run bench` reads them).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { renderAccuracy } from './report.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'out/accuracy/main.js');
const { values: opts } = parseArgs({
  options: { 'no-write': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});

await esbuild.build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  entryPoints: [path.join(ROOT, 'scripts/accuracy/main.ts')],
  outfile: MAIN,
});
const BBC = process.env.SOURCEBOOK_BBC ?? path.resolve(ROOT, '../shared/corpora/bbc');
const run = spawnSync(process.execPath, [MAIN, BBC], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  env: process.env,
});
if (run.status !== 0) throw new Error(`accuracy run failed:\n${run.stderr}`);
const results = JSON.parse(run.stdout);
const markdown = renderAccuracy(results);
process.stdout.write(opts.json ? `${JSON.stringify(results)}\n` : markdown);
if (!opts['no-write']) writeFileSync(path.join(ROOT, 'docs/accuracy.md'), markdown);
