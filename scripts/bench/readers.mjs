// The cost of the HTML and PDF readers: time per web page and per PDF page,
// through the reader worker as the extension runs it, and the size of each
// bundle as shipped (a production build in a temporary folder). Writes its
// section of docs/benchmarks.md (between the `readers` markers) unless
// --no-write. `npm run bench` runs it after its own figures.
//
//   node scripts/bench/readers.mjs [--reps N] [--no-write]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { values: opts } = parseArgs({
  options: { reps: { type: 'string', default: '20' }, 'no-write': { type: 'boolean', default: false } },
});
const reps = Number(opts.reps);
const tmp = mkdtempSync(path.join(tmpdir(), 'sourcebook-bench-readers-'));
const log = (line) => process.stderr.write(`bench readers: ${line}\n`);

try {
  log('production build');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts/build.mjs'), '--production', '--out', path.join(tmp, 'dist')],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const size = (name) => statSync(path.join(tmp, 'dist', name)).size;
  const sizes = { extension: size('extension.js'), cli: size('cli.js'), worker: size('readerWorker.mjs') };

  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test/support/pdfFixtures.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: path.join(tmp, 'pdfFixtures.mjs'),
    logLevel: 'warning',
  });
  const { twoColumnPdf, windReportPdf } = await import(path.join(tmp, 'pdfFixtures.mjs'));

  const worker = new Worker(path.join(tmp, 'dist', 'readerWorker.mjs'));
  let next = 0;
  const extract = (file, bytes) =>
    new Promise((resolve) => {
      const id = next++;
      const listener = (message) => {
        if (message.id !== id) return;
        worker.off('message', listener);
        resolve(message.result);
      };
      worker.on('message', listener);
      worker.postMessage({ id, path: file, bytes: new Uint8Array(bytes) });
    });
  const time = async (file, bytes) => {
    const start = performance.now();
    const result = await extract(file, bytes);
    if (!result.ok) throw new Error(`${file}: ${result.reason}`);
    return { ms: performance.now() - start, pages: result.document.pages?.length ?? 1 };
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  const pages = ['news-jsonld.html', 'blog-wordpress.html', 'legacy-table.html'].map((name) => ({
    name,
    bytes: readFileSync(path.join(ROOT, 'test/fixtures/html', name)),
  }));
  const coldHtml = await time(pages[0].name, pages[0].bytes);
  const html = [];
  for (let i = 0; i < reps; i++) for (const page of pages) html.push((await time(page.name, page.bytes)).ms);

  const pdfs = [
    { name: 'written (4 pages)', bytes: windReportPdf() },
    // Read column by column: the reader's search for a gutter runs on every page.
    { name: 'written in two columns (2 pages)', bytes: twoColumnPdf() },
  ];
  if (existsSync('/usr/bin/chromium')) {
    // A page printed by Chromium, as an analyst saves one: embedded fonts, a browser's own header and footer.
    const out = path.join(tmp, 'printed.pdf');
    execFileSync(
      '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        `--print-to-pdf=${out}`,
        path.join(ROOT, 'test/fixtures/html/news-jsonld.html'),
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    if (existsSync(out)) pdfs.push({ name: 'printed by Chromium', bytes: readFileSync(out) });
  }
  const coldPdf = await time('a.pdf', pdfs[0].bytes);
  const pdfRows = [];
  for (const pdf of pdfs) {
    const runs = [];
    let count = 1;
    for (let i = 0; i < reps; i++) {
      const { ms, pages: n } = await time('a.pdf', pdf.bytes);
      runs.push(ms);
      count = n;
    }
    pdfRows.push({ name: pdf.name, pages: count, perPage: median(runs) / count, bytes: pdf.bytes.length });
  }
  await worker.terminate();

  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const lines = [
    '<!-- readers -->',
    '## Web pages and PDFs',
    '',
    `Measured by \`scripts/bench/readers.mjs\` (${reps} repetitions, medians), through the reader worker as the extension runs it.`,
    '',
    '| What | Cost |',
    '|---|---|',
    `| HTML page (Readability on linkedom; fixtures of 2–4 KB) | ${median(html).toFixed(1)} ms per page (first page, with the worker's start: ${coldHtml.ms.toFixed(0)} ms) |`,
    ...pdfRows.map((row) => `| PDF page, ${row.name}, ${kb(row.bytes)} | ${row.perPage.toFixed(1)} ms per page |`),
    `| First PDF of a session (loads pdf.js in the worker) | ${coldPdf.ms.toFixed(0)} ms |`,
    '',
    'Bundle sizes, production build:',
    '',
    '| Bundle | Size | Holds |',
    '|---|---|---|',
    `| \`dist/extension.js\` | ${kb(sizes.extension)} | the extension; no HTML or PDF reader |`,
    `| \`dist/cli.js\` | ${kb(sizes.cli)} | the CLI; no HTML or PDF reader |`,
    `| \`dist/readerWorker.mjs\` | ${kb(sizes.worker)} | linkedom, Readability, pdf.js and its worker: loaded only when a folder has a web page or PDF |`,
    '<!-- /readers -->',
  ];
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (!opts['no-write']) {
    const file = path.join(ROOT, 'docs/benchmarks.md');
    const doc = readFileSync(file, 'utf8');
    const marked = /<!-- readers -->[\s\S]*<!-- \/readers -->/;
    writeFileSync(file, marked.test(doc) ? doc.replace(marked, section) : `${doc.trimEnd()}\n\n${section}\n`);
    log('docs/benchmarks.md updated');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
