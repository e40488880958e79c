import * as vscode from 'vscode';
import { checkNote, type QuoteProblem } from '../../core/integrity/checkNote';
import { foldUnknownArticles } from '../../core/integrity/unloadedArticles';
import { articleUri } from '../corpus/articleDocuments';
import type { CorpusService } from '../corpus/corpusService';
import { isNote } from '../notes';
import { openDocumentAt, toRange } from '../convert';
import { KeyedDebouncer } from '../debouncer';

/** How long typing must pause before a note is checked again. */
const DEBOUNCE_MS = 300;

/**
 * Keeps the Problems panel's quote-integrity entries for Markdown notes: on
 * open, as the user types (debounced), and whenever the corpus changes. The
 * problems of each checked text are kept with its version, so the quick fix
 * reads the same answer the diagnostic came from.
 */
export class QuoteDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('sourcebook-integrity');
  private readonly timers = new KeyedDebouncer<string>();
  /** Per document object (a reopened document may reuse a URI and a version number). */
  private checked = new WeakMap<vscode.TextDocument, { version: number; problems: QuoteProblem[] }>();
  private readonly subscriptions: vscode.Disposable[];
  /** Until the corpus has loaded, every citation would look unknown: nothing is checked before. */
  private corpusLoaded = false;
  /** After *Check Quotes in Workspace*, closed notes keep their problems. */
  private workspaceChecked = false;

  constructor(
    private readonly corpus: CorpusService,
    private readonly log: vscode.LogOutputChannel,
    private readonly enabled: () => boolean,
  ) {
    const notesOnDisk = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}', true, false, false);
    this.subscriptions = [
      notesOnDisk,
      notesOnDisk.onDidChange((uri) => void this.changedOnDisk(uri)),
      notesOnDisk.onDidDelete((uri) => this.collection.delete(uri)),
      vscode.workspace.onDidOpenTextDocument((document) => this.checkDocument(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => void this.closed(document)),
      corpus.onDidChange(() => {
        this.corpusLoaded = true;
        this.checked = new WeakMap();
        this.checkOpenDocuments();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('sourcebook.integrity.enabled')) return;
        if (this.enabled()) this.checkOpenDocuments();
        else this.clear();
      }),
    ];
  }

  /** Whether a document is a note to check (the one rule of `../notes`). */
  isNote(document: vscode.TextDocument): boolean {
    return isNote(document, this.corpus.current);
  }

  checkOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.checkDocument(document);
  }

  /** Checks a document now, if it is a note and checking is on. */
  checkDocument(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    if (!this.corpusLoaded || !this.enabled() || !this.isNote(document)) return;
    this.publish(document.uri, this.problemsOf(document));
  }

  /** The problems of the document's current text (checked again if it changed since). */
  problemsOf(document: vscode.TextDocument): QuoteProblem[] {
    const known = this.checked.get(document);
    if (known && known.version === document.version) return known.problems;
    const problems = this.check(document.getText(), document.uri);
    this.checked.set(document, { version: document.version, problems });
    return problems;
  }

  /** Checks a note's text and shows its problems (used for files that are not open). */
  publishText(uri: vscode.Uri, text: string): QuoteProblem[] {
    const problems = this.check(text, uri);
    this.publish(uri, problems);
    this.workspaceChecked = true;
    return problems;
  }

  private check(text: string, uri: vscode.Uri): QuoteProblem[] {
    try {
      return checkNote(text, this.corpus.current);
    } catch (error) {
      this.log.error(`checking the quotes of ${uri.toString(true)} failed`, error);
      return [];
    }
  }

  private publish(uri: vscode.Uri, problems: readonly QuoteProblem[]): void {
    // Citations of articles that are not loaded are one error, not one per quote.
    const shown = foldUnknownArticles(problems, this.corpus.current.size);
    this.collection.set(
      uri,
      shown.map(({ problem, also }) => {
        const diagnostic = this.diagnostic(problem);
        if (also.length > 0)
          diagnostic.relatedInformation = also.map(
            (other) =>
              new vscode.DiagnosticRelatedInformation(
                new vscode.Location(uri, toRange(other.range)),
                `Also cites an article that is not loaded${other.articleId ? `: ${other.articleId}` : ''}`,
              ),
          );
        return diagnostic;
      }),
    );
  }

  /** The diagnostic shown for a problem. */
  diagnostic(problem: QuoteProblem): vscode.Diagnostic {
    const severity =
      problem.severity === 'error'
        ? vscode.DiagnosticSeverity.Error
        : problem.severity === 'information'
          ? vscode.DiagnosticSeverity.Information
          : vscode.DiagnosticSeverity.Warning;
    const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, severity);
    diagnostic.source = 'sourcebook';
    diagnostic.code = problem.code;
    const article = problem.closest && this.corpus.current.article(problem.closest.articleId);
    if (problem.closest && article) {
      const location = new vscode.Location(articleUri(article), toRange(problem.closest.range));
      diagnostic.relatedInformation = [
        new vscode.DiagnosticRelatedInformation(location, `Source: ${problem.closest.text}`),
      ];
    }
    return diagnostic;
  }

  private schedule(document: vscode.TextDocument): void {
    if (!this.isNote(document)) return;
    this.cancel(document.uri);
    this.timers.schedule(document.uri.toString(), DEBOUNCE_MS, () => this.checkDocument(document));
  }

  private cancel(uri: vscode.Uri): void {
    this.timers.cancel(uri.toString());
  }

  private async closed(document: vscode.TextDocument): Promise<void> {
    this.cancel(document.uri);
    this.checked.delete(document);
    if (!this.workspaceChecked || document.uri.scheme !== 'file' || !this.enabled())
      this.collection.delete(document.uri);
    // A closed note's problems are those of the file on disk, as the workspace check found them.
    else await this.checkFile(document.uri);
  }

  /** A note changed on disk while closed: after a workspace check, its problems are brought up to date. */
  private async changedOnDisk(uri: vscode.Uri): Promise<void> {
    const open = openDocumentAt(uri) !== undefined;
    const note = !uri.path.includes('/node_modules/') && this.corpus.current.articleAt(uri.fsPath) === undefined;
    if (note && !open && this.workspaceChecked && this.enabled()) await this.checkFile(uri);
  }

  private async checkFile(uri: vscode.Uri): Promise<void> {
    try {
      this.publishText(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      this.collection.delete(uri);
    }
  }

  clear(): void {
    this.timers.dispose();
    this.checked = new WeakMap();
    this.collection.clear();
  }

  dispose(): void {
    this.clear();
    this.collection.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
