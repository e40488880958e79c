import { join } from 'node:path';
import { BUILD_ID } from './buildId';
import { EntityIndexStore } from './entityStore';
import { IndexStore } from './indexCache';
import { SearchIndexStore } from './searchStore';

/** The persisted indexes of corpora, in one cache folder: corpus records, search indexes, entity indexes. */
export interface CorpusCaches {
  readonly dir: string;
  readonly corpus: IndexStore;
  readonly search: SearchIndexStore;
  readonly entities: EntityIndexStore;
}

/** The caches kept in `dir`, written and read by `producer` (this build, by default). */
export function cachesIn(dir: string, producer: string = BUILD_ID): CorpusCaches {
  return {
    dir,
    corpus: new IndexStore(join(dir, 'corpus-index'), producer),
    search: new SearchIndexStore(join(dir, 'search-index'), producer),
    entities: new EntityIndexStore(join(dir, 'entity-index'), producer),
  };
}
