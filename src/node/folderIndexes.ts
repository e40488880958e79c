import type { FileKey, FolderIndex, IndexEntry, IndexedOutcome } from '../core/cache/folderIndex';
import type { CorpusFolder } from './corpusFolder';
import { FOLDER_DEFAULTS_FILE, readFolderDefaults } from './folderDefaults';
import type { IndexStore } from './indexCache';

/**
 * The persisted index of each corpus folder as a load keeps it: the entry of
 * every file it may persist, and which folders changed since their index was
 * last written. Without a store nothing is read or written.
 */
export class FolderIndexes {
  private readonly indexes = new Map<string, Map<string, IndexEntry>>();
  private readonly dirty = new Set<string>();
  /** Folders whose index is being written in the background, with how many writes of it are going on. */
  private readonly writing = new Map<string, number>();

  constructor(
    private readonly store: IndexStore | undefined,
    private readonly log: ((line: string) => void) | undefined,
  ) {}

  /**
   * Starts an empty index for each folder and returns the entries persisted
   * for it; a missing or discarded index leaves the folder to be indexed afresh.
   */
  read(folders: readonly CorpusFolder[]): Map<string, ReadonlyMap<string, IndexEntry>> {
    const previous = new Map<string, ReadonlyMap<string, IndexEntry>>();
    for (const folder of folders) {
      this.indexes.set(folder.root, new Map());
      const stored = this.store?.read(folder.root, producerFor(this.store, folder.root));
      if (stored?.status === 'used') previous.set(folder.root, stored.index.files);
      else if (stored?.status === 'discarded')
        this.log?.(`persisted index of ${folder.root} discarded (${stored.reason}); indexing it again`);
      if (stored?.status !== 'used') this.dirty.add(folder.root);
    }
    return previous;
  }

  /** How many entries a folder's index has now. */
  size(root: string): number {
    return this.indexes.get(root)?.size ?? 0;
  }

  /** Marks a folder's index as to be written. */
  touch(root: string): void {
    this.dirty.add(root);
  }

  /** Records a file's entry; `changes` false when it is the stored one, so the index does not change by it. */
  set(root: string, relativePath: string, key: FileKey, outcome: IndexedOutcome, changes: boolean): void {
    const index = this.indexes.get(root);
    if (!index) throw new RangeError(`no index for ${root}: it is not a folder of this corpus`);
    if (changes) this.dirty.add(root);
    index.set(relativePath, { key, outcome });
  }

  /** Takes a file's entry out, if it has one. */
  delete(root: string, relativePath: string): void {
    if (this.indexes.get(root)?.delete(relativePath)) this.dirty.add(root);
  }

  /** Writes the index of every folder that changed since the last write. */
  persist(): void {
    for (const index of this.changed()) {
      try {
        this.store?.write(index);
      } catch (error) {
        this.dirty.add(index.root);
        throw error;
      }
      this.log?.(`persisted index of ${index.root} written (${index.files.size} files)`);
    }
  }

  /** `persist` without holding the thread (see `IndexStore.writeInBackground`); `persist` meanwhile writes these too. */
  async persistInBackground(): Promise<void> {
    const changed = this.changed();
    for (const { root } of changed) this.writing.set(root, (this.writing.get(root) ?? 0) + 1);
    for (const index of changed) {
      try {
        await this.store?.writeInBackground(index);
      } catch (error) {
        this.dirty.add(index.root); // written at the next look
        throw error;
      } finally {
        const left = (this.writing.get(index.root) ?? 1) - 1;
        if (left > 0) this.writing.set(index.root, left);
        else this.writing.delete(index.root);
      }
      this.log?.(`persisted index of ${index.root} written (${index.files.size} files)`);
    }
  }

  /** Whether a folder's index changed and is not on disk yet (not written, or being written). */
  get unwritten(): boolean {
    return this.dirty.size > 0 || this.writing.size > 0;
  }

  /** The indexes of the folders that changed since the last write (or are being written), no longer marked changed. */
  private changed(): FolderIndex[] {
    const store = this.store;
    if (!store) return [];
    const changed = [...new Set([...this.dirty, ...this.writing.keys()])].flatMap((root) => {
      const files = this.indexes.get(root);
      return files ? [{ root, producer: producerFor(store, root), files }] : [];
    });
    this.dirty.clear();
    return changed;
  }
}

/** The producer an index is written and read under: the build's, and the folder's defaults, which articles' metadata depends on. */
function producerFor(store: IndexStore, root: string): string {
  const hash = readFolderDefaults(root).hash;
  return hash === undefined ? store.producer : `${store.producer}+${FOLDER_DEFAULTS_FILE}:${hash}`;
}
