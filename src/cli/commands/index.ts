import type { CliCommand } from '../context';

export const indexCommand: CliCommand = {
  name: 'index',
  usage: 'index',
  summary: 'load the corpus and report what it holds and what was skipped',
  async run({ corpus, problems, options, out, archive }) {
    const local = corpus().stats();
    // The archive's counts come from its tables: nothing of it is read but the sums.
    const source = archive?.();
    const archived = await source?.stats();
    const stats = archived
      ? {
          articles: local.articles + archived.articles,
          sections: local.sections + archived.sections,
          passages: local.passages + archived.passages,
        }
      : local;
    const skipped = problems().filter((p) => p.outcome === 'skipped');
    const recovered = problems().filter((p) => p.outcome === 'recovered');
    if (options.json) {
      out(
        JSON.stringify(
          {
            ...stats,
            ...(archived && source ? { archive: { source: source.label, ...archived } } : {}),
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
    if (archived && source)
      out(`  of which in the ${source.label}: ${archived.articles} articles, ${archived.passages} passages`);
    for (const p of skipped) out(`skipped ${p.path}: ${p.reason}`);
    for (const p of recovered) out(`read best-effort ${p.path}: ${p.reason}`);
    return 0;
  },
};
