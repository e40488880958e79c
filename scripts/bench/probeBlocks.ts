// How long the event loop is held at a time while the editor's work on a
// load runs on its thread: the corpus load (in slices), the search index
// warming (in slices), then the entity index (built in one go when a
// Markdown editor first asks for it).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { entityIndexFor } from '../../src/core/entities';
import { searchIndexFor } from '../../src/core/search';
import { IndexedCorpus } from '../../src/node/corpusLoader';

/** The longest stretch, in ms, that `work` kept the event loop from turning. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  histogram.disable();
  return histogram.max / 1e6;
}

export async function blocks(root: string): Promise<Record<string, unknown>> {
  let corpus: Awaited<ReturnType<typeof IndexedCorpus.load>>['indexed']['corpus'] | undefined;
  const started = performance.now();
  const loadMs = await longestBlock(async () => {
    corpus = (await IndexedCorpus.load({ folders: [{ root }] })).indexed.corpus;
  });
  const loaded = performance.now();
  const searchMs = await longestBlock(() => searchIndexFor(corpus!).warm());
  const warmed = performance.now();
  const entitiesMs = await longestBlock(async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    entityIndexFor(corpus!);
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
  return {
    longestLoadBlockMs: loadMs,
    longestSearchBlockMs: searchMs,
    entityIndexBlockMs: entitiesMs,
    loadMs: loaded - started,
    searchWarmMs: warmed - loaded,
    articles: corpus!.size,
  };
}
