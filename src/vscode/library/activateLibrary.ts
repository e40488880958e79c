import { basename, dirname, isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { Library } from '../../core/library/match';
import { readLibraries } from '../../node/library';
import type { Services } from '../services';
import { CitationKeyCompletions, CitationKeyHovers } from './citationKeys';
import { settingUnderTrust } from '../settings';

/**
 * The analyst's reference library (`sourcebook.library.paths`: CSL-JSON or
 * BibTeX files, e.g. a Zotero export kept current by Better BibTeX): read at
 * start, read again when a file or the setting changes, matched to every
 * corpus the service loads. Bad entries are warnings in the log. Typing `[@`
 * in a note completes keys; hovering a key shows its reference.
 */
export function activateLibrary(services: Services): { current(): Library } {
  const { context, corpus, log } = services;
  let library = new Library();
  let watchers: vscode.Disposable[] = [];

  const paths = (): string[] => {
    const { value: configured } = settingUnderTrust('library.paths', null);
    // Relative paths are the workspace's; the user's own (all an untrusted workspace reads) must be absolute.
    if (!vscode.workspace.isTrusted) return configured.filter((path) => typeof path === 'string' && isAbsolute(path));
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return configured
      .filter((path): path is string => typeof path === 'string' && path.trim() !== '')
      .map((path) => (isAbsolute(path) || !base ? path : join(base, path)));
  };
  const apply = () => {
    if (corpus.current.library !== library) corpus.current.setLibrary(library);
  };
  const load = () => {
    const files = paths();
    const loaded = readLibraries(files);
    library = loaded.library;
    if (files.length > 0) log.info(`library: ${library.items.length} entries from ${files.length} file(s)`);
    for (const warning of loaded.warnings) log.warn(`library: ${warning}`);
    apply();
    for (const watcher of watchers) watcher.dispose();
    watchers = files.map((file) => {
      // A pattern with a base folder: watched even outside the workspace, where a Zotero export usually is.
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(dirname(file)), basename(file)),
      );
      const reload = () => load();
      watcher.onDidChange(reload);
      watcher.onDidCreate(reload);
      watcher.onDidDelete(reload);
      return watcher;
    });
  };

  const current = () => library;
  context.subscriptions.push(
    corpus.onDidChange(apply),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sourcebook.library')) load();
    }),
    vscode.languages.registerCompletionItemProvider(
      { language: 'markdown' },
      new CitationKeyCompletions(current, () => corpus.current),
      '@',
    ),
    vscode.languages.registerHoverProvider(
      { language: 'markdown' },
      new CitationKeyHovers(current, () => corpus.current),
    ),
    {
      dispose: () => {
        for (const watcher of watchers) watcher.dispose();
      },
    },
  );
  load();
  return { current };
}
