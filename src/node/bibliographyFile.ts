import { accessSync, constants, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { addToBibliography, type CslItem } from '../core/citations';

/**
 * Adds CSL-JSON entries to the bibliography file at `path` (created when
 * missing) as a minimal edit of the file as it is at that moment: it is read
 * again right before writing, and the edit recomputed if it changed in
 * between, so nothing written meanwhile is lost. Refuses, with a message and
 * without touching the file, a path that is a directory or not a regular
 * file, a read-only file, and a file that is not a CSL-JSON array.
 * Returns the ids added.
 */
export function addToBibliographyFile(path: string, items: readonly CslItem[]): readonly string[] {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = readBibliography(path);
    let update;
    try {
      update = addToBibliography(before, items);
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
    }
    if (update.added.length === 0) return [];
    if (readBibliography(path) !== before) continue;
    writeFileSync(path, update.text, before === undefined ? { flag: 'wx' } : {});
    return update.added;
  }
  throw new Error(`${path}: the file kept changing while Sourcebook was adding to it; it was left as it is`);
}

function readBibliography(path: string): string | undefined {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stats.isDirectory()) throw new Error(`${path} is a folder, not a CSL-JSON bibliography file`);
  if (!stats.isFile()) throw new Error(`${path} is not a regular file; the bibliography was not written`);
  // Mode bits too: for root, access() says every file is writable.
  let writable = (stats.mode & 0o222) !== 0;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new Error(`${path} is read-only; the bibliography was not written`);
  return readFileSync(path, 'utf8');
}
