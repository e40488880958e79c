import type { Corpus } from '../corpus';
import { entityIndexFor } from '../entities';
import { PassageSearch } from './passageSearch';

export { type PassageHit } from './hits';
export { PassageSearch, type PassageSearchOptions } from './passageSearch';
export { parseQuery, type EntityNames, type ParsedQuery } from './query';
export { snippet, type Snippet } from './snippet';

const indexes = new WeakMap<Corpus, PassageSearch>();

/**
 * The passage search of a corpus, one per corpus object. It follows the
 * corpus's `version` itself (re-indexing only changed articles) and builds
 * lazily: call `warm()` to index in the background, or just `search()`.
 * Entity names in queries are expanded through `entityIndexFor(corpus)`.
 */
export function searchIndexFor(corpus: Corpus): PassageSearch {
  let index = indexes.get(corpus);
  if (!index) {
    index = new PassageSearch(corpus, () => entityIndexFor(corpus));
    indexes.set(corpus, index);
  }
  return index;
}
