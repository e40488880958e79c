import * as vscode from 'vscode';
import { type CitationStyle, CITATION_STYLES, isCitationStyle } from '../../core/citations';
import { inspectSetting, updateSetting } from '../settings';

const DEFAULT_STYLE: CitationStyle = 'footnote';

/** Where the citation style in force is set, most specific first. */
export type StyleSource = 'folder' | 'workspace' | 'user' | 'default';

/** The citation style that applies to a note, where it is set, and the user's own choice when another level overrides it. */
export interface StyleInForce {
  readonly style: CitationStyle;
  readonly source: StyleSource;
  /** The user's setting when a workspace or folder value overrides it with another style. */
  readonly overriddenUserStyle?: CitationStyle;
}

const SOURCE_LABELS: Record<StyleSource, string> = {
  folder: 'Workspace Folder settings',
  workspace: 'Workspace settings',
  user: 'User settings',
  default: 'the default',
};

/** "User settings", "Workspace settings"…: where a style is set, as the Settings editor names it. */
export function styleSourceLabel(source: StyleSource): string {
  return SOURCE_LABELS[source];
}

/**
 * The style `sourcebook.citation.style` gives the note `resource` (or the
 * window, without one), read level by level so the caller can say where it
 * comes from. A value that is not a style is skipped, as if unset.
 */
export function styleInForce(resource?: vscode.Uri): StyleInForce {
  // `null`: the value for no particular note, asked for explicitly (the setting is resource-scoped).
  const inspected = inspectSetting('citation.style', resource ?? null);
  const valid = (value: unknown) => (isCitationStyle(value) ? value : undefined);
  const user = valid(inspected?.globalValue);
  const levels: [StyleSource, CitationStyle | undefined][] = [
    ['folder', valid(inspected?.workspaceFolderValue)],
    ['workspace', valid(inspected?.workspaceValue)],
    ['user', user],
  ];
  for (const [source, style] of levels) {
    if (!style) continue;
    const overridden = source !== 'user' && user !== undefined && user !== style;
    return { style, source, ...(overridden ? { overriddenUserStyle: user } : {}) };
  }
  return { style: DEFAULT_STYLE, source: 'default' };
}

/** One line saying which style applies and where it is set, e.g. "APA (Workspace settings, overriding your User setting: footnote)". */
export function describeStyle(inForce: StyleInForce): string {
  const where = styleSourceLabel(inForce.source);
  const over = inForce.overriddenUserStyle ? `, overriding your User setting: ${inForce.overriddenUserStyle}` : '';
  return `${styleName(inForce.style)} (${where}${over})`;
}

const STYLE_NAMES: Record<CitationStyle, string> = {
  footnote: 'Footnote',
  inline: 'Inline',
  pandoc: 'Pandoc',
  apa: 'APA',
  chicago: 'Chicago',
  mla: 'MLA',
};

export function styleName(style: CitationStyle): string {
  return STYLE_NAMES[style];
}

/**
 * Lets the user pick a citation style and saves it at the level that is in
 * force for `resource` (so the choice takes effect: writing the User setting
 * under a workspace value would change nothing), or in User settings when
 * nothing more specific is set. Resolves to the style chosen, or undefined.
 */
export async function chooseCitationStyle(resource?: vscode.Uri): Promise<CitationStyle | undefined> {
  const current = styleInForce(resource);
  const items = CITATION_STYLES.map((style) => ({
    label: styleName(style),
    description: style === current.style ? `current · ${styleSourceLabel(current.source)}` : '',
    style,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Citation style for inserted quotes',
    placeHolder: `Now: ${describeStyle(current)}`,
  });
  if (!picked) return undefined;
  const target =
    current.source === 'folder'
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : current.source === 'workspace'
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await updateSetting('citation.style', picked.style, target, resource ?? null);
  return picked.style;
}
