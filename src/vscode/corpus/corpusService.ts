import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { Corpus } from '../../core/corpus';
import type { FileProblem } from '../../core/model';
import { type CorpusFolder, emptyCorpus, loadCorpusAsync } from '../../node/corpusFiles';
import { ContextKeys } from '../commandIds';
import { corpusPaths, setting } from '../settings';

/**
 * Owns the loaded corpus: which folders it comes from (settings, trust), the
 * background load, and reporting of bad files to the log and, for the user's
 * own files, the Problems panel. Features read `current` and listen to
 * `onDidChange`; they never load files themselves.
 */
export class CorpusService implements vscode.Disposable {
  private corpus = new Corpus();
  private readonly changed = new vscode.EventEmitter<Corpus>();
  readonly onDidChange = this.changed.event;
  private readonly fileProblems = vscode.languages.createDiagnosticCollection('sourcebook-corpus');
  private loading: Promise<Corpus> | undefined;
  private loads = 0;

  constructor(
    private readonly bundledDir: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get current(): Corpus {
    return this.corpus;
  }

  /** Resolves when the first load (or the reload in progress) has finished. */
  get ready(): Promise<Corpus> {
    return this.loading ?? this.reload();
  }

  /** The folders to read, from the settings, resolved against the workspace. */
  folders(): CorpusFolder[] {
    const folders: CorpusFolder[] = [];
    if (setting('corpus.includeBundled', true)) folders.push({ root: this.bundledDir, bundled: true });
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    for (const path of corpusPaths()) {
      if (isAbsolute(path)) folders.push({ root: path });
      else if (workspace) folders.push({ root: join(workspace, path) });
      else this.log.warn(`corpus folder "${path}" is relative but no workspace folder is open; ignored`);
    }
    return folders;
  }

  /** Loads the corpus afresh in the background and swaps it in when done. */
  reload(): Promise<Corpus> {
    const run = async () => {
      const started = Date.now();
      const folders = this.folders();
      const problems: FileProblem[] = [];
      const onProblem = (problem: FileProblem) => problems.push(problem);
      const corpus = await loadCorpusAsync({
        folders,
        maxFileBytes: setting('corpus.maxFileSize', 2048) * 1024,
        onProblem,
      }, emptyCorpus(folders, onProblem));
      this.corpus = corpus;
      this.loads++;
      this.report(problems, folders);
      this.log.info(`corpus loaded: ${corpus.size} articles from ${folders.length} folder(s) in ${Date.now() - started} ms (load #${this.loads})`);
      await vscode.commands.executeCommand('setContext', ContextKeys.corpusEmpty, corpus.size === 0);
      await vscode.commands.executeCommand('setContext', ContextKeys.corpusLoaded, true);
      this.changed.fire(corpus);
      return corpus;
    };
    const loading = run().catch((error: unknown) => {
      this.log.error('corpus load failed', error);
      throw error;
    });
    this.loading = loading;
    return loading;
  }

  private report(problems: readonly FileProblem[], folders: readonly CorpusFolder[]): void {
    this.fileProblems.clear();
    const bundledRoots = folders.filter((f) => f.bundled).map((f) => f.root);
    for (const problem of problems) {
      const line = `${problem.outcome === 'skipped' ? 'skipped' : 'read best-effort'} ${problem.path}: ${problem.reason}`;
      if (problem.outcome === 'skipped') this.log.warn(line);
      else this.log.info(line);
      if (bundledRoots.some((root) => problem.path.startsWith(root))) continue;
      const severity = problem.outcome === 'skipped' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Sourcebook ${line.split(' ')[0]} this corpus file: ${problem.reason}`, severity);
      diagnostic.source = 'sourcebook';
      const uri = vscode.Uri.file(problem.path);
      this.fileProblems.set(uri, [...(this.fileProblems.get(uri) ?? []), diagnostic]);
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.fileProblems.dispose();
  }
}
