import type { CslDate, CslItem, CslName } from '../citations/cslTypes';

/** One entry of the analyst's reference library (a Zotero export, say), as Sourcebook cites it. */
export interface LibraryItem {
  /** The citation key (`[@key]`). */
  readonly key: string;
  /** The entry as a CSL item keyed by `key`: what every citation style formats. */
  readonly csl: CslItem;
  readonly title?: string;
  readonly year?: number;
  readonly url?: string;
  readonly doi?: string;
  /** The library file it came from. */
  readonly source: string;
}

export interface ParsedLibrary {
  readonly items: readonly LibraryItem[];
  /** Entries left out, each with why (and where, when known). */
  readonly warnings: readonly string[];
}

/**
 * Reads a CSL-JSON library: an array of CSL items (what Zotero and Better
 * BibTeX export). An entry without an `id`, or with a key already taken, is
 * left out with a warning; the others are kept.
 */
export function parseCslJsonLibrary(text: string, source: string): ParsedLibrary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { items: [], warnings: [`${source} is not JSON: ${(error as Error).message}`] };
  }
  const entries = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(entries)) return { items: [], warnings: [`${source} is not a CSL-JSON array of items`] };
  return fromCslEntries(entries, source, (i) => `entry ${i + 1}`);
}

/** Makes library items of raw CSL entries; `where` names an entry in a warning. */
export function fromCslEntries(
  entries: readonly unknown[],
  source: string,
  where: (index: number) => string,
): ParsedLibrary {
  const items: LibraryItem[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const item = libraryItem(entry, source);
    if (typeof item === 'string') warnings.push(`${source}, ${where(index)}: ${item}; left out`);
    else if (seen.has(item.key))
      warnings.push(`${source}, ${where(index)}: key "${item.key}" is used twice; the first is kept`);
    else {
      seen.add(item.key);
      items.push(item);
    }
  });
  return { items, warnings };
}

function libraryItem(entry: unknown, source: string): LibraryItem | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'not an object';
  const raw = entry as Record<string, unknown>;
  const key = text(raw['citation-key']) ?? text(raw.citationKey) ?? text(raw.id);
  if (!key) return 'no id (citation key)';
  if (!/^[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*$/u.test(key)) return `key "${key}" cannot be written as [@key]`;
  const title = text(raw.title);
  const container = text(raw['container-title']) ?? text(raw.publisher);
  const author = names(raw.author);
  const issued = date(raw.issued);
  const url = text(raw.URL);
  const doi = text(raw.DOI)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  const csl: CslItem = {
    id: key,
    type: 'article-newspaper',
    title: title ?? key,
    ...(container ? { 'container-title': container } : {}),
    ...(author.length > 0 ? { author } : {}),
    ...(issued ? { issued } : {}),
    ...(url ? { URL: url } : {}),
    ...(doi ? { DOI: doi } : {}),
  };
  const year = issued && 'date-parts' in issued ? issued['date-parts'][0]?.[0] : undefined;
  return {
    key,
    csl,
    source,
    ...(title ? { title } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(url ? { url } : {}),
    ...(doi ? { doi } : {}),
  };
}

function names(value: unknown): CslName[] {
  if (!Array.isArray(value)) return [];
  const out: CslName[] = [];
  for (const name of value) {
    if (typeof name !== 'object' || name === null) continue;
    const n = name as Record<string, unknown>;
    const family = text(n.family);
    const given = text(n.given);
    const literal = text(n.literal);
    if (family) out.push(given ? { family, given } : { family });
    else if (literal) out.push({ literal });
  }
  return out;
}

function date(value: unknown): CslDate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const parts = (value as { 'date-parts'?: unknown })['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const first = (parts[0] as unknown[]).map(Number).filter((n) => Number.isInteger(n));
    if (first.length > 0) return { 'date-parts': [first] };
  }
  const literal = text((value as { literal?: unknown; raw?: unknown }).literal ?? (value as { raw?: unknown }).raw);
  return literal ? { literal } : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}
