import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFolderIndex, encodeFolderIndex, type FolderIndex, folderIndexParts } from '../core/cache/folderIndex';
import { inSlices } from '../core/steps';
import { writeFileAtomic, writeFileAtomicInParts } from './atomicFile';

/** What reading a folder's persisted index found. */
export type StoredIndex =
  | { readonly status: 'used'; readonly index: FolderIndex }
  | { readonly status: 'missing' }
  | { readonly status: 'discarded'; readonly reason: string };

/**
 * Where persisted corpus indexes live: one JSON file per corpus folder, named
 * by a hash of the folder's path, in a directory of the extension's storage.
 * `producer` names the code that writes them; an index written by other code
 * (another version, another build) is discarded, never trusted.
 */
export class IndexStore {
  constructor(
    readonly dir: string,
    readonly producer: string,
  ) {}

  /** The file that holds the index of the folder at `root`. */
  fileFor(root: string): string {
    return join(this.dir, `${createHash('sha1').update(root).digest('hex').slice(0, 20)}.json`);
  }

  /** Reads and checks the index of a folder (written by `producer`). A corrupt or foreign one is deleted and reported as discarded. */
  read(root: string, producer = this.producer): StoredIndex {
    const file = this.fileFor(root);
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      return { status: 'missing' };
    }
    const decoded = decodeFolderIndex(bytes, { root, producer });
    if (decoded.ok) return { status: 'used', index: decoded.index };
    rmSync(file, { force: true });
    return { status: 'discarded', reason: decoded.reason };
  }

  /**
   * Writes the index of a folder: to a temporary file first, then renamed
   * over the old one, so a crash or a second window never leaves half a file.
   */
  write(index: FolderIndex): void {
    writeFileAtomic(this.fileFor(index.root), encodeFolderIndex(index));
  }

  /** `write` without holding the thread: encoded in slices, written asynchronously. */
  async writeInBackground(index: FolderIndex): Promise<void> {
    await writeFileAtomicInParts(this.fileFor(index.root), await inSlices(folderIndexParts(index)));
  }
}
