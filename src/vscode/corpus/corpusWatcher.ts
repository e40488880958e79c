import * as vscode from 'vscode';

/** How long the file system must be quiet before a batch is applied, and the longest a change waits. */
const QUIET_MS = 250;
const MAX_WAIT_MS = 2000;

/**
 * Watches corpus folders (inside the workspace or not) and hands on changed
 * paths in debounced batches: a `git checkout` that touches a thousand files
 * is one batch. Every path is watched, not only article files, because a
 * deleted or renamed folder is reported as the folder alone.
 */
export class CorpusWatcher implements vscode.Disposable {
  private readonly watchers: vscode.FileSystemWatcher[] = [];
  private readonly pending = new Set<string>();
  private quiet: ReturnType<typeof setTimeout> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;

  constructor(
    roots: readonly string[],
    /** Says whether a changed path can matter (not hidden, not excluded); others are dropped at once. */
    private readonly relevant: (path: string) => boolean,
    private readonly onBatch: (paths: string[]) => void,
  ) {
    for (const root of roots) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*'));
      const add = (uri: vscode.Uri) => this.add(uri.fsPath);
      watcher.onDidCreate(add);
      watcher.onDidChange(add);
      watcher.onDidDelete(add);
      this.watchers.push(watcher);
    }
  }

  /** Queues a path as if the file system had reported it. */
  add(path: string): void {
    if (!this.relevant(path)) return;
    this.pending.add(path);
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.flush(), QUIET_MS);
    this.deadline ??= setTimeout(() => this.flush(), MAX_WAIT_MS);
  }

  private flush(): void {
    clearTimeout(this.quiet);
    clearTimeout(this.deadline);
    this.quiet = this.deadline = undefined;
    if (this.pending.size === 0) return;
    const paths = [...this.pending];
    this.pending.clear();
    this.onBatch(paths);
  }

  dispose(): void {
    clearTimeout(this.quiet);
    clearTimeout(this.deadline);
    this.pending.clear();
    for (const watcher of this.watchers) watcher.dispose();
  }
}
