/** A window of a passage for a one-line display, with the match ranges moved into it. */
export interface Snippet {
  readonly text: string;
  readonly matches: readonly (readonly [number, number])[];
}

/**
 * Cuts `text` to about `width` characters around its first match, at word
 * boundaries, with `…` where it was cut; whitespace runs become one space.
 */
export function snippet(text: string, matches: readonly (readonly [number, number])[], width = 120): Snippet {
  // Collapse whitespace while keeping a map from old offsets to new ones.
  let flat = '';
  const map: number[] = [];
  for (const ch of text.split('')) {
    map.push(flat.length);
    if (/\s/.test(ch)) {
      if (flat.length > 0 && !flat.endsWith(' ')) flat += ' ';
    } else flat += ch;
  }
  map.push(flat.length);
  flat = flat.trimEnd();
  // `map` has an entry for every offset 0..text.length; a match outside the text is clamped to its end.
  const at = (offset: number) => Math.min(map[offset] ?? flat.length, flat.length);
  const moved = matches.map(([a, b]) => [at(a), at(b)] as const).filter(([a, b]) => b > a);

  if (flat.length <= width) return { text: flat, matches: moved };
  const first = moved[0]?.[0] ?? 0;
  // A little context before the match, so it reads as a phrase and stays in view.
  let start = Math.max(0, Math.min(first - Math.min(24, Math.floor(width / 4)), flat.length - width));
  if (start > 0) start = wordStart(flat, start);
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) end = wordEnd(flat, end);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + flat.slice(start, end) + suffix,
    matches: moved.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift] as const),
  };
}

function wordStart(text: string, at: number): number {
  const space = text.indexOf(' ', at);
  return space === -1 || space - at > 15 ? at : space + 1;
}

function wordEnd(text: string, at: number): number {
  const space = text.lastIndexOf(' ', at);
  return space === -1 || at - space > 15 ? at : space;
}
