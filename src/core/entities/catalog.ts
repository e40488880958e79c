import { parse as parseYaml } from 'yaml';
import { normalizeName } from './matcher';

/** One entry of a curated entity catalog (`entities.yaml` / `entities.json`). */
export interface CatalogEntry {
  readonly name: string;
  readonly kind: string;
  readonly aliases: readonly string[];
  readonly description?: string;
  /** Names (or aliases) of other entities. */
  readonly related: readonly string[];
  /** Every name of the entity matches only with its exact capitalization ("Meta", not "meta"). */
  readonly caseSensitive: boolean;
}

export interface ParsedCatalog {
  readonly entries: CatalogEntry[];
  /** Entries or files that could not be read, with why. */
  readonly problems: string[];
}

/**
 * Reads catalog files: a YAML or JSON sequence of `{ name, kind, aliases,
 * description, related, caseSensitive }`, or a mapping with such a sequence
 * under `entities`. A bad entry is reported in `problems` and skipped; a file
 * that does not parse yields no entries and one problem. Never throws.
 */
export function parseCatalogs(files: readonly { path: string; text: string }[]): ParsedCatalog {
  const entries: CatalogEntry[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = parseYaml(file.text);
    } catch (error) {
      problems.push(
        `${file.path}: not valid YAML or JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
      continue;
    }
    if (data && typeof data === 'object' && !Array.isArray(data)) data = (data as Record<string, unknown>).entities;
    if (!Array.isArray(data)) {
      if (data !== null && data !== undefined) problems.push(`${file.path}: expected a list of entities`);
      continue;
    }
    data.forEach((item: unknown, i) => {
      const entry = catalogEntry(item);
      if (typeof entry === 'string') problems.push(`${file.path}: entity #${i + 1} ${entry}; skipped`);
      else entries.push(entry);
    });
  }
  return { entries, problems };
}

function catalogEntry(item: unknown): CatalogEntry | string {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return 'is not a mapping';
  const record = item as Record<string, unknown>;
  const name = typeof record.name === 'string' ? normalizeName(record.name) : '';
  if (name === '') return 'has no name';
  const description = typeof record.description === 'string' ? record.description.trim() : '';
  return {
    name,
    kind: typeof record.kind === 'string' && record.kind.trim() !== '' ? record.kind.trim().toLowerCase() : 'unknown',
    aliases: strings(record.aliases).filter((alias) => alias !== name),
    ...(description ? { description } : {}),
    related: strings(record.related),
    caseSensitive: record.caseSensitive === true,
  };
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .map((v) => (typeof v === 'string' || typeof v === 'number' ? normalizeName(String(v)) : ''))
    .filter((v) => v !== '');
}

/**
 * Whether a name must match with its exact capitalization even when its
 * entity does not ask for it: short acronyms, which are ordinary words in
 * lower case ("US"/"us", "BABA", "MaaS", "LLMs").
 */
export function isShortAcronym(name: string): boolean {
  if (name.length > 6 || /\s/.test(name)) return false;
  const upper = name.replace(/[^\p{Lu}]/gu, '').length;
  const lower = name.replace(/[^\p{Ll}]/gu, '').length;
  return upper >= 2 && upper >= lower;
}
