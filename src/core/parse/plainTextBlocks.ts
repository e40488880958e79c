import type { Block } from './blocks';

/**
 * Splits plain text into paragraphs at blank lines. Needs no Markdown parse,
 * which is most of the cost of indexing a `.txt` corpus.
 */
export function plainTextBlocks(text: string, from = 0): Block[] {
  const blocks: Block[] = [];
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = from;
  let start = from;
  for (let match = blank.exec(text); ; match = blank.exec(text)) {
    const end = match ? match.index : text.length;
    const block = trim(text, start, end);
    if (block) blocks.push({ type: 'text', kind: 'paragraph', ...block });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return blocks;
}

function trim(text: string, start: number, end: number): { start: number; end: number } | undefined {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;

  return end > start ? { start, end } : undefined;
}
