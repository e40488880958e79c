import * as vscode from 'vscode';
import type { FileProblem } from '../../core/model';
import { isExpectedSkip } from '../../core/preparedFile';
import { isInside } from '../../node/corpusPaths';

/**
 * Reports files that were skipped or read best-effort: each one to the log as
 * it is met, and the user's own files (not the bundled ones) to the Problems
 * panel, where the list always shows the corpus as it is now.
 */
export class CorpusProblems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sourcebook-corpus');

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Writes one problem to the log. */
  logProblem(problem: FileProblem): void {
    if (isExpectedSkip(problem)) this.log.info(`left out ${problem.path}: ${problem.reason}`);
    else if (problem.outcome === 'skipped') this.log.warn(`skipped ${problem.path}: ${problem.reason}`);
    else this.log.info(`read best-effort ${problem.path}: ${problem.reason}`);
  }

  /** Replaces the Problems panel entries with these problems, leaving out files under `bundledRoots`. */
  show(problems: readonly FileProblem[], bundledRoots: readonly string[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of problems) {
      if (bundledRoots.some((root) => isInside(root, problem.path))) continue;
      const skipped = problem.outcome === 'skipped';
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `Sourcebook ${skipped ? 'skipped' : 'read best-effort'} this corpus file: ${problem.reason}`,
        // A README beside the articles is left out as it should be: information, not a warning.
        skipped && !isExpectedSkip(problem) ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = 'sourcebook';
      byFile.set(problem.path, [...(byFile.get(problem.path) ?? []), diagnostic]);
    }
    this.diagnostics.clear();
    this.diagnostics.set([...byFile].map(([path, diagnostics]) => [vscode.Uri.file(path), diagnostics]));
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
