import { describe, expect, it } from 'vitest';
import {
  discoveryInput,
  joinedSentences,
  entityIndexFor,
  existingEntityIndex,
  provideDiscovery,
  type Discovery,
  wholeEntityIndex,
} from '../../src/core/entities';
import { discoverEntities } from '../../src/core/entities/discovery';
import { foldString, normalizeName } from '../../src/core/entities/matcher';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { parseWorkerScript, WorkerParser } from '../../src/node/workers/parsePool';
import { fixtureCorpus } from './quotes/fixtures';

/** A corpus with a catalog entry and a name only discovery finds (Zhipu, said to be a company five times). */
function corpus() {
  const files: Record<string, string> = {};
  for (let i = 0; i < 4; i++)
    files[`zhipu-${i}`] =
      `---\nid: zhipu-${i}\ntitle: Zhipu ${i}\n---\n\nZhipu's shares rose again. Zhipu AI said so, and Huawei's chips helped.\n`;
  const c = fixtureCorpus(files);
  c.setCatalog('/corpus/entities.yaml', '- name: Huawei Technologies\n  kind: company\n  aliases: [Huawei]\n');
  return c;
}

const names = (c: ReturnType<typeof corpus>) =>
  entityIndexFor(c)
    .entities()
    .map((e) => e.name)
    .sort();

/** Discovery as the worker runs it, from what `discoveryInput` hands it. */
async function elsewhere(c: ReturnType<typeof corpus>): Promise<Discovery> {
  const input = (await discoveryInput(c))!;
  const known = new Map(input.known);
  return discoverEntities({
    articles: input.articles.map(joinedSentences),
    known: (name) => known.get(foldString(normalizeName(name))),
  });
}

describe('discovery made elsewhere', () => {
  it('answers with the catalog meanwhile, then with the whole index, the same as discovering here', async () => {
    const here = names(corpus());
    expect(here).toEqual(['Huawei Technologies', 'Zhipu AI']);

    const c = corpus();
    let finish: (discovery: Discovery) => void = () => undefined;
    const whole = provideDiscovery(c, new Promise<Discovery>((resolve) => (finish = resolve)));
    const meanwhile = entityIndexFor(c);
    expect(meanwhile.partial).toBe(true);
    expect(names(c)).toEqual(['Huawei Technologies']);
    expect(existingEntityIndex(c)).toBeUndefined();
    const waited = wholeEntityIndex(c);
    finish(await elsewhere(c));
    const index = await whole;
    // What waits for the whole index gets it, not the stand-in.
    expect(await waited).toBe(index);
    expect(index?.partial).toBe(false);
    expect(entityIndexFor(c)).toBe(index);
    expect(names(c)).toEqual(here);
  });

  it('discovers here when none came, and gives up when cancelled or the corpus changed', async () => {
    const failed = corpus();
    expect(await provideDiscovery(failed, Promise.resolve(undefined))).toBeDefined();
    expect(names(failed)).toEqual(names(corpus()));

    const cancelled = corpus();
    const stop = new AbortController();
    const pending = provideDiscovery(cancelled, elsewhere(cancelled), stop.signal);
    stop.abort();
    expect(await pending).toBeUndefined();
    expect(entityIndexFor(cancelled).partial).toBe(false); // built as usual once asked

    const changed = corpus();
    const before = entityIndexFor(changed);
    const late = provideDiscovery(changed, elsewhere(changed));
    // Meanwhile the previous version's index answers, not the catalog alone.
    expect(entityIndexFor(changed)).toBe(before);
    changed.setFile(
      { path: '/corpus/extra.md', relativePath: 'extra.md' },
      decodeCorpusFile(new TextEncoder().encode('---\nid: extra\ntitle: Extra\n---\n\nNothing here.\n')),
    );
    expect(await late).toBeUndefined();
  });

  it('runs in the parse worker and finds what discovering here finds', async () => {
    const script = parseWorkerScript();
    expect(script).toBeDefined();
    const parser = new WorkerParser({ script: script!, size: 1 });
    try {
      const c = corpus();
      const input = (await discoveryInput(c))!;
      const found = await parser.discover({ sentences: input.articles, known: input.known });
      expect(found).toEqual(await elsewhere(corpus()));
    } finally {
      await parser.close();
    }
  });
});
