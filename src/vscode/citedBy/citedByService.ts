import * as vscode from 'vscode';
import { CitedBy, type CitingNote, citationsInNote } from '../../core/citedBy';
import { entityIndexFor } from '../../core/entities';
import { openDocumentAt } from '../convert';
import type { CorpusService } from '../corpus/corpusService';
import { Debouncer, KeyedDebouncer } from '../debouncer';
import { isNote, readNote, workspaceNotes } from '../notes';

/** Pause after typing before a note's citations are read again. */
const TYPING_PAUSE_MS = 300;
/** Pause after a corpus change or a burst of file events before every note is read again. */
const RESCAN_PAUSE_MS = 500;

/**
 * Who cites what in the workspace's notes, kept current: every note on disk
 * is read once the corpus is loaded, an open note again after each pause in
 * typing, a note file when it is created, changed or deleted, and every note
 * when the corpus changes (a citation may now resolve, or no longer). Shared:
 * the Cited by view lists it, the Topics view counts it.
 */
export class CitedByService implements vscode.Disposable {
  private readonly cited = new CitedBy();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the citations of any note changed. */
  readonly onDidChange = this.changed.event;
  private readonly typing = new KeyedDebouncer<string>();
  private readonly rescans = new Debouncer();
  private readonly subscriptions: vscode.Disposable[];
  private scanning: Promise<void> = Promise.resolve();
  /** Reads begun so far, and the number of the last one begun of each note. */
  private reads = 0;
  private readonly readAt = new Map<string, number>();
  private started = false;

  constructor(private readonly corpus: CorpusService) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.subscriptions = [
      watcher,
      watcher.onDidCreate((uri) => void this.readFile(uri)),
      watcher.onDidChange((uri) => void this.readFile(uri)),
      watcher.onDidDelete((uri) => this.forget(uri.toString())),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (!isNote(document, this.corpus.current)) return;
        const key = document.uri.toString();
        this.typing.schedule(key, TYPING_PAUSE_MS, () => this.readDocument(document));
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.readDocument(document)),
      // A closed note is what its file says (an unsaved one is gone).
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.typing.cancel(document.uri.toString());
        if (document.uri.scheme === 'untitled') this.forget(document.uri.toString());
        else if (document.uri.scheme === 'file') void this.readFile(document.uri, true);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescanSoon()),
      corpus.onDidChange(() => this.rescanSoon()),
    ];
  }

  /** Resolves once every note of the workspace has been read (after the corpus loaded). */
  get ready(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.scanning = this.corpus.ready.then(
        () => this.rescan(),
        () => this.rescan(),
      );
    }
    return this.scanning;
  }

  /** The notes (as URIs) that cite an article, with the places, in note order. */
  citing(articleId: string): CitingNote[] {
    void this.ready;
    return this.cited.citing(articleId);
  }

  /** How many notes cite an article. */
  noteCount(articleId: string): number {
    void this.ready;
    return this.cited.noteCount(articleId);
  }

  /** Every cited article's id with how many notes cite it. */
  articleCounts(): Map<string, number> {
    void this.ready;
    return this.cited.articleCounts();
  }

  /** The places in notes that quote or cite a passage naming an entity. */
  mentioning(entityId: string): CitingNote[] {
    void this.ready;
    return this.cited.mentioning(entityId, entityIndexFor(this.corpus.current));
  }

  private rescanSoon(): void {
    if (!this.started) return;
    this.rescans.schedule(RESCAN_PAUSE_MS, () => {
      this.scanning = this.scanning.then(() => this.rescan());
    });
  }

  /** Reads every note of the workspace again, and forgets notes that are gone. */
  private async rescan(): Promise<void> {
    const corpus = this.corpus.current;
    // A note read on its own while this runs is newer than what this read of it: that one is kept.
    const started = this.reads;
    const found = new Map<string, string>();
    for (const uri of await workspaceNotes(corpus)) {
      const text = await readNote(uri);
      if (text !== undefined) found.set(uri.toString(), text);
    }
    // Open notes as they are in the editor, those outside the workspace and unsaved ones too.
    for (const document of vscode.workspace.textDocuments)
      if (isNote(document, corpus)) found.set(document.uri.toString(), document.getText());
    const newer = (note: string) => (this.readAt.get(note) ?? 0) > started;
    this.update(() => {
      for (const note of this.cited.notes()) if (!found.has(note) && !newer(note)) this.cited.delete(note);
      for (const [note, text] of found) if (!newer(note)) this.cited.set(note, citationsInNote(text, corpus));
    });
  }

  /** Forgets a note that is gone (a rescan under way does not bring it back). */
  private forget(note: string): void {
    this.readNow(note);
    this.update(() => this.cited.delete(note));
  }

  /** Marks a note as read now; the number tells later reads from earlier ones. */
  private readNow(note: string): number {
    const at = ++this.reads;
    this.readAt.set(note, at);
    return at;
  }

  private async readFile(uri: vscode.Uri, closing = false): Promise<void> {
    if (!this.started || this.corpus.current.articleAt(uri.fsPath) || uri.path.includes('/node_modules/')) return;
    // A note outside the workspace is followed only while it is open.
    const listed =
      vscode.workspace.getWorkspaceFolder(uri) !== undefined || (!closing && openDocumentAt(uri) !== undefined);
    const note = uri.toString();
    const at = this.readNow(note);
    const text = listed ? await readNote(uri) : undefined;
    // Two reads of one file may end out of order: only the last one begun counts.
    if (this.readAt.get(note) !== at) return;
    this.update(() => {
      if (text === undefined) this.cited.delete(uri.toString());
      else this.cited.set(uri.toString(), citationsInNote(text, this.corpus.current));
    });
  }

  private readDocument(document: vscode.TextDocument): void {
    if (!this.started || !isNote(document, this.corpus.current)) return;
    this.readNow(document.uri.toString());
    this.update(() =>
      this.cited.set(document.uri.toString(), citationsInNote(document.getText(), this.corpus.current)),
    );
  }

  /** Runs a change and fires `onDidChange` if it changed what is cited. */
  private update(change: () => void): void {
    const before = this.cited.version;
    change();
    if (this.cited.version !== before) this.changed.fire();
  }

  dispose(): void {
    this.typing.dispose();
    this.rescans.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
