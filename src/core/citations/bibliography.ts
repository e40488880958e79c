import { type Node, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { CslItem } from './cslItem';

export interface BibliographyUpdate {
  /** The file's new text; the old text unchanged when nothing was added. */
  readonly text: string;
  /** Ids of the entries added. */
  readonly added: readonly string[];
}

/**
 * Adds the items a note cites to a CSL-JSON bibliography (the text of the
 * file as it is now, or undefined when it does not exist yet). An entry whose
 * id is already there is left as it is (the user may have edited it), so
 * entries are never duplicated.
 *
 * The change is a minimal edit of that text, placed by `jsonc-parser`'s
 * syntax tree (the parser VS Code edits its settings with): the new entries
 * are inserted after the array's last element, indented like the file;
 * everything else — other entries, comments, formatting, numbers too long
 * for a double — is kept byte for byte. (`modify` would reformat the
 * neighbouring entry.) Throws
 * with a message for the user, before anything is written, when the text is
 * not a JSON array of objects.
 */
export function addToBibliography(existing: string | undefined, items: readonly CslItem[]): BibliographyUpdate {
  const root = parseBibliography(existing);
  const ids = existingIds(root);
  const added: CslItem[] = [];
  for (const item of items) {
    if (ids.has(item.id)) continue;
    ids.add(item.id);
    added.push(item);
  }
  if (existing === undefined || existing.trim() === '') {
    return { text: `${JSON.stringify(added, null, 2)}\n`, added: added.map((item) => item.id) };
  }
  if (added.length === 0 || !root) return { text: existing, added: [] };
  const { indent, eol } = layoutOf(existing);
  const entries = added.map((item) =>
    JSON.stringify(item, null, indent)
      .split('\n')
      .map((line) => indent + line)
      .join(eol),
  );
  const last = root.children?.[root.children.length - 1];
  const at = last ? last.offset + last.length : root.offset + 1;
  const closing = root.offset + root.length - 1;
  const insertion = last
    ? `,${eol}${entries.join(`,${eol}`)}`
    : `${eol}${entries.join(`,${eol}`)}${existing.slice(at, closing).includes('\n') ? '' : eol}`;
  const text = existing.slice(0, at) + insertion + existing.slice(at);
  return { text, added: added.map((item) => item.id) };
}

function parseBibliography(text: string | undefined): Node | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const where = first ? ` at offset ${first.offset}` : '';
    throw new Error(
      `the bibliography is not valid JSON (${first ? printParseErrorCode(first.error) : 'empty'}${where}); it was left unchanged`,
    );
  }
  if (root.type !== 'array' || !(root.children ?? []).every((entry) => entry.type === 'object')) {
    throw new Error('the bibliography is not a CSL-JSON array of entries; it was left unchanged');
  }
  return root;
}

function existingIds(root: Node | undefined): Set<string> {
  const ids = new Set<string>();
  for (const entry of root?.children ?? []) {
    const id = entry.children?.find((p) => p.children?.[0]?.value === 'id')?.children?.[1];
    if (id && (id.type === 'string' || id.type === 'number')) ids.add(String(id.value));
  }
  return ids;
}

/** The file's own indentation unit and line break, so an added entry looks like its neighbours. */
function layoutOf(text: string): { indent: string; eol: string } {
  const indent = /^\s*\[[ \t]*\r?\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { indent, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
