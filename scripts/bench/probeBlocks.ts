// How long the event loop is held at a time while the editor's work on a
// load runs on its thread: the corpus load (parsed in worker threads when the
// parse worker is at SOURCEBOOK_PARSE_WORKER, as the editor does; else in
// slices here), the search index warming (tokenized in those workers, added
// in slices), then the entity index (built in one go when a Markdown editor
// first asks for it).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { entityIndexFor } from '../../src/core/entities';
import { searchIndexFor } from '../../src/core/search';
import { IndexedCorpus } from '../../src/node/corpusLoader';
import { parseWorkerScript, WorkerParser } from '../../src/node/workers/parsePool';

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
  const script = parseWorkerScript();
  const parser = script ? new WorkerParser({ script }) : undefined;
  const loadMs = await longestBlock(async () => {
    corpus = (await IndexedCorpus.load({ folders: [{ root }], ...(parser ? { parser } : {}) })).indexed.corpus;
  });
  const loaded = performance.now();
  const searchMs = await longestBlock(() => searchIndexFor(corpus!).warm(undefined, parser?.analyse));
  await parser?.close();
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
    workers: parser !== undefined,
  };
}
