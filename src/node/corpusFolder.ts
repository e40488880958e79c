import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FolderDefaults } from '../core/folderDefaults';
import { isInside } from './corpusPaths';
import { readFolderDefaults } from './folderDefaults';

// What a corpus folder is and which of the paths under it are its article files: the names every
// reader, loader and watcher of a folder agree on.

export const ARTICLE_EXTENSIONS = /\.(md|markdown|txt|html?|pdf)$/i;

export interface CorpusFolder {
  readonly root: string;
  readonly bundled?: boolean;
  /** Glob patterns of paths (relative to `root`, with `/`) to leave out: files, or folders with all they hold. */
  readonly exclude?: readonly string[];
}

export interface CorpusFile {
  /** Where the file is shown and opened from (a link keeps its own name). */
  readonly path: string;
  readonly relativePath: string;
  readonly bundled: boolean;
  /** Where the file really is, checked to be inside its corpus folder; `path` itself, not followed if a link, when absent. */
  readonly realPath?: string;
  /** The folder's `sourcebook.yaml` defaults, when it has one. */
  readonly defaults?: FolderDefaults;
}

/** A corpus file at `path` of `folder`, with the folder's defaults. */
export function corpusFileOf(folder: CorpusFolder, path: string, relativePath: string): CorpusFile {
  const defaults = readFolderDefaults(folder.root).defaults;
  return { path, relativePath, bundled: folder.bundled ?? false, ...(defaults ? { defaults } : {}) };
}

/**
 * A matcher for exclude globs, by picomatch: it compiles each glob to one
 * regular expression, so testing the thousands of paths of a large corpus,
 * and every file-watcher event, is cheap. Dot files match like any other
 * (a `.git` glob must be able to match). A folder matches `dir/**`, so a
 * walk can skip it whole.
 */
export function excludeMatcher(globs: readonly string[] | undefined): ((relativePath: string) => boolean) | undefined {
  const patterns = (globs ?? []).map((glob) => glob.trim()).filter((glob) => glob !== '');
  return patterns.length === 0 ? undefined : picomatch(patterns, { dot: true });
}

/** Whether a path names an article file by its extension. */
export function isArticlePath(path: string): boolean {
  return ARTICLE_EXTENSIONS.test(path);
}

/** The path of `path` relative to `root`, with `/` separators. */
export function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Whether a corpus-relative path is in a hidden folder or `node_modules`, or is a hidden file: never read. */
export function isHidden(relativePath: string): boolean {
  return relativePath.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/** The configured folder a path is in (the innermost, when folders nest). */
export function folderOf(folders: readonly CorpusFolder[], path: string): CorpusFolder | undefined {
  let best: CorpusFolder | undefined;
  for (const folder of folders)
    if (isInside(folder.root, path) && (!best || folder.root.length > best.root.length)) best = folder;
  return best;
}

/**
 * Whether a changed path can matter to a corpus of these folders: inside one
 * of them, not hidden, not in `node_modules`, not excluded. A watcher drops
 * the rest (a `.git` folder's churn) before batching.
 */
export function isRelevantChange(folders: readonly CorpusFolder[], path: string): boolean {
  const folder = folderOf(folders, path);
  if (!folder) return false;
  const relativePath = relativeTo(folder.root, path);
  return !isHidden(relativePath) && !(excludeMatcher(folder.exclude)?.(relativePath) ?? false);
}
