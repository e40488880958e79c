import * as vscode from 'vscode';

/** Typed access to Sourcebook's settings; the keys match package.json. */
export function setting<T>(section: string, fallback: T, scope?: vscode.ConfigurationScope | null): T {
  return vscode.workspace.getConfiguration('sourcebook', scope).get<T>(section, fallback);
}

/**
 * Corpus folders to read. In an untrusted workspace, folders set by the
 * workspace itself are ignored: a cloned repository must not make Sourcebook
 * read files elsewhere on the machine. Only the user's own setting counts.
 */
export function corpusPaths(): string[] {
  const config = vscode.workspace.getConfiguration('sourcebook');
  if (vscode.workspace.isTrusted) return config.get<string[]>('corpus.paths', []);
  return config.inspect<string[]>('corpus.paths')?.globalValue ?? [];
}
