import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Corpus } from '../core/corpus';
import type { FileProblem, Topic } from '../core/model';
import { decodeCorpusFile, DEFAULT_MAX_FILE_BYTES, tooLargeReason } from '../core/parse/decode';
import { parseTopicList } from '../core/topicList';

export const ARTICLE_EXTENSIONS = /\.(md|markdown|txt)$/i;

export interface CorpusFolder {
  readonly root: string;
  readonly bundled?: boolean;
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
}

/** Lists the article files of the folders, sorted, skipping hidden folders and `node_modules`. */
export function listArticleFiles(folders: readonly CorpusFolder[], exclude?: (relativePath: string) => boolean): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const folder of folders) {
    const walk = (dir: string) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        const relativePath = relative(folder.root, path).split(sep).join('/');
        if (exclude?.(relativePath)) continue;
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile() && ARTICLE_EXTENSIONS.test(entry.name)) files.push({ path, relativePath, bundled: folder.bundled ?? false });
      }
    };
    walk(folder.root);
  }
  return files;
}

/** Reads one file into the corpus; a read error becomes a skipped-file problem. */
export function loadFile(corpus: Corpus, file: CorpusFile, maxFileBytes = DEFAULT_MAX_FILE_BYTES): FileProblem | undefined {
  let bytes: Uint8Array;
  try {
    const size = statSync(file.path).size;
    if (size > maxFileBytes) return corpus.setFile(file, { ok: false, reason: tooLargeReason(size, maxFileBytes) });
    bytes = readFileSync(file.path);
  } catch (error) {
    return corpus.setFile(file, { ok: false, reason: `cannot be read: ${(error as Error).message}` });
  }
  return corpus.setFile(file, decodeCorpusFile(bytes, maxFileBytes));
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

export interface AsyncLoadOptions extends LoadOptions {
  /** Stops the load between files; the corpus keeps what was read. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Loads like `loadCorpus`, reading files asynchronously and yielding to the
 * event loop between batches, so an extension host stays responsive while a
 * large corpus loads.
 */
export async function loadCorpusAsync(options: AsyncLoadOptions, corpus?: Corpus): Promise<Corpus> {
  const target = corpus ?? emptyCorpus(options.folders, options.onProblem);
  const files = listArticleFiles(options.folders, options.exclude);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const batch = 64;
  for (let i = 0; i < files.length; i += batch) {
    if (options.signal?.aborted) break;
    const slice = files.slice(i, i + batch);
    const contents = await Promise.all(slice.map((file) => readBytes(file.path, maxBytes)));
    slice.forEach((file, j) => {
      const read = contents[j]!;
      const problem = target.setFile(file, 'bytes' in read ? decodeCorpusFile(read.bytes, maxBytes) : { ok: false, reason: read.reason });
      if (problem) options.onProblem?.(problem);
    });
    options.onProgress?.(Math.min(i + batch, files.length), files.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return target;
}

async function readBytes(path: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { reason: string }> {
  try {
    const { size } = await stat(path);
    if (size > maxBytes) return { reason: tooLargeReason(size, maxBytes) };
    return { bytes: await readFile(path) };
  } catch (error) {
    return { reason: `cannot be read: ${(error as Error).message}` };
  }
}
