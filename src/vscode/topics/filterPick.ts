import * as vscode from 'vscode';

/** An entity the filter can offer by name. */
export interface EntityChoice {
  readonly name: string;
  readonly kind: string;
  readonly aliases: readonly string[];
}

interface FilterItem extends vscode.QuickPickItem {
  readonly query?: string;
  readonly clear?: boolean;
}

/**
 * Asks what to filter the Topics view by: free text, or one of the corpus's
 * entities (matched by any of its names). Resolves to the query, to `null`
 * when the user chose to clear the filter, or to `undefined` when cancelled.
 */
export function pickTopicsFilter(
  current: string | undefined,
  entities: readonly EntityChoice[],
): Promise<string | null | undefined> {
  const pick = vscode.window.createQuickPick<FilterItem>();
  pick.title = 'Filter Topics';
  pick.placeholder = 'Type words to find in articles, or pick an entity';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  // The typed text stays the first item, so Enter filters by it; VS Code would otherwise rank a
  // matching entity name above it.
  (pick as vscode.QuickPick<FilterItem> & { sortByLabel: boolean }).sortByLabel = false;
  pick.value = current ?? '';
  const entityItems: FilterItem[] = entities.map((entity) => ({
    label: entity.name,
    description: entity.kind,
    ...(entity.aliases.length > 0 ? { detail: `also: ${entity.aliases.join(', ')}` } : {}),
    iconPath: new vscode.ThemeIcon('symbol-class'),
    query: entity.name,
  }));
  const clearItem: FilterItem = {
    label: 'Clear filter',
    description: `now: “${current}”`,
    iconPath: new vscode.ThemeIcon('clear-all'),
    alwaysShow: true,
    clear: true,
  };
  const update = () => {
    const text = pick.value.trim();
    const textItem: FilterItem[] = text
      ? [
          {
            label: `Articles containing “${text}”`,
            iconPath: new vscode.ThemeIcon('search'),
            alwaysShow: true,
            query: text,
          },
        ]
      : [];
    const separator: FilterItem[] =
      entityItems.length > 0 ? [{ label: 'Entities', kind: vscode.QuickPickItemKind.Separator }] : [];
    pick.items = [...textItem, ...(current ? [clearItem] : []), ...separator, ...entityItems];
  };
  update();
  return new Promise((resolve) => {
    let result: string | null | undefined;
    pick.onDidChangeValue(update);
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      result = chosen?.clear ? null : (chosen?.query ?? (pick.value.trim() || null));
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
}
