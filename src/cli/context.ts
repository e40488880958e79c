import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Corpus } from '../core/corpus';
import type { FileProblem } from '../core/model';
import { type CorpusFolder, loadCorpus } from '../node/corpusFiles';
import type { CliOptions } from './args';

/** What a subcommand is handed: its options, the corpus (loaded on first use) and where to write. */
export interface CliContext {
  readonly options: CliOptions;
  readonly folders: readonly CorpusFolder[];
  corpus(): Corpus;
  /** Files skipped or read best-effort while loading. */
  problems(): readonly FileProblem[];
  out(text: string): void;
}

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Returns the process exit code. */
  run(context: CliContext): number | Promise<number>;
}

/** The corpus shipped with the package: `corpus/` beside `dist/`. */
export function bundledCorpusDir(): string {
  for (const dir of [join(__dirname, '..', 'corpus'), join(__dirname, '..', '..', 'corpus')]) {
    if (existsSync(join(dir, 'topics.yaml'))) return dir;
  }
  throw new Error('the bundled corpus folder was not found beside the CLI');
}

export function createContext(options: CliOptions, write: (text: string) => void): CliContext {
  const folders: CorpusFolder[] = [
    ...(options.bundled ? [{ root: bundledCorpusDir(), bundled: true }] : []),
    ...options.corpus.map((dir) => {
      const root = resolve(dir);
      if (!existsSync(root)) throw new Error(`corpus folder not found: ${dir}`);
      return { root };
    }),
  ];
  let corpus: Corpus | undefined;
  const problems: FileProblem[] = [];
  return {
    options,
    folders,
    corpus: () => (corpus ??= loadCorpus({ folders, onProblem: (problem) => problems.push(problem) })),
    problems: () => problems,
    out: write,
  };
}
