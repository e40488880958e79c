import type { Corpus } from '../corpus';
import { entityIndexFor } from '../entities';
import { PassageSearch, type SearchSnapshot } from './passageSearch';

export { type PassageHit } from './hits';
export {
  type DocumentAnalyser,
  PassageSearch,
  type PassageSearchOptions,
  type SearchIndexStats,
  type SearchSnapshot,
} from './passageSearch';
export { parseQuery, type EntityNames, type ParsedQuery } from './query';
export { snippet, type Snippet } from './snippet';

const indexes = new WeakMap<Corpus, PassageSearch>();
const snapshots = new WeakMap<Corpus, () => SearchSnapshot | undefined>();

/**
 * Says where the search index of `corpus` can be reopened from (a persisted
 * index): `read` is called once, when the index is first needed, and the
 * index takes over every article whose text is unchanged.
 */
export function provideSearchSnapshot(corpus: Corpus, read: () => SearchSnapshot | undefined): void {
  snapshots.set(corpus, read);
}

/** The search index of `corpus` if one was made, without making one. */
export function existingSearchIndex(corpus: Corpus): PassageSearch | undefined {
  return indexes.get(corpus);
}

/**
 * The passage search of a corpus, one per corpus object. It follows the
 * corpus's `version` itself (re-indexing only changed articles) and builds
 * lazily: call `warm()` to index in the background, or just `search()`.
 * Entity names in queries are expanded through `entityIndexFor(corpus)`.
 */
export function searchIndexFor(corpus: Corpus): PassageSearch {
  let index = indexes.get(corpus);
  if (!index) {
    index = new PassageSearch(corpus, () => entityIndexFor(corpus), snapshots.get(corpus)?.());
    indexes.set(corpus, index);
  }
  return index;
}
