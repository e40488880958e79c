// Prints the most-mentioned entities that discovery finds in a corpus with no
// catalog, as the Markdown table of docs/entity-discovery.md (the verdict
// column is left for a person to fill in).
//
//   npm run build && node scripts/entity-discovery-report.mjs [CORPUS_DIR] [--limit N]
//
// Default corpus: ../shared/corpora/bbc, read with --no-bundled so only
// discovery speaks.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values, positionals } = parseArgs({
  options: { limit: { type: 'string', default: '30' } },
  allowPositionals: true,
});
const corpus = positionals[0] ?? path.join(root, '..', 'shared', 'corpora', 'bbc');

const started = performance.now();
const json = execFileSync(
  process.execPath,
  [
    path.join(root, 'dist', 'cli.js'),
    'entities',
    '--no-bundled',
    '--corpus',
    corpus,
    '--limit',
    values.limit,
    '--json',
  ],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const entities = JSON.parse(json);

const cell = (text) => String(text).replace(/\|/g, '\\|');
console.log(`Corpus: \`${path.relative(root, corpus)}\`, no catalog (${seconds} s with loading).\n`);
console.log('| # | Entity | Aliases | Kind guess | Mentions | Articles | Verdict |');
console.log('|--:|---|---|---|--:|--:|---|');
entities.forEach((e, i) => {
  console.log(
    `| ${i + 1} | ${cell(e.entity)} | ${cell(e.aliases.join(', '))} | ${e.kind} | ${e.mentions} | ${e.articles} |  |`,
  );
});
