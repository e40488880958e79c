import * as vscode from 'vscode';

/** A load's progress in the UI: nothing for a quick load, a cancellable notification for a long one. */
export interface LoadProgress {
  report(done: number, total: number): void;
  /** Closes the notification, if it was shown. */
  done(): void;
}

/**
 * Shows a cancellable "Indexing the corpus" notification if the load is still
 * running after `delayMs`: a load from the persisted index is over before
 * that, and a notification that flashes for a moment is noise. Cancelling
 * aborts `controller`.
 */
export function loadProgress(controller: AbortController, delayMs = 500): LoadProgress {
  let latest = { done: 0, total: 0 };
  let shownPercent = 0;
  let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const update = () => {
    if (!progress || latest.total === 0) return;
    const percent = Math.floor((latest.done / latest.total) * 100);
    progress.report({ message: `${latest.done.toLocaleString('en')} of ${latest.total.toLocaleString('en')} files`, increment: percent - shownPercent });
    shownPercent = percent;
  };
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Sourcebook: indexing the corpus', cancellable: true },
      (shown, token) => {
        progress = shown;
        token.onCancellationRequested(() => controller.abort());
        update();
        return finished;
      },
    );
  }, delayMs);
  return {
    report(done, total) {
      latest = { done, total };
      update();
    },
    done() {
      clearTimeout(timer);
      finish();
    },
  };
}
