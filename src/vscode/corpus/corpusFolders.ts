import { statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { CorpusFolder } from '../../node/corpusFolder';
import { isInside } from '../../node/corpusPaths';
import { IndexStore } from '../../node/indexCache';
import { SETTINGS, setting, settingUnderTrust } from '../settings';


/**
 * The corpus folders the settings name, resolved: `sourcebook.corpus.paths`
 * per workspace folder (a relative path is relative to that folder), with the
 * exclude globs, after the bundled corpus when it is included. In an
 * untrusted workspace only the user's own setting counts: a cloned repository
 * must not make Sourcebook read files elsewhere on the machine. A folder
 * inside another configured one is left out (its files are read once).
 */
export function configuredFolders(bundledDir: string, log: vscode.LogOutputChannel): CorpusFolder[] {
  const exclude = [...setting('corpus.exclude')];
  const roots: string[] = [];
  const add = (path: string, base: string | undefined) => {
    if (!isAbsolute(path) && !base) {
      log.warn(`corpus folder "${path}" is relative but no workspace folder is open; ignored`);
      return;
    }
    const root = resolve(base ?? '/', path);
    if (!isDirectory(root)) log.warn(`corpus folder ${root} (from sourcebook.corpus.paths) does not exist or is not a folder`);
    else if (!roots.includes(root)) roots.push(root);
  };
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  if (!vscode.workspace.isTrusted) {
    const { value: own, ignoredWorkspaceValue } = settingUnderTrust('corpus.paths');
    if (ignoredWorkspaceValue) log.info('the workspace is not trusted: corpus folders from its settings are not read');
    for (const path of own) {
      if (isAbsolute(path) || workspaceFolders.length === 0) add(path, undefined);
      else for (const folder of workspaceFolders) add(path, folder.uri.fsPath);
    }
  } else if (workspaceFolders.length === 0) {
    for (const path of setting('corpus.paths')) add(path, undefined);
  } else {
    for (const folder of workspaceFolders) {
      for (const path of setting('corpus.paths', folder.uri)) add(path, folder.uri.fsPath);
    }
  }
  const outer = roots.filter((root) => !roots.some((other) => other !== root && isInside(other, root)));
  return [
    ...(setting('corpus.includeBundled') ? [{ root: bundledDir, bundled: true }] : []),
    ...outer.map((root) => ({ root, exclude })),
  ];
}

/** Largest corpus file to read, in bytes, from `sourcebook.corpus.maxFileSize` (KB). */
export function maxFileBytes(): number {
  const kb = setting('corpus.maxFileSize');
  return (Number.isFinite(kb) && kb > 0 ? kb : SETTINGS['corpus.maxFileSize']) * 1024;
}

/**
 * Where this extension keeps persisted corpus indexes: its global storage, so
 * windows that read the same folder share one index. The producer names this
 * build (version and the bundle's time), so records made by other code are
 * discarded rather than trusted.
 */
export function indexStoreFor(context: vscode.ExtensionContext): IndexStore {
  const packageJSON = context.extension.packageJSON as { version?: string; main?: string };
  let built = 0;
  try {
    built = statSync(join(context.extensionPath, packageJSON.main ?? 'package.json')).mtimeMs;
  } catch {
    // Not a bundled build: the version alone names it.
  }
  return new IndexStore(join(context.globalStorageUri.fsPath, 'corpus-index'), `${packageJSON.version ?? '0'}+${built}`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
