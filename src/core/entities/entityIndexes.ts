// The entity index of each corpus version, built once and kept (see
// `entityIndexFor`), and where a corpus's index may start from.
import type { Corpus } from '../corpus';
import { EntityIndex } from './entityIndex';
import { corpusFingerprint, type EntitySnapshot } from './entitySnapshot';

const cache = new WeakMap<Corpus, { version: number; index: EntityIndex }>();
const snapshots = new WeakMap<Corpus, () => EntitySnapshot | undefined>();

/**
 * Says where the entity index of `corpus` can start from: `read` is called
 * when the index is first built; its discovery is used when its fingerprint
 * is the corpus's.
 */
export function provideEntitySnapshot(corpus: Corpus, read: () => EntitySnapshot | undefined): void {
  snapshots.set(corpus, read);
}

/** The entity index of `corpus` if one was built for its current version, without building one. */
export function existingEntityIndex(corpus: Corpus): EntityIndex | undefined {
  const cached = cache.get(corpus);
  return cached && cached.version === corpus.version ? cached.index : undefined;
}

/**
 * The entity index of a corpus, built on first call and kept until the
 * corpus changes (keyed on the corpus object and its `version`). Building
 * reads the catalogs and discovers names in every article; the mention
 * counts and evidence are computed on first use of them.
 */
export function entityIndexFor(corpus: Corpus): EntityIndex {
  const cached = cache.get(corpus);
  if (cached && cached.version === corpus.version) return cached.index;
  // A new version of the same corpus keeps the scans of the articles that did not change.
  const snapshot = cached ? undefined : snapshots.get(corpus)?.();
  const known = snapshot && snapshot.fingerprint === corpusFingerprint(corpus) ? snapshot.discovery : undefined;
  const previous = cached ? { matcherKey: cached.index.matcherKey, scans: cached.index.scanCache } : snapshot;
  const index = new EntityIndex(corpus, known, previous);
  cache.set(corpus, { version: corpus.version, index });
  return index;
}
