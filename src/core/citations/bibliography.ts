import type { CslItem } from './cslItem';

export interface BibliographyUpdate {
  /** The file's new text; the old text unchanged when nothing was added. */
  readonly text: string;
  /** Ids of the entries added. */
  readonly added: readonly string[];
}

/**
 * Adds the items a note cites to a CSL-JSON bibliography (the text of the
 * file, or undefined when it does not exist yet). An entry whose id is
 * already there is left as it is (the user may have edited it), so entries
 * are never duplicated. Throws when the existing text is not a CSL-JSON
 * array, rather than overwrite a file it cannot read.
 */
export function addToBibliography(existing: string | undefined, items: readonly CslItem[]): BibliographyUpdate {
  const entries = parse(existing);
  const ids = new Set(entries.map((entry) => entry.id));
  const added: CslItem[] = [];
  for (const item of items) {
    if (ids.has(item.id)) continue;
    ids.add(item.id);
    added.push(item);
  }
  if (added.length === 0 && existing !== undefined) return { text: existing, added: [] };
  const indent = existing === undefined ? 2 : detectIndent(existing);
  return { text: `${JSON.stringify([...entries, ...added], null, indent)}\n`, added: added.map((item) => item.id) };
}

function parse(text: string | undefined): { id?: unknown }[] {
  if (text === undefined || text.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`the bibliography is not valid JSON (${(error as Error).message}); it was left unchanged`, {
      cause: error,
    });
  }
  if (!Array.isArray(data) || !data.every((entry) => typeof entry === 'object' && entry !== null)) {
    throw new Error('the bibliography is not a CSL-JSON array of entries; it was left unchanged');
  }
  return data as { id?: unknown }[];
}

function detectIndent(text: string): number | string {
  const match = /^\[\s*\n([ \t]+)\S/.exec(text);
  if (!match) return 2;
  return match[1]!.includes('\t') ? '\t' : match[1]!.length;
}
