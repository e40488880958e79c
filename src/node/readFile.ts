import { lstatSync } from 'node:fs';
import type { FileKey } from '../core/cache/folderIndex';
import type { PreparedFile } from '../core/preparedFile';
import type { CorpusFile } from './corpusFolder';
import { notRegularReason } from './corpusPaths';

// A corpus file as a load sees it: its key (size and modification time), and what reading it came to.

/** One file read and parsed: the key it had, what it came to, and whether that may be persisted. */
export interface ReadFile {
  /** Undefined when the file could not even be looked at. */
  readonly key: FileKey | undefined;
  readonly prepared: PreparedFile;
  /**
   * Whether the outcome depends only on the file's contents (an article, or a
   * file skipped for what it holds) and so may go in the persisted index. A
   * file over the size limit or that could not be read is looked at again.
   */
  readonly cacheable: boolean;
}

/**
 * Looks at a file's key: its size and modification time. The file is looked
 * at where it really is (`realPath`), never through a link. Throws when it
 * cannot be looked at or is not a regular file.
 */
export function fileKey(file: CorpusFile): FileKey {
  const stat = lstatSync(file.realPath ?? file.path);
  if (!stat.isFile()) throw new Error(notRegularReason(stat));
  return { size: stat.size, mtime: stat.mtimeMs };
}

/** `fileKey`, or undefined when the file cannot be looked at (it is then read, and reported as unreadable). */
export function fileKeyOrUndefined(file: CorpusFile): FileKey | undefined {
  try {
    return fileKey(file);
  } catch {
    return undefined;
  }
}

/** Whether two keys are known and the same: the file is as it was. */
export function sameKey(a: FileKey | undefined, b: FileKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtime === b.mtime;
}
