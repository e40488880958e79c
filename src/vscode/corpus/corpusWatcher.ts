import * as vscode from 'vscode';
import { Debouncer } from '../debouncer';

/**
 * How long the file system must be quiet before a batch is applied, and the
 * longest a change waits. VS Code hands file events on in chunks of at most
 * 500, a fraction of a second apart: once a batch holds many paths (a
 * `git checkout`), it waits longer for the rest, so a thousand files are one
 * batch.
 */
const QUIET_MS = 400;
const STORM_QUIET_MS = 1500;
const STORM_PATHS = 200;
const MAX_WAIT_MS = 6000;

/**
 * Watches corpus folders (inside the workspace or not) and hands on changed
 * paths in debounced batches. Every path is watched, not only article files,
 * because a deleted or renamed folder is reported as the folder alone.
 * `watch` keeps the watchers of folders that stay, so a reload opens no gap
 * in which a change is missed.
 */
export class CorpusWatcher implements vscode.Disposable {
  private readonly watchers = new Map<string, vscode.FileSystemWatcher>();
  private readonly pending = new Set<string>();
  /** Waits for a pause in the changes… */
  private readonly quiet = new Debouncer();
  /** …but never longer than this after the first one. */
  private readonly deadline = new Debouncer();

  constructor(private readonly onBatch: (paths: string[]) => void) {}

  /** Says whether a changed path can matter (not hidden, not excluded); others are dropped at once. */
  private relevant: (path: string) => boolean = () => false;

  /** Watches exactly these folders from now on. Returns the folders not watched before. */
  watch(roots: readonly string[], relevant: (path: string) => boolean): string[] {
    const added: string[] = [];
    this.relevant = relevant;
    for (const [root, watcher] of this.watchers) {
      if (roots.includes(root)) continue;
      watcher.dispose();
      this.watchers.delete(root);
    }
    for (const root of roots) {
      if (this.watchers.has(root)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*'));
      const add = (uri: vscode.Uri) => this.add(uri.fsPath);
      watcher.onDidCreate(add);
      watcher.onDidChange(add);
      watcher.onDidDelete(add);
      this.watchers.set(root, watcher);
      added.push(root);
    }
    return added;
  }

  /** Queues a path as if the file system had reported it. */
  add(path: string): void {
    if (!this.relevant(path)) return;
    this.pending.add(path);
    this.quiet.schedule(this.pending.size >= STORM_PATHS ? STORM_QUIET_MS : QUIET_MS, () => this.flush());
    if (!this.deadline.pending) this.deadline.schedule(MAX_WAIT_MS, () => this.flush());
  }

  private flush(): void {
    this.quiet.cancel();
    this.deadline.cancel();
    if (this.pending.size === 0) return;
    const paths = [...this.pending];
    this.pending.clear();
    this.onBatch(paths);
  }

  dispose(): void {
    this.quiet.cancel();
    this.deadline.cancel();
    this.pending.clear();
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
  }
}
