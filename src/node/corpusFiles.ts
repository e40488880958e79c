import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { Corpus } from '../core/corpus';
import type { FileProblem, Topic } from '../core/model';
import { type Decoded, decodeCorpusFile, DEFAULT_MAX_FILE_BYTES, tooLargeReason } from '../core/parse/decode';
import type { FolderDefaults } from '../core/folderDefaults';
import { parseTopicList } from '../core/topicList';
import { FOLDER_DEFAULTS_FILE, readFolderDefaults } from './folderDefaults';

export const ARTICLE_EXTENSIONS = /\.(md|markdown|txt)$/i;

export interface CorpusFolder {
  readonly root: string;
  readonly bundled?: boolean;
  /** Glob patterns of paths (relative to `root`, with `/`) to leave out: files, or folders with all they hold. */
  readonly exclude?: readonly string[];
}

export interface LoadOptions {
  readonly folders: readonly CorpusFolder[];
  readonly maxFileBytes?: number;
  /** Relative paths (with `/`) that should not be read. */
  readonly exclude?: (relativePath: string) => boolean;
  /** Called for each file that is skipped or read best-effort. */
  readonly onProblem?: (problem: FileProblem) => void;
}

export interface CorpusFile {
  readonly path: string;
  readonly relativePath: string;
  readonly bundled: boolean;
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

/**
 * Lists the article files of the folders (or of `under`, a folder inside one
 * of them), sorted by path, skipping hidden folders, `node_modules` and what
 * each folder's exclude globs match.
 */
export function listArticleFiles(
  folders: readonly CorpusFolder[],
  exclude?: (relativePath: string) => boolean,
  under?: string,
): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const folder of folders) {
    const excluded = excludeMatcher(folder.exclude);
    const defaults = readFolderDefaults(folder.root).defaults;
    const skip = (relativePath: string) => (exclude?.(relativePath) ?? false) || (excluded?.(relativePath) ?? false);
    // Paths are joined by hand: path.join and path.relative normalize every call, a cost on 20,000 files.
    const walk = (dir: string, relativeDir: string) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      // Code-unit order: stable across machines and locales, and much cheaper than localeCompare.
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const path = dir + sep + entry.name;
        const relativePath = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
        if (skip(relativePath)) continue;
        if (entry.isDirectory()) walk(path, relativePath);
        else if (entry.isFile() && isArticlePath(entry.name))
          files.push({ path, relativePath, bundled: folder.bundled ?? false, ...(defaults ? { defaults } : {}) });
      }
    };
    const root = folder.root.endsWith(sep) ? folder.root.slice(0, -1) : folder.root;
    if (under === undefined) walk(root, '');
    else if (isInside(folder.root, under) && !skip(relativeTo(folder.root, under)))
      walk(under, relativeTo(folder.root, under));
  }
  return files;
}

/** Whether `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Reads and decodes one corpus file; a file over the limit or that cannot be read gives the reason. */
export function readCorpusText(path: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): Decoded {
  try {
    const size = statSync(path).size;
    if (size > maxFileBytes) return { ok: false, reason: tooLargeReason(size, maxFileBytes) };
    return decodeCorpusFile(readFileSync(path), maxFileBytes);
  } catch (error) {
    return { ok: false, reason: `cannot be read: ${(error as Error).message}` };
  }
}

/** Reads one file into the corpus; a read error becomes a skipped-file problem. */
export function loadFile(
  corpus: Corpus,
  file: CorpusFile,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): FileProblem | undefined {
  return corpus.setFile(file, readCorpusText(file.path, maxFileBytes));
}

/** Reads the topic lists (`topics.yaml`) found at the roots of the folders. */
export function readTopicLists(folders: readonly CorpusFolder[], onProblem?: (problem: FileProblem) => void): Topic[] {
  const topics: Topic[] = [];
  for (const folder of folders) {
    const path = join(folder.root, 'topics.yaml');
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    try {
      topics.push(...parseTopicList(text));
    } catch (error) {
      onProblem?.({ path, outcome: 'skipped', reason: (error as Error).message });
    }
  }
  return topics;
}

/** Records the entity catalogs (`entities.yaml` or `entities.json`) at the roots of the folders. */
export function readCatalogs(corpus: Corpus, folders: readonly CorpusFolder[]): void {
  for (const folder of folders) {
    for (const name of ['entities.yaml', 'entities.yml', 'entities.json']) {
      const path = join(folder.root, name);
      try {
        corpus.setCatalog(path, readFileSync(path, 'utf8'));
      } catch {
        // No catalog here: entities are discovered from the text.
      }
    }
  }
}

/** A new corpus with the folders' topic lists and entity catalogs, and no articles yet. */
export function emptyCorpus(folders: readonly CorpusFolder[], onProblem?: (problem: FileProblem) => void): Corpus {
  const corpus = new Corpus(readTopicLists(folders, onProblem));
  readCatalogs(corpus, folders);
  for (const folder of folders) {
    const { problem, defaults } = readFolderDefaults(folder.root);
    const outcome = defaults ? 'recovered' : 'skipped';
    if (problem) onProblem?.({ path: join(folder.root, FOLDER_DEFAULTS_FILE), outcome, reason: problem });
  }
  return corpus;
}

/** Loads every article of the folders into a new corpus. Bad files are reported, never thrown. */
export function loadCorpus(options: LoadOptions): Corpus {
  const corpus = emptyCorpus(options.folders, options.onProblem);
  for (const file of listArticleFiles(options.folders, options.exclude)) {
    const problem = loadFile(corpus, file, options.maxFileBytes);
    if (problem) options.onProblem?.(problem);
  }
  return corpus;
}
