import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { type FolderDefaults, parseFolderDefaults } from '../core/folderDefaults';
import { textHash } from '../core/text/hash';

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
 * Reads the `sourcebook.yaml` at a corpus folder's root, if there is one. Only
 * a regular file is read (a symlink, which could point out of the folder, or a
 * folder of that name is refused), and only up to 64 KB. Remembered by the
 * file's size and time, so asking for every file of a large folder is cheap.
 * Never throws.
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
  const known = cache.get(path);
  if (known && known.size === stat.size && known.mtime === stat.mtimeMs) return known.read;
  const read = readChecked(path, stat);
  cache.set(path, { size: stat.size, mtime: stat.mtimeMs, read });
  return read;
}

function readChecked(path: string, stat: Stats): FolderDefaultsRead {
  if (stat.isSymbolicLink()) return { problem: `${FOLDER_DEFAULTS_FILE} is a symbolic link; not read` };
  if (!stat.isFile()) return { problem: `${FOLDER_DEFAULTS_FILE} is not a regular file; not read` };
  if (stat.size > MAX_FOLDER_DEFAULTS_BYTES)
    return { problem: `${FOLDER_DEFAULTS_FILE} is over ${MAX_FOLDER_DEFAULTS_BYTES / 1024} KB; not read` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (error) {
    return { problem: `${FOLDER_DEFAULTS_FILE} cannot be read as UTF-8 text: ${(error as Error).message}` };
  }
  const hash = textHash(text).toString(36);
  try {
    const { defaults, warnings } = parseFolderDefaults(text);
    return { defaults, hash, ...(warnings.length > 0 ? { problem: warnings.join('; ') } : {}) };
  } catch (error) {
    return { hash, problem: `${(error as Error).message}; its defaults are not used` };
  }
}
