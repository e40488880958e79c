import { type NoteLine, noteLines } from '../text/noteLines';

/** A footnote definition in a note: `[^label]: text`, with its indented continuation lines. */
export interface FootnoteDefinition {
  readonly label: string;
  /** Offset where the definition line starts. */
  readonly start: number;
  /** Offset where its last line (continuations included) ends, before the line break. */
  readonly end: number;
  /** Where the text after `[^label]: ` starts and ends on the first line. */
  readonly textStart: number;
  readonly textEnd: number;
  /** Whether the definition continues on indented lines. */
  readonly multiline: boolean;
}

export interface NoteFootnotes {
  readonly definitions: readonly FootnoteDefinition[];
  /**
   * Where the block of definitions that ends the note starts (only blank
   * lines and definitions after it), or undefined when the note does not end
   * with definitions.
   */
  readonly trailingStart?: number;
}

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?/;

/** Finds the footnote definitions of a note, outside fenced code blocks. */
export function noteFootnotes(text: string): NoteFootnotes {
  const lines = noteLines(text);
  const definitions: FootnoteDefinition[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.fenced) continue;
    const match = DEFINITION.exec(text.slice(line.start, line.end));
    if (!match) continue;
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (isBlank(text, next)) continue;
      if (!isIndented(text, next)) break;
      last = j;
    }
    definitions.push({
      label: match[1]!,
      start: line.start,
      end: lines[last]!.end,
      textStart: line.start + match[0].length,
      textEnd: line.end,
      multiline: last > i,
    });
    i = last;
  }
  return { definitions, ...trailing(text, definitions) };
}

function trailing(text: string, definitions: readonly FootnoteDefinition[]): { trailingStart?: number } {
  let from = text.length;
  let start: number | undefined;
  for (let k = definitions.length - 1; k >= 0; k--) {
    const definition = definitions[k]!;
    if (text.slice(definition.end, from).trim() !== '') break;
    start = definition.start;
    from = definition.start;
  }
  return start === undefined ? {} : { trailingStart: start };
}

function isBlank(text: string, line: NoteLine): boolean {
  return text.slice(line.start, line.end).trim() === '';
}

function isIndented(text: string, line: NoteLine): boolean {
  return /^( {4}|\t)/.test(text.slice(line.start, line.end));
}
