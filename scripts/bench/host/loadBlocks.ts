// Runs inside a real VS Code extension host (as an extensionTestsPath module):
// the longest time the extension host's thread is blocked while Sourcebook
// loads the corpus folder SOURCEBOOK_BENCH_CORPUS (set as a user setting, so
// the workspace is not touched) with a note open, and for a while after it,
// when the search index warms and the note's entity underlines are made.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../../src/extension';

/** How long after the load the thread is still watched: the background work a load sets off. */
const SETTLE_MS = 20_000;

/** Longest gap between ticks of a 10 ms timer, and the event loop's own delay histogram, over one stretch. */
function watchThread() {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let longestGap = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  return () => {
    clearInterval(ticker);
    histogram.disable();
    return { longestGapMs: longestGap, maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6 };
  };
}

export async function run(): Promise<void> {
  const folder = process.env.SOURCEBOOK_BENCH_CORPUS;
  if (!folder) throw new Error('SOURCEBOOK_BENCH_CORPUS is not set');
  const extension = vscode.extensions.getExtension<SourcebookApi>('sourcebook.sourcebook');
  if (!extension) throw new Error('sourcebook.sourcebook is not installed in this host');
  const api = await extension.activate();
  await api.services.corpus.ready;
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (workspace) await vscode.window.showTextDocument(vscode.Uri.file(join(workspace, 'alibaba-thesis.md')));
  const loading = watchThread();
  const started = performance.now();
  await vscode.workspace
    .getConfiguration('sourcebook')
    .update('corpus.paths', [folder], vscode.ConfigurationTarget.Global);
  for (;;) {
    if (api.services.corpus.loadedFolderList.some((f) => f.root === folder)) break;
    if (performance.now() - started > 600_000) throw new Error('the corpus folder was never loaded');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const corpus = await api.services.corpus.ready;
  const loadMs = performance.now() - started;
  const load = loading();
  const settling = watchThread();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const after = settling();
  const { stats } = api.services.corpus;
  console.log(
    `SOURCEBOOK_BENCH ${JSON.stringify({ folder, articles: corpus.size, loadMs, parsed: stats.parsed, fromCache: stats.fromCache, load, after, settleMs: SETTLE_MS })}`,
  );
}
