/** Deepest container nesting (blockquotes and lists) a Markdown file is parsed at; deeper files are read as plain text. */
export const MAX_MARKDOWN_NESTING = 100;

/** A list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space, tab or the line's end. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * How deeply a Markdown text nests its containers, estimated line by line in
 * linear time: the `>` and list markers that open a line, plus indentation
 * in steps of two columns before a list marker. The Markdown parser's work
 * grows with the square of this depth (`- ` repeated 10,000 times takes
 * minutes), so a text deeper than `MAX_MARKDOWN_NESTING` is not handed to it.
 * Stops counting at `limit + 1`.
 */
export function markdownNesting(text: string, limit = MAX_MARKDOWN_NESTING): number {
  let deepest = 0;
  let at = 0;
  while (at < text.length && deepest <= limit) {
    let depth = 0;
    let columns = 0;
    let i = at;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4;
      else if (c === 62 /* > */) {
        depth++;
        columns = 0;
      } else {
        const marker = LIST_MARKER.exec(text.slice(i, i + 12));
        if (!marker) break;
        depth += 1 + (columns >> 1);
        columns = 0;
        i += marker[0].length;
        if (depth > limit) break;
        continue;
      }
      i++;
      if (depth > limit) break;
    }
    if (depth > deepest) deepest = depth;
    const newline = text.indexOf('\n', i);
    if (newline === -1) break;
    at = newline + 1;
  }
  return deepest;
}
