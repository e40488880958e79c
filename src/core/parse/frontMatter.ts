import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  /** The parsed mapping; empty when the file has none or it is broken. */
  readonly data: Record<string, unknown>;
  /** Offset where the body starts (0 without front matter). */
  readonly bodyStart: number;
  /** Why the front matter could not be read, when it could not. */
  readonly error?: string;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Reads a leading YAML front matter block (`---` … `---`). A block that is
 * not valid YAML, or not a mapping, yields an `error` and an empty mapping,
 * and the body still starts after the block, so the article loads best-effort.
 */
export function readFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, bodyStart: 0 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { data: {}, bodyStart: 0, error: 'front matter is not closed with ---' };
  const yamlText = rest.slice(0, close.index);
  let bodyStart = open[0].length + close.index + close[0].length;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  try {
    const data: unknown = parseYaml(yamlText);
    if (data === null || data === undefined) return { data: {}, bodyStart };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, bodyStart, error: 'front matter is not a mapping of keys to values' };
    }
    return { data: data as Record<string, unknown>, bodyStart };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: {}, bodyStart, error: `front matter is not valid YAML: ${message}` };
  }
}
