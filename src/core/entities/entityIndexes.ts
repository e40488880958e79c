// The entity index of each corpus version, built once and kept (see
// `entityIndexFor`), and where a corpus's index may start from.
import { articleSentences, type Corpus } from '../corpus';
import type { Discovery } from './discovery';
import { EntityIndex } from './entityIndex';
import { joinSentences } from './joinedSentences';
import { nextTurn } from '../steps';
import { corpusFingerprint, type EntitySnapshot } from './entitySnapshot';

const cache = new WeakMap<Corpus, { version: number; index: EntityIndex }>();
const snapshots = new WeakMap<Corpus, () => EntitySnapshot | undefined>();
/** Corpora whose discovery runs elsewhere: the version it is for, and the index that answers meanwhile. */
const pending = new WeakMap<
  Corpus,
  { readonly version: number; readonly partial: EntityIndex; readonly settled: Promise<void> }
>();
const NO_DISCOVERY: Discovery = { entities: [], catalogAliases: [] };

/**
 * Says that the discovery of `corpus`, at its current version, is being made
 * elsewhere (in a worker, from `discoveryInput`): until `discovery` settles,
 * `entityIndexFor` answers with the index of the corpus's previous version
 * if it has one, else with the catalog's entities only (`partial`), so no
 * caller runs discovery on its own thread meanwhile; then with the whole
 * index, made from it (or, when it gives none, by discovering here).
 * Resolves with the whole index; undefined when `signal` aborted or the
 * corpus changed meanwhile (its next version is indexed as usual).
 */
export async function provideDiscovery(
  corpus: Corpus,
  discovery: Promise<Discovery | undefined>,
  signal?: AbortSignal,
): Promise<EntityIndex | undefined> {
  const version = corpus.version;
  const earlier = cache.get(corpus)?.index;
  const standIn = earlier ?? new EntityIndex(corpus, NO_DISCOVERY, undefined, { partial: true });
  let settle = () => {};
  const waiting = { version, partial: standIn, settled: new Promise<void>((resolve) => (settle = resolve)) };
  pending.set(corpus, waiting);
  try {
    const found = await discovery.catch(() => undefined);
    if (pending.get(corpus) !== waiting) return undefined;
    pending.delete(corpus);
    if (corpus.version !== version || signal?.aborted) return undefined;
    const previous = earlier ? { matcherKey: earlier.matcherKey, scans: earlier.scanCache } : snapshots.get(corpus)?.();
    const index = new EntityIndex(corpus, found, previous, { discoveredElsewhere: true });
    cache.set(corpus, { version, index });
    return index;
  } finally {
    if (pending.get(corpus) === waiting) pending.delete(corpus);
    settle();
  }
}

/**
 * The entity index of `corpus` once it is whole: at once, unless its
 * discovery is still being made elsewhere (`provideDiscovery`), then when it
 * is. For what is worth waiting for, such as a hover card; what must answer
 * now takes `entityIndexFor`.
 */
export async function wholeEntityIndex(corpus: Corpus): Promise<EntityIndex> {
  for (let waiting = pending.get(corpus); waiting && waiting.version === corpus.version; waiting = pending.get(corpus))
    await waiting.settled;
  return entityIndexFor(corpus);
}

/**
 * What discovery is handed for a corpus: the sentences of every article
 * (one string per article: see `joinSentences`), read a slice of about
 * `sliceMs` at a time so the calling thread keeps turning, and the
 * catalog's names it must leave to the catalog. Undefined when `signal`
 * aborts.
 */
export async function discoveryInput(
  corpus: Corpus,
  signal?: AbortSignal,
  sliceMs = 10,
): Promise<{ articles: string[]; known: [string, string][] } | undefined> {
  const known = new EntityIndex(corpus, NO_DISCOVERY, undefined, { partial: true }).foldedNames();
  const articles: string[] = [];
  const all = corpus.articles();
  let started = Date.now();
  for (const article of all) {
    if (signal?.aborted) return undefined;
    articles.push(joinSentences([...articleSentences(article)].map((passage) => passage.text)));
    if (Date.now() - started >= sliceMs) started = await nextTurn();
  }
  return { articles, known };
}

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
  // A partial index (discovery still running elsewhere) is not the corpus's index.
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
  const waiting = pending.get(corpus);
  if (waiting && waiting.version === corpus.version) return waiting.partial;
  // A new version of the same corpus keeps the scans of the articles that did not change.
  const snapshot = cached ? undefined : snapshots.get(corpus)?.();
  const known = snapshot && snapshot.fingerprint === corpusFingerprint(corpus) ? snapshot.discovery : undefined;
  const previous = cached ? { matcherKey: cached.index.matcherKey, scans: cached.index.scanCache } : snapshot;
  const index = new EntityIndex(corpus, known, previous);
  cache.set(corpus, { version: corpus.version, index });
  return index;
}
