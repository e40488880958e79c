import type { SourcePosition, SourceRange } from '../model';

/** Maps UTF-16 offsets of one text to 0-based line/character positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (clamped to the text). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }

  position(offset: number): SourcePosition {
    const low = lastAtOrBefore(this.starts, offset);
    return { line: low, character: offset - (this.starts[low] ?? 0), offset };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }

  offsetAt(line: number, character: number): number {
    return Math.min(this.lineStart(line) + character, this.text.length);
  }
}

/**
 * Index of the last element of an ascending array that is `<= value`
 * (0 when none is, so the first element stands for anything before it).
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sorted[mid] ?? Infinity) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
