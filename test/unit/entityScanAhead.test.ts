import { describe, expect, it } from 'vitest';
import { entityIndexFor } from '../../src/core/entities';
import { fixtureCorpus } from './quotes/fixtures';

function corpusWithCatalog() {
  const corpus = fixtureCorpus();
  corpus.setCatalog(
    '/corpus/entities.yaml',
    '- name: Huawei Technologies\n  kind: company\n  aliases: [Huawei]\n- name: Qwen\n  kind: product\n',
  );
  return corpus;
}

describe('scanning for mentions ahead of the first card', () => {
  it('scans every article in slices, so the first card scans none and finds the same', async () => {
    const ahead = entityIndexFor(corpusWithCatalog());
    await ahead.scanInSlices();
    expect(ahead.scanStats).toEqual({ restored: 0, scanned: 2 });
    expect(ahead.mentionsReady).toBe(false);
    const qwen = ahead.resolve('Qwen')!;
    const card = ahead.evidence(qwen.id);
    // The card assembled what was scanned: nothing more was scanned, nothing counted as restored.
    expect(ahead.scanStats).toEqual({ restored: 0, scanned: 2 });

    const direct = entityIndexFor(corpusWithCatalog());
    expect(card).toEqual(direct.evidence(direct.resolve('Qwen')!.id));
    expect(direct.scanStats).toEqual({ restored: 0, scanned: 2 });
  });

  it('stops when its signal aborts, and leaves the rest to the first card', async () => {
    const index = entityIndexFor(corpusWithCatalog());
    const stop = new AbortController();
    stop.abort();
    await index.scanInSlices(stop.signal);
    expect(index.scanStats).toEqual({ restored: 0, scanned: 0 });
    expect(index.articlesMentioning(index.resolve('Huawei')!.id).map((m) => m.articleId)).toEqual(['cloud-wars']);
    expect(index.scanStats).toEqual({ restored: 0, scanned: 2 });
  });
});
