import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Loads every article of the folders into a new corpus. Bad files are reported, never thrown. */
export function loadCorpus(options: LoadOptions): Corpus {
  const corpus = new Corpus(readTopicLists(options.folders, options.onProblem));
  for (const file of listArticleFiles(options.folders, options.exclude)) {
    const problem = loadFile(corpus, file, options.maxFileBytes);
    if (problem) options.onProblem?.(problem);
  }
  return corpus;
}
