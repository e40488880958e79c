// The pathological files of issue 10, each alone in a corpus folder, each
// loaded by the CLI as a whole process (`index`, no cache): wall-clock time
// and the process's peak memory (resident set, workers included).
//
//   node scripts/bench/hostile.mjs [--write]   (also run by scripts/bench/run.mjs)
//
// With --write, replaces the section between the hostile-input markers of
// docs/benchmarks.md, so the table can be refreshed without the whole bench.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIMIT_MS = 5000;
const LIMIT_MB = 500;

/** Each case: a name, and the files of its corpus folder. */
export const HOSTILE_CASES = [
  ['`**a*` × 60,000 (240 KB)', { 'stars.md': `# Stars\n\n${'**a*'.repeat(60_000)}\n` }],
  ['`[` × 100,000', { 'brackets.md': `# Brackets\n\n${'['.repeat(100_000)}\n` }],
  [
    '80,000 link references',
    {
      'refs.md': `# Refs\n\n${Array.from({ length: 80_000 }, (_, i) => `[r${i}]: /${i}`).join('\n')}\n`,
    },
  ],
  [
    '1 MB table',
    {
      'table.md': `# Table\n\n| a | b | c |\n|---|---|---|\n${'| x | y | z |\n'.repeat(Math.floor(1_000_000 / 14))}`,
    },
  ],
  [
    '50,000 footnotes',
    {
      'notes.md': `# Notes\n\n${Array.from({ length: 50_000 }, (_, i) => `C[^${i}]`).join(' ')}\n\n${Array.from({ length: 50_000 }, (_, i) => `[^${i}]: S`).join('\n')}\n`,
    },
  ],
  ['100,000 headings', { 'heads.md': '# Heading\n\nText.\n\n'.repeat(100_000) }],
  ['`>` × 3,000 (3 KB)', { 'q.md': `# N\n\n${'>'.repeat(3000)} x\n` }],
  ['`- ` × 10,000', { 'list.md': `# Deep\n\n${'- '.repeat(10_000)}x\n` }],
  [
    '100 KB alias in entities.yaml',
    {
      'a.md': '# A\n\nNorthwind rose.\n',
      'entities.yaml': `- name: Northwind\n  aliases: ["${'N'.repeat(100_000)}"]\n`,
    },
  ],
  [
    '100,000-entity entities.yaml',
    {
      'a.md': '# A\n\nNorthwind rose.\n',
      'entities.yaml': Array.from({ length: 100_000 }, (_, i) => `- name: Entity${i}\n  kind: org\n`).join(''),
    },
  ],
];

/** Runs each case through `node <cli> <command>`; peak memory from the process itself, at exit. */
export function hostileFigures(cli, log = () => {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-hostile-'));
  const peak = path.join(dir, 'peak.cjs');
  writeFileSync(
    peak,
    "process.on('exit', () => require('node:fs').writeSync(2, `\\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const rows = [];
  try {
    HOSTILE_CASES.forEach(([name, files], i) => {
      const corpus = path.join(dir, `case-${i}`);
      mkdirSync(corpus);
      for (const [file, text] of Object.entries(files)) writeFileSync(path.join(corpus, file), text);
      for (const command of name.includes('entities.yaml') ? ['index', 'entities'] : ['index']) {
        const started = performance.now();
        const run = spawnSync(
          process.execPath,
          ['--require', peak, cli, command, '--no-bundled', '--no-cache', '--corpus', corpus],
          {
            encoding: 'utf8',
            timeout: 120_000,
          },
        );
        const ms = performance.now() - started;
        const kb = Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
        const said = `${run.stdout}\n${run.stderr}`
          .split('\n')
          .find((line) => /best-effort|skipped|entity catalog/.test(line));
        rows.push({
          name,
          command,
          ms,
          peakMB: kb / 1024,
          status: run.status,
          said: said?.replace(corpus + path.sep, '') ?? '',
        });
        log(`  ${name}: ${Math.round(ms)} ms, ${Math.round(kb / 1024)} MB, exit ${run.status}`);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The table for docs/benchmarks.md. */
export function renderHostile(rows) {
  const lines = [
    '<!-- hostile-input: begin -->',
    '## Hostile input: pathological files, one per corpus folder',
    '',
    `Each file alone in a corpus folder, loaded by \`node dist/cli.js index --no-bundled --no-cache\` (the catalog cases by \`entities\`) as a whole process: wall-clock from spawn to exit, and the process's peak resident memory (parse workers included). Target: ≤ ${LIMIT_MS / 1000} s and ≤ ${LIMIT_MB} MB each. A Markdown file whose parse goes over its budget in the worker (2 s, 256 MB) is read as plain text; nesting deeper than 100 is read as plain text without trying.`,
    '',
    '| Case | Time | Peak memory | Result | What Sourcebook says |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} (\`${r.command}\`) | ${(r.ms / 1000).toFixed(2)} s | ${Math.round(r.peakMB)} MB | ${r.status === 0 && r.ms <= LIMIT_MS && r.peakMB <= LIMIT_MB ? 'met' : `**missed** (exit ${r.status})`} | ${r.said.replace(/\|/g, '\\|').slice(0, 160) || '—'} |`,
    ),
    '<!-- hostile-input: end -->',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = hostileFigures(path.join(ROOT, 'dist/cli.js'), (line) => process.stderr.write(`${line}\n`));
  const table = renderHostile(rows);
  process.stdout.write(`${table}\n`);
  if (process.argv.includes('--write')) {
    const doc = path.join(ROOT, 'docs/benchmarks.md');
    const text = readFileSync(doc, 'utf8');
    const marked = /<!-- hostile-input: begin -->[\s\S]*<!-- hostile-input: end -->/;
    writeFileSync(doc, marked.test(text) ? text.replace(marked, table) : `${text.trimEnd()}\n\n${table}\n`);
  }
}
