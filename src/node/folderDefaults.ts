import { lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { type FolderDefaults, parseFolderDefaults } from '../core/folderDefaults';
import { textHash } from '../core/text/hash';
import { inspectPath, readFolderFile, realRootOf } from './corpusPaths';

export const FOLDER_DEFAULTS_FILE = 'sourcebook.yaml';

/** Largest `sourcebook.yaml` read: a few lines of settings, never a data file. */
export const MAX_FOLDER_DEFAULTS_BYTES = 64 * 1024;

/** A folder's defaults as read: what they are, a hash that changes when the file does, and what was wrong with it. */
export interface FolderDefaultsRead {
  readonly defaults?: FolderDefaults;
  /** Hash of the file's text; undefined when there is no file. */
  readonly hash?: string;
  /** Why the file, or part of it, was not used. */
  readonly problem?: string;
}

const cache = new Map<string, { size: number; mtime: number; read: FolderDefaultsRead }>();

/**
 * Reads the `sourcebook.yaml` at a corpus folder's root, if there is one, as
 * topic lists and catalogs are read (`readFolderFile`): a regular file inside
 * the folder only (a link is followed only when it resolves inside the
 * folder; a FIFO, device or folder of that name is refused with why), and
 * only up to 64 KB. A regular file is remembered by its size and time, so
 * asking for every file of a large folder is cheap. Never throws.
 */
export function readFolderDefaults(root: string): FolderDefaultsRead {
  const path = join(root, FOLDER_DEFAULTS_FILE);
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    cache.delete(path);
    return {};
  }
  // Only a plain file's own size and time say when it changed; anything else is looked at afresh each time.
  if (!stat.isFile()) {
    cache.delete(path);
    return readChecked(path, root);
  }
  const known = cache.get(path);
  if (known && known.size === stat.size && known.mtime === stat.mtimeMs) return known.read;
  const read = readChecked(path, root);
  cache.set(path, { size: stat.size, mtime: stat.mtimeMs, read });
  return read;
}

function readChecked(path: string, root: string): FolderDefaultsRead {
  const found = inspectPath(path, realRootOf(root));
  if (found.kind === 'file' && found.size > MAX_FOLDER_DEFAULTS_BYTES)
    return { problem: `${FOLDER_DEFAULTS_FILE} is over ${MAX_FOLDER_DEFAULTS_BYTES / 1024} KB; not read` };
  const read = readFolderFile(path, realRootOf(root), MAX_FOLDER_DEFAULTS_BYTES);
  if (!read) return {};
  if ('reason' in read) return { problem: `${FOLDER_DEFAULTS_FILE} ${read.reason}` };
  const text = read.text;
  const hash = textHash(text).toString(36);
  try {
    const { defaults, warnings } = parseFolderDefaults(text);
    return { defaults, hash, ...(warnings.length > 0 ? { problem: warnings.join('; ') } : {}) };
  } catch (error) {
    return { hash, problem: `${(error as Error).message}; its defaults are not used` };
  }
}
