import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSearchIndex, encodeSearchIndex, searchIndexParts } from '../core/cache/searchIndexFile';
import type { SearchSnapshot } from '../core/search/passageSearch';
import { writeFileAtomic, writeFileAtomicInParts } from './atomicFile';
import type { CorpusFolder } from './corpusFolder';

/** What reading a persisted search index found. */
export type StoredSearchIndex =
  | { readonly status: 'used'; readonly snapshot: SearchSnapshot }
  | { readonly status: 'missing' }
  | { readonly status: 'discarded'; readonly reason: string };

/** Names a corpus by its folders, in order, with what each leaves out: a search index is for exactly one. */
export function corpusKey(folders: readonly CorpusFolder[]): string {
  return JSON.stringify(folders.map((folder) => [folder.root, folder.bundled ?? false, folder.exclude ?? []]));
}

/**
 * Where persisted search indexes live: one file per corpus (a set of
 * folders), named by a hash of its key, in `dir`. Like the corpus index, a
 * file made by other code or for another corpus, or damaged, is deleted and
 * reported as discarded; writes are atomic (see `writeFileAtomic`).
 */
export class SearchIndexStore {
  constructor(
    readonly dir: string,
    readonly producer: string,
  ) {}

  fileFor(key: string): string {
    return join(this.dir, `${createHash('sha1').update(key).digest('hex').slice(0, 20)}.search`);
  }

  read(key: string): StoredSearchIndex {
    const file = this.fileFor(key);
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      return { status: 'missing' };
    }
    const decoded = decodeSearchIndex(bytes, { corpus: key, producer: this.producer });
    if (decoded.ok) return { status: 'used', snapshot: decoded.snapshot };
    rmSync(file, { force: true });
    return { status: 'discarded', reason: decoded.reason };
  }

  write(key: string, snapshot: SearchSnapshot): void {
    writeFileAtomic(this.fileFor(key), encodeSearchIndex(snapshot, { corpus: key, producer: this.producer }));
  }

  /** `write` without holding the thread for the disk (or for copying the index into one buffer). */
  writeInBackground(key: string, snapshot: SearchSnapshot): Promise<void> {
    return writeFileAtomicInParts(
      this.fileFor(key),
      searchIndexParts(snapshot, { corpus: key, producer: this.producer }),
    );
  }
}
