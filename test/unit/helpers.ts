/** Joins lines with `\n`, so a test's Markdown reads as it would in a file. */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** Removes a `$CURSOR$` marker and returns the text and the marker's offset. */
export function withCursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf('$CURSOR$');
  if (offset === -1) throw new Error('no $CURSOR$ marker');
  return { text: text.replace('$CURSOR$', ''), offset };
}
