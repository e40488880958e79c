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
  /** Where its last run ends (optional: lines built by hand in tests may leave it out). */
  readonly end?: number;
}

/**
 * Groups a page's runs into lines in reading order. Runs whose baselines are
 * within half a line of each other share a row; rows go top to bottom and
 * runs left to right. A page set in two columns (`columnGutter`) is read
 * column by column: between two rows that cross the gutter (a title, a
 * figure caption across the page), the left column's lines come first, then
 * the right column's; a line below the right column and apart from the
 * left column's last (a footer) is read after both. A gap wider than a
 * space between runs becomes one space.
 */
export function pageLines(runs: readonly TextRun[]): PageLine[] {
  const rows = baselineRows(runs);
  const gutter = columnGutter(rows);
  if (gutter === undefined) return rows.map(lineOf).filter((line) => line.text !== '');
  const lines: PageLine[] = [];
  let left: PageLine[] = [];
  let right: PageLine[] = [];
  const flush = () => {
    lines.push(...left, ...right);
    left = [];
    right = [];
  };
  // A row far below the one before it (a footer, a footnote) is read apart when it is below the
  // right column's last line: it belongs to no column.
  const apart = rows.map((row, i) => {
    const above = rows[i - 1];
    return above !== undefined && above.y - row.y > Math.max(row.height, above.height) * 2.5;
  });
  const rightBottom = Math.min(
    ...rows.filter((row, i) => !apart[i] && row.runs.some((run) => run.x >= gutter)).map((row) => row.y),
  );
  rows.forEach((row, i) => {
    if ((apart[i] && row.y < rightBottom) || row.runs.some((run) => crosses(run, gutter))) {
      flush();
      lines.push(lineOf(row));
      return;
    }
    const leftRuns = row.runs.filter((run) => run.x < gutter);
    const rightRuns = row.runs.filter((run) => run.x >= gutter);
    if (leftRuns.length > 0) left.push(lineOf({ ...row, runs: leftRuns }));
    if (rightRuns.length > 0) right.push(lineOf({ ...row, runs: rightRuns }));
  });
  flush();
  return lines.filter((line) => line.text !== '');
}

interface Row {
  readonly runs: TextRun[];
  readonly y: number;
  height: number;
}

function baselineRows(runs: readonly TextRun[]): Row[] {
  const sorted = runs.filter((run) => run.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const run of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - run.y) <= Math.max(row.height, run.height, 1) * 0.5) {
      row.runs.push(run);
      row.height = Math.max(row.height, run.height);
    } else rows.push({ runs: [run], y: run.y, height: run.height });
  }
  for (const row of rows) row.runs.sort((a, b) => a.x - b.x);
  return rows;
}

function lineOf({ runs: parts, y, height }: Row): PageLine {
  let text = '';
  let end = -Infinity;
  for (const part of parts) {
    const gap = part.x - end;
    if (text !== '' && gap > Math.max(part.height, 1) * 0.15 && !/\s$/.test(text) && !/^\s/.test(part.text))
      text += ' ';
    text += part.text;
    end = part.x + part.width;
  }
  return { text: text.replace(/\s+/g, ' ').trim(), x: parts[0]?.x ?? 0, y, height, end };
}

/** Whether a run starts left of `x` and ends right of it (a little overlap is the font's side bearing). */
function crosses(run: TextRun, x: number): boolean {
  return run.x < x && run.x + run.width > x + 1;
}

/**
 * The x where a page's right column starts, or undefined for a page in one
 * column. A candidate is a left edge shared by at least three rows that also
 * have text to its left, ending at least a line's height before it (the
 * gutter). It is taken when the left column's lines are full (they end near
 * the gutter, as set prose does, not as the short first cells of a table)
 * and at most a third as many rows cross it as use it.
 */
function columnGutter(rows: readonly Row[]): number | undefined {
  const all = rows.flatMap((row) => row.runs);
  if (all.length === 0) return undefined;
  const minX = Math.min(...all.map((run) => run.x));
  const maxX = Math.max(...all.map((run) => run.x + run.width));
  const width = maxX - minX;
  const uses = new Map<number, { rows: number; leftEnds: number[] }>();
  for (const row of rows) {
    const seen = new Set<number>();
    for (const run of row.runs) {
      const at = Math.round(run.x);
      if (seen.has(at) || at < minX + width * 0.3 || at > minX + width * 0.7) continue;
      const before = row.runs.filter((other) => other.x + other.width <= run.x - Math.max(row.height, 4));
      if (before.length === 0 || row.runs.some((other) => other !== run && crosses(other, run.x))) continue;
      seen.add(at);
      const use = uses.get(at) ?? { rows: 0, leftEnds: [] };
      use.rows++;
      use.leftEnds.push(Math.max(...before.map((other) => other.x + other.width)));
      uses.set(at, use);
    }
  }
  let best: { x: number; rows: number } | undefined;
  for (const [x, use] of uses) {
    if (use.rows < 3 || (best && best.rows >= use.rows)) continue;
    const crossing = rows.filter((row) => row.runs.some((run) => crosses(run, x))).length;
    const leftWidth = x - minX;
    const fullLines = use.leftEnds.filter((end) => end - minX >= leftWidth * 0.6).length;
    if (crossing * 3 <= use.rows && fullLines * 2 >= use.rows) best = { x, rows: use.rows };
  }
  return best?.x === undefined ? undefined : best.x - 0.5;
}

/** A line's text with its numbers made alike, so "Page 3 of 9" on every page counts as the same line. */
function shape(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

/**
 * The running headers and footers of a document: lines among the three
 * highest or lowest of a page whose text (numbers aside) recurs at about the same
 * height on most pages. Only documents of two pages or more have them.
 */
export function runningLines(pages: readonly (readonly PageLine[])[]): Set<string> {
  const running = new Set<string>();
  const withText = pages.filter((lines) => lines.length > 0);
  if (withText.length < 2) return running;
  const seen = new Map<string, number>();
  for (const lines of withText) {
    // By height, not reading order: in two columns the footer follows the right column, not the left.
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    const edge = new Set(
      [...byHeight.slice(0, 3), ...byHeight.slice(-3)].map((line) => `${shape(line.text)}@${Math.round(line.y / 4)}`),
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
    .map((line, i) => (lines[i]?.y ?? line.y) - line.y)
    .filter((gap) => gap > 0);
  const spacing = median(gaps) ?? bodyHeight * 1.2;
  const flush = () => {
    if (paragraph.trim() !== '') blocks.push({ heading: false, text: paragraph.trim() });
    paragraph = '';
  };
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (line.height >= bodyHeight * 1.25 && line.text.length <= 120) {
      flush();
      const last = blocks[blocks.length - 1];
      // A heading set over two lines is one heading.
      if (last?.heading && previous && previous.height === line.height && previous.y - line.y < line.height * 1.6)
        blocks[blocks.length - 1] = { heading: true, text: `${last.text} ${line.text}` };
      else blocks.push({ heading: true, text: line.text });
      return;
    }
    if (previous && (previous.y - line.y > spacing * 1.45 || previous.height >= bodyHeight * 1.25)) flush();
    // At a column break (the next line is higher up), a short last line ended the paragraph.
    else if (previous && line.y > previous.y && endsParagraph(previous, line, lines)) flush();
    if (paragraph === '') paragraph = line.text;
    else if (/[a-z\u00df-\u00ff]-$/.test(paragraph) && /^[a-z\u00df-\u00ff]/.test(line.text))
      paragraph = paragraph.slice(0, -1) + line.text;
    else if (/\u00ad$/.test(paragraph)) paragraph = paragraph.slice(0, -1) + line.text;
    else paragraph += ` ${line.text}`;
  });
  flush();
  return blocks;
}

/**
 * Whether the last line of a column ended its paragraph: it ends well
 * before the column's lines usually do (by more than ragged-right setting
 * varies), or it ends a sentence short of the column's edge (justified
 * lines reach it) and the next column opens with a capital. A word
 * hyphenated at the column's foot goes on at the top of the next.
 */
function endsParagraph(last: PageLine, next: PageLine, lines: readonly PageLine[]): boolean {
  if (last.end === undefined || /-$/.test(last.text)) return false;
  const ends = lines.flatMap((other) => (Math.abs(other.x - last.x) < 2 && other.end !== undefined ? [other.end] : []));
  // The usual end, not the furthest: a caption across the page starts at the same x.
  const full = median(ends) ?? last.end;
  const short = full - last.end;
  if (short > (full - last.x) * 0.25) return true;
  return short > last.height * 1.5 && /[.!?]["'”’)]*$/.test(last.text) && /^["'“‘(]*\p{Lu}/u.test(next.text);
}

/** The middle value, or undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
