// How long the event loop is held at a time while the editor's work on a
// load runs on its thread: the corpus load (parsed in worker threads when the
// parse worker is at SOURCEBOOK_PARSE_WORKER, as the editor does; else in
// slices here), the entity index (discovery in those workers, the index made
// from it here), then the search index warming (tokenized in those workers,
// added in slices).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { discoveryInput, entityIndexFor, provideDiscovery } from '../../src/core/entities';
import { searchIndexFor } from '../../src/core/search';
import { IndexedCorpus } from '../../src/node/corpusLoader';
import { parseWorkerScript, WorkerParser } from '../../src/node/workers/parsePool';

/** The longest stretch, in ms, that `work` kept the event loop from turning. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  // The histogram records a block when its timer fires after it: let it fire before reading.
  await new Promise((resolve) => setTimeout(resolve, 10));
  histogram.disable();
  return histogram.max / 1e6;
}

export async function blocks(root: string): Promise<Record<string, unknown>> {
  let corpus: Awaited<ReturnType<typeof IndexedCorpus.load>>['indexed']['corpus'] | undefined;
  const started = performance.now();
  const script = parseWorkerScript();
  const parser = script ? new WorkerParser({ script }) : undefined;
  const loadMs = await longestBlock(async () => {
    corpus = (await IndexedCorpus.load({ folders: [{ root }], ...(parser ? { parser } : {}) })).indexed.corpus;
  });
  const loaded = performance.now();
  // The entity index first, as the editor makes it after a load (the search index's warm-up would otherwise build
  // it at its end, inside its own figure): the sentences gathered in slices, discovery in a worker, the index made
  // from it here. Without workers it is built in one go, as the CLI does. Then the search index, which takes it over.
  const entitiesMs = await longestBlock(async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const discover = parser?.discover.bind(parser);
    if (discover)
      await provideDiscovery(
        corpus!,
        discoveryInput(corpus!).then((input) => input && discover({ sentences: input.articles, known: input.known })),
      );
    entityIndexFor(corpus!);
  });
  const entitiesBuilt = performance.now();
  const searchMs = await longestBlock(() => searchIndexFor(corpus!).warm(undefined, parser?.analyse));
  await parser?.close();
  const warmed = performance.now();
  return {
    longestLoadBlockMs: loadMs,
    longestSearchBlockMs: searchMs,
    entityIndexBlockMs: entitiesMs,
    loadMs: loaded - started,
    entityIndexMs: entitiesBuilt - loaded,
    searchWarmMs: warmed - entitiesBuilt,
    articles: corpus!.size,
    workers: parser !== undefined,
  };
}
