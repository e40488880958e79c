import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import {
  corpusFingerprint,
  type EntityIndex,
  type EntitySnapshot,
  existingEntityIndex,
  provideEntitySnapshot,
} from '../../core/entities';
import {
  existingSearchIndex,
  type PassageHit,
  type PassageSearch,
  provideSearchSnapshot,
  type SearchIndexStats,
  searchIndexFor,
} from '../../core/search';
import { EntityIndexStore, entitySnapshotOf } from '../../node/entityStore';
import type { IndexStore } from '../../node/indexCache';
import { corpusKey, SearchIndexStore } from '../../node/searchStore';
import type { CorpusService } from '../corpus/corpusService';
import { Debouncer } from '../debouncer';
import { inSlices } from '../../core/steps';

/** How long after a change the indexes are looked at for writing; again while one is still being built. */
const PERSIST_DELAY_MS = 2000;
/** Looks at most this many times after one change (about two minutes): an index nobody builds is not waited for. */
const MAX_LOOKS = 60;

/** Where the indexes of the current corpus came from, and what was written: proof for the log and the tests. */
export interface PersistedIndexStats {
  readonly search: SearchIndexStats | undefined;
  readonly entities:
    | { readonly discoveryRestored: boolean; readonly scans: { readonly restored: number; readonly scanned: number } }
    | undefined;
  readonly written: { readonly search: number; readonly entities: number };
}

/**
 * The search and entity indexes of the editor's corpus, persisted beside its
 * corpus index in the same format the CLI writes: each new corpus (a load)
 * starts its indexes from the files, taking over every article whose text
 * is unchanged; a while after the corpus changes, and once an index is
 * complete, what changed is written back (atomically, so windows and CLI
 * runs sharing a folder never see half a file).
 */
export class PersistedIndexes implements vscode.Disposable {
  private readonly search: SearchIndexStore;
  private readonly entities: EntityIndexStore;
  private readonly provided = new WeakMap<Corpus, string>();
  private readonly readEntities = new WeakMap<
    Corpus,
    { snapshot?: EntitySnapshot | undefined; fingerprint?: number }
  >();
  private readonly writtenSearch = new WeakMap<PassageSearch, number>();
  private readonly writtenEntities = new WeakSet<EntityIndex>();
  private readonly timer = new Debouncer();
  /** Whether a look was ever scheduled: then closing the window looks once more. */
  private scheduled = false;
  private looks = 0;
  private looking: Promise<void> = Promise.resolve();
  private writes = { search: 0, entities: 0 };
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly corpus: CorpusService,
    corpusStore: IndexStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const base = join(corpusStore.dir, '..');
    this.search = new SearchIndexStore(join(base, 'search-index'), corpusStore.producer);
    this.entities = new EntityIndexStore(join(base, 'entity-index'), corpusStore.producer);
    this.subscription = corpus.onDidChange((current) => {
      this.provide(current);
      this.schedule();
    });
  }

  /** Says where the indexes of a newly loaded corpus start from; called before any feature asks for them. */
  private provide(current: Corpus): void {
    if (this.provided.has(current)) return;
    const key = corpusKey(this.corpus.loadedFolderList);
    this.provided.set(current, key);
    provideSearchSnapshot(current, () => {
      const stored = this.search.read(key);
      if (stored.status === 'discarded') this.log.info(`persisted search index discarded (${stored.reason})`);
      if (stored.status === 'used') this.log.info('search index opened from the persisted index');
      return stored.status === 'used' ? stored.snapshot : undefined;
    });
    // Handed over once, when the index is first built: the snapshot (every article's scans) is not kept after.
    provideEntitySnapshot(current, () => {
      const stored = this.storedEntities(current, key);
      const { snapshot } = stored;
      stored.snapshot = undefined;
      return snapshot;
    });
  }

  /** The persisted entity index for a corpus, read once; its fingerprint is kept after the snapshot is taken. */
  private storedEntities(
    current: Corpus,
    key: string,
  ): { snapshot?: EntitySnapshot | undefined; fingerprint?: number } {
    let stored = this.readEntities.get(current);
    if (!stored) {
      const read = this.entities.read(key);
      if (read.status === 'discarded') this.log.info(`persisted entity index discarded (${read.reason})`);
      const snapshot = read.status === 'used' ? read.snapshot : undefined;
      stored = snapshot ? { snapshot, fingerprint: snapshot.fingerprint } : {};
      this.readEntities.set(current, stored);
    }
    return stored;
  }

  /** Whether the entity index of `current` starts from the persisted one: its discovery is of these very texts. */
  restoresEntities(current: Corpus): boolean {
    const key = this.provided.get(current);
    const stored = key === undefined ? undefined : this.storedEntities(current, key);
    return stored?.fingerprint !== undefined && stored.fingerprint === corpusFingerprint(current);
  }

  /** Looks for an index to write in a while (after a change, or an index that became whole). */
  schedule(): void {
    this.looks = 0;
    this.scheduled = true;
    this.timer.schedule(PERSIST_DELAY_MS, () => this.look());
  }

  private look(): void {
    // One look at a time: a write still going on is waited for.
    this.looking = this.looking.then(async () => {
      const pending = await this.persistInBackground();
      if (pending && ++this.looks < MAX_LOOKS) this.timer.schedule(PERSIST_DELAY_MS, () => this.look());
    });
  }

  /**
   * Writes the current corpus's search and entity indexes if they changed
   * since they were read or last written; one still being built is left for
   * later. Returns whether something is left. All at once, for a window
   * that is closing; `persistInBackground` otherwise.
   */
  persist(): boolean {
    const current = this.corpus.current;
    const key = this.provided.get(current);
    if (key === undefined) return false;
    let pending = false;
    try {
      const search = this.searchToWrite(current);
      pending = search === 'pending';
      if (search && search !== 'pending') {
        const started = performance.now();
        this.search.write(key, search.index.snapshot());
        this.wroteSearch(search, started);
      }
      const entities = this.entitiesToWrite(current);
      pending ||= entities === 'pending';
      if (entities && entities !== 'pending') {
        this.entities.write(key, entitySnapshotOf(current, entities));
        this.wroteEntities(entities);
      }
    } catch (error) {
      this.log.warn(`the search and entity indexes could not be persisted: ${(error as Error).message}`);
    }
    return pending;
  }

  /**
   * `persist` without holding the extension host: the search index is
   * compacted a slice at a time and the files are written asynchronously.
   * When the corpus changes meanwhile, what was made of the old one is
   * dropped and the new one looked at later.
   */
  private async persistInBackground(): Promise<boolean> {
    const current = this.corpus.current;
    const key = this.provided.get(current);
    if (key === undefined) return false;
    let pending = false;
    try {
      const search = this.searchToWrite(current);
      pending = search === 'pending';
      if (search && search !== 'pending') {
        const started = performance.now();
        const snapshot = await inSlices(search.index.snapshotSteps());
        if (!snapshot || this.corpus.current !== current) return true;
        await this.search.writeInBackground(key, snapshot);
        this.wroteSearch(search, started);
      }
      const entities = this.entitiesToWrite(current);
      pending ||= entities === 'pending';
      if (entities && entities !== 'pending') {
        await this.entities.writeInBackground(key, entitySnapshotOf(current, entities));
        this.wroteEntities(entities);
      }
    } catch (error) {
      this.log.warn(`the search and entity indexes could not be persisted: ${(error as Error).message}`);
    }
    return pending;
  }

  /** The search index to write, with the version it is written at; `pending` while it is still being built. */
  private searchToWrite(current: Corpus): { index: PassageSearch; version: number } | 'pending' | undefined {
    const index = existingSearchIndex(current);
    if (!index) return undefined;
    if (!index.complete) return 'pending';
    const version = index.version;
    return this.writtenSearch.get(index) !== version && version > 0 ? { index, version } : undefined;
  }

  /** The entity index to write; `pending` while its mentions are not gathered yet. */
  private entitiesToWrite(current: Corpus): EntityIndex | 'pending' | undefined {
    const index = existingEntityIndex(current);
    if (!index || this.writtenEntities.has(index) || (index.restored && index.scanStats.scanned === 0))
      return undefined;
    return index.mentionsReady ? index : 'pending';
  }

  private wroteSearch(search: { index: PassageSearch; version: number }, started: number): void {
    this.writtenSearch.set(search.index, search.version);
    this.writes.search++;
    this.log.info(`persisted search index written in ${Math.round(performance.now() - started)} ms`);
  }

  private wroteEntities(index: EntityIndex): void {
    this.writtenEntities.add(index);
    this.writes.entities++;
    this.log.info('persisted entity index written');
  }

  /** Where the current corpus's indexes came from. */
  stats(): PersistedIndexStats {
    const current = this.corpus.current;
    const entities = existingEntityIndex(current);
    return {
      search: existingSearchIndex(current)?.stats,
      entities: entities && { discoveryRestored: entities.restored, scans: entities.scanStats },
      written: { ...this.writes },
    };
  }

  /** Searches the current corpus as the quote picker does (for scripts and the tests). */
  searchNow(query: string, limit = 10): PassageHit[] {
    return searchIndexFor(this.corpus.current).search(query, { limit });
  }

  dispose(): void {
    if (this.scheduled) this.persist(); // what changed is not lost when the window closes
    this.timer.cancel();
    this.subscription.dispose();
  }
}
