import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Corpus } from '../core/corpus';
import type { FileProblem, Topic } from '../core/model';
import { type Decoded, decodeCorpusFile, DEFAULT_MAX_FILE_BYTES } from '../core/parse/decode';
import { inspectPath, isInside, readFolderFile, readRegularFile, realRootOf } from './corpusPaths';
import { parseTopicList } from '../core/topicList';
import { isExtractedFormat } from '../core/readers/extracted';
import { FOLDER_DEFAULTS_FILE, readFolderDefaults } from './folderDefaults';
import { extractions } from './readers/extractions';
import { prepareExtracted } from './readers/prepareExtracted';
import { type CorpusFile, type CorpusFolder, excludeMatcher, isArticlePath, relativeTo } from './corpusFolder';

export interface LoadOptions {
  readonly folders: readonly CorpusFolder[];
  readonly maxFileBytes?: number;
  /** Relative paths (with `/`) that should not be read. */
  readonly exclude?: (relativePath: string) => boolean;
  /** Called for each file that is skipped or read best-effort. */
  readonly onProblem?: (problem: FileProblem) => void;
}

/** What a walk still has to do: a folder to list (shown at `path`, really at `realPath`) or a file to give. */
type Pending =
  | { readonly folder: true; readonly path: string; readonly realPath: string; readonly relativePath: string }
  | { readonly folder: false; readonly file: CorpusFile; readonly link: boolean };

/**
 * Lists the article files of the folders (or of `under`, a folder inside one
 * of them), in path order, skipping hidden folders, `node_modules` and what
 * each folder's exclude globs match. Only regular files are listed: a FIFO,
 * socket or device with an article's name, and a link that points outside
 * its corpus folder, are passed to `onSkipped` with why. A link to a file
 * inside the folder is listed once, under its own name, unless that file is
 * listed anyway; links to folders are not walked (a folder inside is walked
 * under its own name, so a loop such as `loop -> .` changes nothing).
 */
export function listArticleFiles(
  folders: readonly CorpusFolder[],
  exclude?: (relativePath: string) => boolean,
  under?: string,
  onSkipped?: (path: string, reason: string) => void,
): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const folder of folders) {
    const excluded = excludeMatcher(folder.exclude);
    const defaults = readFolderDefaults(folder.root).defaults;
    const skip = (relativePath: string) => (exclude?.(relativePath) ?? false) || (excluded?.(relativePath) ?? false);
    const root = folder.root.endsWith(sep) ? folder.root.slice(0, -1) : folder.root;
    const realRoot = realRootOf(folder.root);
    const bundled = folder.bundled ?? false;
    const withDefaults = defaults ? { defaults } : {};
    const stack: Pending[] = [];
    if (under === undefined) stack.push({ folder: true, path: root, realPath: realRoot, relativePath: '' });
    else if (isInside(folder.root, under) && !skip(relativeTo(folder.root, under))) {
      const found = inspectPath(under, realRoot);
      if (found.kind === 'directory' && !found.link)
        stack.push({
          folder: true,
          path: under,
          realPath: found.realPath,
          relativePath: relativeTo(folder.root, under),
        });
    }
    const walked: { file: CorpusFile; link: boolean }[] = [];
    // A stack rather than recursion (folders can nest deeply); each folder's entries go on it in reverse, so they come off in order.
    for (let next = stack.pop(); next; next = stack.pop()) {
      if (!next.folder) {
        walked.push(next);
        continue;
      }
      let entries;
      try {
        entries = readdirSync(next.path, { withFileTypes: true });
      } catch {
        continue;
      }
      // Code-unit order: stable across machines and locales, and much cheaper than localeCompare.
      entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        // Paths are joined by hand: path.join and path.relative normalize every call, a cost on 20,000 files.
        const path = next.path + sep + entry.name;
        const relativePath = next.relativePath === '' ? entry.name : `${next.relativePath}/${entry.name}`;
        if (skip(relativePath)) continue;
        const realPath = next.realPath + sep + entry.name;
        // A name that is not valid UTF-8 reaches us with U+FFFD in it, and no file has that name: say what it is.
        if (entry.name.includes('\ufffd') && isArticlePath(entry.name) && !existsSync(path)) {
          onSkipped?.(path, 'its file name is not valid UTF-8; not read');
          continue;
        }
        if (entry.isDirectory()) stack.push({ folder: true, path, realPath, relativePath });
        else if (entry.isFile()) {
          if (isArticlePath(entry.name))
            stack.push({
              folder: false,
              file: { path, relativePath, bundled, realPath, ...withDefaults },
              link: false,
            });
        } else if (entry.isSymbolicLink()) {
          const found = inspectPath(path, realRoot);
          if (found.kind === 'file' && isArticlePath(entry.name))
            stack.push({
              folder: false,
              file: { path, relativePath, bundled, realPath: found.realPath, ...withDefaults },
              link: true,
            });
          else if (found.kind === 'skipped' && (isArticlePath(entry.name) || isFolderOutside(path, found.reason)))
            onSkipped?.(path, found.reason);
        } else if (isArticlePath(entry.name)) {
          const found = inspectPath(path, realRoot);
          onSkipped?.(path, found.kind === 'skipped' ? found.reason : 'is not a regular file; not read');
        }
      }
    }
    // A linked file already listed under its own name (or through an earlier link) is not listed twice.
    const seen = new Map<string, string>();
    // Every walked file has its real path (the walk resolves it to tell links apart).
    for (const { file, link } of walked) if (!link) seen.set(file.realPath ?? file.path, file.path);
    for (const { file, link } of walked) {
      if (!link) files.push(file);
      else {
        const same = seen.get(file.realPath ?? file.path);
        if (same !== undefined) onSkipped?.(file.path, `is a link to ${same}, read under that name`);
        else {
          seen.set(file.realPath ?? file.path, file.path);
          files.push(file);
        }
      }
    }
  }
  return files;
}

/** Whether a skipped link is one to a folder outside the corpus: worth saying, as the user may expect it walked. */
export function isFolderOutside(path: string, reason: string): boolean {
  if (!/outside the corpus/.test(reason)) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads and decodes one corpus file; a file over the limit, not a regular file, or that cannot be read gives the reason. */
export function readCorpusText(
  file: string | { readonly path: string; readonly realPath?: string },
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Decoded {
  const path = typeof file === 'string' ? file : (file.realPath ?? file.path);
  const read = readRegularFile(path, maxFileBytes);
  return read.ok ? decodeCorpusFile(read.bytes, maxFileBytes) : { ok: false, reason: read.reason };
}

/** Reads one file into the corpus; a read error becomes a skipped-file problem. */
export function loadFile(
  corpus: Corpus,
  file: CorpusFile,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): FileProblem | undefined {
  if (isExtractedFormat(file.path)) {
    let key;
    try {
      const stat = lstatSync(file.realPath ?? file.path);
      key = { size: stat.size, mtime: stat.mtimeMs };
    } catch (error) {
      return corpus.setPrepared(file, { ok: false, reason: `cannot be read: ${(error as Error).message}` });
    }
    return corpus.setPrepared(file, prepareExtracted(file, key).prepared);
  }
  return corpus.setFile(file, readCorpusText(file, maxFileBytes));
}

/** The names a topic list may have at a corpus folder's root. */
export const TOPIC_LIST_NAMES = ['topics.yaml', 'topics.yml'] as const;

/** The names an entity catalog may have at a corpus folder's root. */
export const CATALOG_NAMES = ['entities.yaml', 'entities.yml', 'entities.json'] as const;

/**
 * Every file at a folder's root that is not an article but shapes the corpus:
 * what the loader reads, and what a live update reloads the corpus for.
 */
export const FOLDER_FILES: ReadonlySet<string> = new Set([...TOPIC_LIST_NAMES, ...CATALOG_NAMES, FOLDER_DEFAULTS_FILE]);

/** Reads the topic lists (`topics.yaml` or `topics.yml`) found at the roots of the folders. */
export function readTopicLists(
  folders: readonly CorpusFolder[],
  onProblem?: (problem: FileProblem) => void,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Topic[] {
  const topics: Topic[] = [];
  for (const folder of folders) {
    for (const name of TOPIC_LIST_NAMES) {
      const path = join(folder.root, name);
      const read = readFolderFile(path, realRootOf(folder.root), maxFileBytes);
      if (!read) continue;
      if ('reason' in read) {
        onProblem?.({ path, outcome: 'skipped', reason: read.reason });
        continue;
      }
      try {
        topics.push(...parseTopicList(read.text));
      } catch (error) {
        onProblem?.({ path, outcome: 'skipped', reason: (error as Error).message });
      }
    }
  }
  return topics;
}

/**
 * Records the entity catalogs (`entities.yaml` or `entities.json`) at the
 * roots of the folders. One that is there but cannot be read (not a regular
 * file, over the size limit, unreadable, not UTF-8) is reported.
 */
export function readCatalogs(
  corpus: Corpus,
  folders: readonly CorpusFolder[],
  onProblem?: (problem: FileProblem) => void,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): void {
  for (const folder of folders) {
    for (const name of CATALOG_NAMES) {
      const path = join(folder.root, name);
      const read = readFolderFile(path, realRootOf(folder.root), maxFileBytes);
      // No catalog here: entities are discovered from the text.
      if (!read) continue;
      if ('reason' in read) onProblem?.({ path, outcome: 'skipped', reason: `entity catalog ${read.reason}` });
      else corpus.setCatalog(path, read.text);
    }
  }
}

/** A new corpus with the folders' topic lists and entity catalogs, and no articles yet. */
export function emptyCorpus(
  folders: readonly CorpusFolder[],
  onProblem?: (problem: FileProblem) => void,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Corpus {
  const corpus = new Corpus(readTopicLists(folders, onProblem, maxFileBytes));
  readCatalogs(corpus, folders, onProblem, maxFileBytes);
  for (const folder of folders) {
    const { problem, defaults } = readFolderDefaults(folder.root);
    const outcome = defaults ? 'recovered' : 'skipped';
    if (problem) onProblem?.({ path: join(folder.root, FOLDER_DEFAULTS_FILE), outcome, reason: problem });
  }
  return corpus;
}

/**
 * Loads every article of the folders into a new corpus. Bad files are
 * reported, never thrown. Web pages and PDFs must have been read ahead
 * (`prefetchExtracted`); those not read are skipped with that reason.
 */
export function loadCorpus(options: LoadOptions): Corpus {
  const corpus = emptyCorpus(options.folders, options.onProblem, options.maxFileBytes);
  const skipped = (path: string, reason: string) => {
    const problem = corpus.setPrepared({ path }, { ok: false, reason });
    if (problem) options.onProblem?.(problem);
  };
  for (const file of listArticleFiles(options.folders, options.exclude, undefined, skipped)) {
    const problem = loadFile(corpus, file, options.maxFileBytes);
    if (problem) options.onProblem?.(problem);
  }
  return corpus;
}

/** Reads ahead the web pages and PDFs of the folders, off this thread, for `loadCorpus`. */
export async function prefetchExtracted(
  folders: readonly CorpusFolder[],
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<void> {
  const files = listArticleFiles(folders).filter((file) => isExtractedFormat(file.path));
  if (files.length > 0) await extractions.prefetch(files, maxFileBytes);
}
