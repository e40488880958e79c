/** One line of a note: `[start, end)` without its line break; `next` is where the following line starts. */
export interface NoteLine {
  readonly start: number;
  readonly end: number;
  readonly next: number;
  /** Inside a fenced code block (fence lines included): Markdown syntax there is text. */
  readonly fenced: boolean;
  /** Inside the leading YAML front matter (its `---` lines included): not Markdown at all. */
  readonly frontMatter: boolean;
}

/**
 * Splits a note into lines (LF or CRLF), marking those inside the leading
 * front matter and inside fenced code blocks. A fence-like line in front
 * matter opens no code block.
 */
export function noteLines(text: string): NoteLine[] {
  const lines: NoteLine[] = [];
  let fence: { char: string; length: number } | undefined;
  let inFrontMatter = /^---[ \t]*\r?\n/.test(text);
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length + 1 : newline + 1;
    let end = newline === -1 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const line = text.slice(start, end);
    if (inFrontMatter) {
      if (start > 0 && /^(---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
      lines.push({ start, end, next: Math.min(next, text.length), fenced: false, frontMatter: true });
      if (newline === -1) break;
      start = next;
      continue;
    }
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    let fenced = fence !== undefined;
    if (fence) {
      if (marker?.[0] === fence.char && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    } else if (marker !== undefined) {
      fence = { char: marker.charAt(0), length: marker.length };

      fenced = true;
    }
    lines.push({ start, end, next: Math.min(next, text.length), fenced, frontMatter: false });
    if (newline === -1) break;
    start = next;
  }
  return lines;
}

/** The note's line break: CRLF when it already uses it, else LF. */
export function eolOf(text: string): '\n' | '\r\n' {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
