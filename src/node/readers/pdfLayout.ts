/**
 * From positioned text runs to lines and paragraphs: the layout half of the
 * PDF reader, with no PDF library in it, so it is tested on plain data.
 */

/** A run of text as pdf.js gives it: where its baseline starts, how tall and wide it is. */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A line of a page, top to bottom: its text and its font height. */
export interface PageLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly height: number;
}

/**
 * Groups a page's runs into lines (runs whose baselines are within half a
 * line of each other), lines top to bottom and runs left to right. A gap
 * wider than a space between runs becomes one space.
 */
export function pageLines(runs: readonly TextRun[]): PageLine[] {
  const sorted = runs.filter((run) => run.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { runs: TextRun[]; y: number; height: number }[] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - run.y) <= Math.max(line.height, run.height, 1) * 0.5) {
      line.runs.push(run);
      line.height = Math.max(line.height, run.height);
    } else lines.push({ runs: [run], y: run.y, height: run.height });
  }
  return lines
    .map(({ runs: parts, y, height }) => {
      parts.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const part of parts) {
        const gap = part.x - end;
        if (text !== '' && gap > Math.max(part.height, 1) * 0.15 && !/\s$/.test(text) && !/^\s/.test(part.text))
          text += ' ';
        text += part.text;
        end = part.x + part.width;
      }
      return { text: text.replace(/\s+/g, ' ').trim(), x: parts[0]!.x, y, height };
    })
    .filter((line) => line.text !== '');
}

/** A line's text with its numbers made alike, so "Page 3 of 9" on every page counts as the same line. */
function shape(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

/**
 * The running headers and footers of a document: lines among the first or
 * last three of a page whose text (numbers aside) recurs at about the same
 * height on most pages. Only documents of two pages or more have them.
 */
export function runningLines(pages: readonly (readonly PageLine[])[]): Set<string> {
  const running = new Set<string>();
  const withText = pages.filter((lines) => lines.length > 0);
  if (withText.length < 2) return running;
  const seen = new Map<string, number>();
  for (const lines of withText) {
    const edge = new Set(
      [...lines.slice(0, 3), ...lines.slice(-3)].map((line) => `${shape(line.text)}@${Math.round(line.y / 4)}`),
    );
    for (const key of edge) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const needed = withText.length <= 3 ? withText.length : Math.ceil(withText.length * 0.6);
  for (const [key, count] of seen) if (count >= needed) running.add(key);
  return running;
}

/** Whether a line is one of the running headers or footers found by `runningLines`. */
export function isRunning(line: PageLine, running: ReadonlySet<string>): boolean {
  return running.has(`${shape(line.text)}@${Math.round(line.y / 4)}`);
}

/** A page's prose: headings (by their larger type) and paragraphs (by the gaps between lines). */
export type PageBlock =
  { readonly heading: true; readonly text: string } | { readonly heading: false; readonly text: string };

/**
 * Lines to blocks. A line in type clearly larger than the body's is a
 * heading; a paragraph ends at a gap wider than the usual line spacing, or at
 * a short last line. A word hyphenated across a line end is joined: a hyphen
 * after a lower-case letter, with a lower-case letter opening the next line,
 * is a line-end hyphen (a compound such as "well-known" broken at its own
 * hyphen loses that hyphen: pdf.js cannot tell the two apart).
 */
export function pageBlocks(lines: readonly PageLine[], bodyHeight: number): PageBlock[] {
  const blocks: PageBlock[] = [];
  let paragraph = '';
  const gaps = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((gap) => gap > 0);
  const spacing = median(gaps) ?? bodyHeight * 1.2;
  const flush = () => {
    if (paragraph.trim() !== '') blocks.push({ heading: false, text: paragraph.trim() });
    paragraph = '';
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1];
    if (line.height >= bodyHeight * 1.25 && line.text.length <= 120) {
      flush();
      const last = blocks[blocks.length - 1];
      // A heading set over two lines is one heading.
      if (last?.heading && previous && previous.height === line.height && previous.y - line.y < line.height * 1.6)
        blocks[blocks.length - 1] = { heading: true, text: `${last.text} ${line.text}` };
      else blocks.push({ heading: true, text: line.text });
      continue;
    }
    if (previous && (previous.y - line.y > spacing * 1.45 || previous.height >= bodyHeight * 1.25)) flush();
    if (paragraph === '') paragraph = line.text;
    else if (/[a-z\u00df-\u00ff]-$/.test(paragraph) && /^[a-z\u00df-\u00ff]/.test(line.text))
      paragraph = paragraph.slice(0, -1) + line.text;
    else if (/\u00ad$/.test(paragraph)) paragraph = paragraph.slice(0, -1) + line.text;
    else paragraph += ` ${line.text}`;
  }
  flush();
  return blocks;
}

/** The middle value, or undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
