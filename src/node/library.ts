import { parseBibtexLibrary } from '../core/library/bibtex';
import { type LibraryItem, parseCslJsonLibrary, type ParsedLibrary } from '../core/library/library';
import { Library } from '../core/library/match';
import { readRegularFile } from './corpusPaths';

/** Largest library file read: a Zotero export of tens of thousands of items fits well inside. */
export const MAX_LIBRARY_BYTES = 64 * 1024 * 1024;

/** The analyst's libraries, read: one index of their entries, and what was wrong with them. */
export interface LoadedLibrary {
  readonly library: Library;
  readonly warnings: readonly string[];
}

/**
 * Reads library files (CSL-JSON by `.json`, BibTeX by `.bib`; otherwise by
 * their first character). A file that cannot be read, and every entry left
 * out, is a warning; a key already given by an earlier file keeps the earlier
 * entry. Never throws.
 */
export function readLibraries(paths: readonly string[]): LoadedLibrary {
  const items: LibraryItem[] = [];
  const warnings: string[] = [];
  const keys = new Set<string>();
  for (const path of paths) {
    const parsed = readLibraryFile(path);
    warnings.push(...parsed.warnings);
    for (const item of parsed.items) {
      if (keys.has(item.key))
        warnings.push(`${path}: key "${item.key}" is also in an earlier library; that entry is kept`);
      else {
        keys.add(item.key);
        items.push(item);
      }
    }
  }
  return { library: new Library(items), warnings };
}

function readLibraryFile(path: string): ParsedLibrary {
  const read = readRegularFile(path, MAX_LIBRARY_BYTES);
  if (!read.ok) return { items: [], warnings: [`library ${path} ${read.reason}`] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, '');
  } catch {
    return { items: [], warnings: [`library ${path} is not UTF-8 text; not read`] };
  }
  const bibtex = /\.(bib|bibtex)$/i.test(path) || (!/\.json$/i.test(path) && /^\s*[@%]/.test(text));
  return bibtex ? parseBibtexLibrary(text, path) : parseCslJsonLibrary(text, path);
}
