// Vitest global setup: the parse worker runs bundled JavaScript, as in the
// extension and the CLI, so it is bundled once here for the unit tests, and
// SOURCEBOOK_PARSE_WORKER tells `parseWorkerScript` where it is.
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export default async function setup(): Promise<void> {
  const outfile = join(__dirname, '..', '..', 'node_modules', '.cache', 'sourcebook-test', 'parseWorker.js');
  await esbuild.build({
    entryPoints: [join(__dirname, '..', '..', 'src', 'node', 'workers', 'parseWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    loader: { '.csl': 'text' },
    define: { SOURCEBOOK_VERSION: '"test"' },
  });
  process.env.SOURCEBOOK_PARSE_WORKER = outfile;
}
