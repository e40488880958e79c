import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { decodeEntityIndex, encodeEntityIndex } from '../../src/core/cache/entityIndexFile';
import { corpusFingerprint, EntityIndex, entityIndexFor, type EntitySnapshot } from '../../src/core/entities';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { loadCorpus } from '../../src/node/corpusFiles';
import { entitySnapshotOf } from '../../src/node/entityStore';

const BUNDLED = join(__dirname, '../../corpus');
const identity = { corpus: 'bundled', producer: 'test' };
const load = () => loadCorpus({ folders: [{ root: BUNDLED, bundled: true }] });

/** Every entity's card evidence, as plain data. */
function cards(index: EntityIndex) {
  return index.entities().map((entity) => JSON.parse(JSON.stringify(index.evidence(entity.id))) as unknown);
}

function roundTrip(snapshot: EntitySnapshot): EntitySnapshot {
  const decoded = decodeEntityIndex(encodeEntityIndex(snapshot, identity), identity);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.snapshot;
}

describe('persisted entity index', () => {
  it('restores discovery and every mention scan: the same cards, with nothing discovered or scanned again', () => {
    const corpus = load();
    const built = new EntityIndex(corpus);
    const expected = cards(built);
    const snapshot = roundTrip(entitySnapshotOf(corpus, built));
    const again = load();
    expect(snapshot.fingerprint).toBe(corpusFingerprint(again));
    const restored = new EntityIndex(again, snapshot.discovery, snapshot);
    expect(restored.restored).toBe(true);
    expect(cards(restored)).toEqual(expected);
    expect(restored.scanStats).toEqual({ restored: again.articles().length, scanned: 0 });
  });

  it('scans again only the article that changed, when the corpus changes under an index', () => {
    const corpus = load();
    const first = entityIndexFor(corpus);
    const qwen = first.resolve('Qwen')!;
    const before = first.evidence(qwen.id)!.mentions;
    const article = corpus.articles()[0]!;
    const text = `${articleText(article).text}\n\nmore on qwen, and on qwen again.\n`;
    corpus.setFile(
      { path: article.path, relativePath: article.path.slice(BUNDLED.length + 1), bundled: true },
      decodeCorpusFile(new TextEncoder().encode(text)),
    );
    const second = entityIndexFor(corpus);
    expect(second).not.toBe(first);
    expect(second.evidence(qwen.id)!.mentions).toBe(before + 2);
    expect(second.scanStats).toEqual({ restored: corpus.articles().length - 1, scanned: 1 });
  });

  it('rejects a damaged or foreign file with the reason', () => {
    const corpus = load();
    const index = new EntityIndex(corpus);
    index.mentionScans();
    const bytes = encodeEntityIndex(entitySnapshotOf(corpus, index), identity);
    const reason = (b: Uint8Array, id = identity) => {
      const decoded = decodeEntityIndex(b, id);
      return decoded.ok ? 'ok' : decoded.reason;
    };
    expect(reason(bytes)).toBe('ok');
    expect(reason(bytes.subarray(0, bytes.length - 4))).toMatch(/truncated/);
    expect(reason(bytes, { ...identity, producer: 'x' })).toMatch(/another build/);
    expect(reason(new TextEncoder().encode('{}\n'))).toMatch(/not a Sourcebook entity index/);
    const damaged = bytes.slice();
    const dataStart = (bytes.indexOf(10) + 1 + 3) & ~3;
    new DataView(damaged.buffer).setInt32(dataStart, 1 << 29, true); // the first entity reference
    expect(reason(damaged)).toMatch(/unknown entity|out of range/);
  });
});
