import * as vscode from 'vscode';
import type { Grouping } from '../core/topicTree';

/**
 * Every Sourcebook setting (under `sourcebook.`) with its default, which also
 * gives its type. The manifest test holds package.json to this table, so a
 * setting is declared, defaulted and read in one shape.
 */
export const SETTINGS = {
  'archive.url': '',
  'corpus.paths': [] as readonly string[],
  'corpus.includeBundled': true,
  'corpus.exclude': ['**/node_modules/**', '**/.git/**'] as readonly string[],
  'corpus.maxFileSize': 2048,
  'library.paths': [] as readonly string[],
  'hover.enabled': true,
  'hover.decorations': true,
  'citation.style': 'footnote' as string,
  'citation.bibliography': 'references.json',
  'integrity.enabled': true,
  'topics.groupBy': 'topic' as Grouping,
};

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K];

/** A setting's value for a scope (a note, a workspace folder; `null` for no particular one), else its default. */
export function setting<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope | null): SettingValue<K> {
  return vscode.workspace.getConfiguration('sourcebook', scope).get<SettingValue<K>>(key, SETTINGS[key]);
}

/** A setting's value at each level (user, workspace, folder), for saying where the one in force is set. */
export function inspectSetting<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope | null) {
  return vscode.workspace.getConfiguration('sourcebook', scope).inspect<SettingValue<K>>(key);
}

/** Writes a setting at a level (for a note's folder, with `scope`). */
export function updateSetting<K extends SettingKey>(
  key: K,
  value: SettingValue<K>,
  target: vscode.ConfigurationTarget,
  scope?: vscode.ConfigurationScope | null,
): Thenable<void> {
  return vscode.workspace.getConfiguration('sourcebook', scope).update(key, value, target);
}

/**
 * A setting that points Sourcebook at something to read or reach: corpus and
 * library folders, the bibliography file, the archive's server. In an
 * untrusted workspace only the user's own value counts — a cloned repository
 * must not point Sourcebook at files or servers of its choosing — and
 * `ignoredWorkspaceValue` says a value of the workspace's was left out.
 */
export function settingUnderTrust<K extends SettingKey>(
  key: K,
  scope?: vscode.ConfigurationScope | null,
): { readonly value: SettingValue<K>; readonly ignoredWorkspaceValue: boolean } {
  if (vscode.workspace.isTrusted) return { value: setting(key, scope), ignoredWorkspaceValue: false };
  const inspected = inspectSetting(key, scope);
  const set = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0) && value !== '';
  return {
    value: inspected?.globalValue ?? SETTINGS[key],
    ignoredWorkspaceValue: set(inspected?.workspaceValue) || set(inspected?.workspaceFolderValue),
  };
}
