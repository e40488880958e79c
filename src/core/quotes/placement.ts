/** Where an inserted block goes in a note, and the line breaks that set it off. */

/**
 * Where a quote goes for a cursor (no selection): a quote is a block of its
 * own, so a cursor inside a paragraph, list or blockquote (a run of non-blank
 * lines) moves to the end of that block, or stays at its start when it is
 * there. A quote never splits a sentence, a list or another quote.
 */
export function blockBoundary(text: string, at: number): number {
  const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = endOfLine(text, at);
  if (text.slice(lineStart, lineEnd).trim() === '') return at;
  const blockStart = startOfBlock(text, lineStart);
  if (text.slice(blockStart, at).trim() === '') return blockStart;
  let end = lineEnd;
  for (;;) {
    const next = text.indexOf('\n', end);
    if (next === -1) return end;
    const following = endOfLine(text, next + 1);
    if (text.slice(next + 1, following).trim() === '') return end;
    end = following;
  }
}

function endOfLine(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  if (newline === -1) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

function startOfBlock(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    if (text.slice(previousStart, start - 1).trim() === '') return start;
    start = previousStart;
  }
  return start;
}

/** Line breaks before a block inserted after `before`, so it starts on a line of its own after a blank line. */
export function leadingBreak(before: string, eol: string): string {
  if (before.trim() === '') return '';
  if (!before.endsWith('\n')) return eol + eol;
  return /\n[ \t]*\r?\n$/.test(before) ? '' : eol;
}

/** Line breaks after the block, so what follows is separated by a blank line and the note keeps its end. */
export function trailingBreak(after: string, eol: string): string {
  if (after === '') return eol;
  const first = /^\r?\n/.exec(after);
  if (!first) return eol + eol;
  const rest = after.slice(first[0].length);
  return rest === '' || /^[ \t]*\r?\n/.test(rest) ? '' : eol;
}
