import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { redactedUrl, openPool } from '../../node/archive/connection';
import { ingestFolders } from '../../node/archive/ingest';
import type { CliCommand } from '../context';

export const archiveCommand: CliCommand = {
  name: 'archive',
  usage: 'archive ingest <folders…> --db URL',
  summary: 'load corpus folders into the team archive (changed articles updated, none removed)',
  standalone: true,
  async run({ options, out }) {
    const [verb, ...dirs] = options.positionals;
    if (verb !== 'ingest') throw new Error('archive has one verb: sourcebook archive ingest <folders…> --db URL');
    if (options.db === undefined) throw new Error('archive ingest needs --db postgres://user@host/database');
    if (dirs.length === 0) throw new Error('archive ingest needs at least one corpus folder');
    const roots = dirs.map((dir) => {
      const root = resolve(dir);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`corpus folder not found: ${dir}`);
      return root;
    });
    const pool = openPool({ url: options.db });
    try {
      const problems: string[] = [];
      const report = await ingestFolders(pool, roots, {
        onProblem: (problem) => {
          if (problem.outcome === 'skipped') problems.push(`skipped ${problem.path}: ${problem.reason}`);
        },
        onProgress: (done) => {
          if (!options.json && process.stderr.isTTY) process.stderr.write(`\r${done} files…`);
        },
      });
      if (!options.json && process.stderr.isTTY) process.stderr.write('\r');
      if (options.json) {
        out(JSON.stringify({ archive: redactedUrl(options.db), ...report, rate: Math.round(report.rate) }, null, 2));
      } else {
        for (const line of problems) out(line);
        out(
          `${redactedUrl(options.db)}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ` +
            `${report.clashes.length} id clashes, ${report.skipped} files skipped — ` +
            `${report.seconds.toFixed(1)} s, ${Math.round(report.rate)} articles/s`,
        );
      }
      return report.clashes.length > 0 ? 1 : 0;
    } finally {
      await pool.end();
    }
  },
};
