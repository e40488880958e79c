import type { CliCommand } from '../context';

export const indexCommand: CliCommand = {
  name: 'index',
  usage: 'index',
  summary: 'load the corpus and report what it holds and what was skipped',
  run({ corpus, problems, options, out }) {
    const stats = corpus().stats();
    const skipped = problems().filter((p) => p.outcome === 'skipped');
    const recovered = problems().filter((p) => p.outcome === 'recovered');
    if (options.json) {
      out(
        JSON.stringify(
          {
            ...stats,
            skipped: skipped.map(({ path, reason }) => ({ path, reason })),
            recovered: recovered.map(({ path, reason }) => ({ path, reason })),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    out(`${stats.articles} articles, ${stats.sections} sections, ${stats.passages} passages`);
    for (const p of skipped) out(`skipped ${p.path}: ${p.reason}`);
    for (const p of recovered) out(`read best-effort ${p.path}: ${p.reason}`);
    return 0;
  },
};
