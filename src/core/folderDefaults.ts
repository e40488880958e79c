import { parse as parseYaml } from 'yaml';

/**
 * What a corpus folder's `sourcebook.yaml` says its articles have in common:
 * used where an article's own front matter (or page metadata) is silent.
 */
export interface FolderDefaults {
  readonly publisher?: string;
  readonly topics?: readonly string[];
  /** A BCP 47 language tag, e.g. `en` or `en-GB`. */
  readonly language?: string;
  readonly date?: DateRule;
}

/**
 * How an article's date is found when it has none of its own: a fixed date
 * (`2005`, `2005-03`, `2005-03-14`, or text such as `2004–2005`), or a
 * regular expression over the article's path relative to the folder whose
 * named groups `year`, `month` and `day` give the date (as much as matched).
 */
export type DateRule = { readonly fixed: string } | { readonly pattern: RegExp; readonly source: string };

export interface ParsedFolderDefaults {
  readonly defaults: FolderDefaults;
  /** Keys or values that were not understood and left out. */
  readonly warnings: readonly string[];
}

/** Longest date pattern accepted: it is matched against every path of the folder. */
const MAX_PATTERN_LENGTH = 200;
const KNOWN_KEYS = new Set(['publisher', 'topics', 'language', 'date']);

/**
 * Reads the text of a `sourcebook.yaml`. Throws (with a message for the
 * user) when it is not YAML or not a mapping; a key it does not know, or a
 * value of the wrong shape, is left out with a warning.
 */
export function parseFolderDefaults(yamlText: string): ParsedFolderDefaults {
  const data: unknown = parseYaml(yamlText);
  if (data === null || data === undefined) return { defaults: {}, warnings: [] };
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('sourcebook.yaml must be a YAML mapping');
  const record = data as Record<string, unknown>;
  const warnings: string[] = [];
  const defaults: { -readonly [K in keyof FolderDefaults]: FolderDefaults[K] } = {};
  for (const key of Object.keys(record)) if (!KNOWN_KEYS.has(key)) warnings.push(`unknown key "${key}" left out`);

  const publisher = text(record.publisher);
  if (publisher) defaults.publisher = publisher;
  else if (record.publisher !== undefined) warnings.push('publisher must be text');

  if (record.topics !== undefined) {
    const topics = (Array.isArray(record.topics) ? record.topics : [record.topics]).map(text);
    if (topics.length > 0 && topics.every((t): t is string => t !== undefined)) defaults.topics = topics;
    else warnings.push('topics must be text or a list of text');
  }

  const language = text(record.language);
  if (language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(language)) defaults.language = language;
  else if (record.language !== undefined) warnings.push(`language "${shown(record.language)}" is not a language tag`);

  if (record.date !== undefined) {
    const rule = dateRule(record.date);
    if (typeof rule === 'string') warnings.push(rule);
    else defaults.date = rule;
  }
  return { defaults, warnings };
}

/** The date a rule gives an article at `relativePath`, as precise as the rule allows; undefined when it does not match. */
export function dateFromRule(rule: DateRule, relativePath: string): string | undefined {
  if ('fixed' in rule) return rule.fixed;
  const groups = rule.pattern.exec(relativePath)?.groups;
  const year = groups?.year;
  if (!year || !/^\d{4}$/.test(year)) return undefined;
  const month = twoDigits(groups.month, 12);
  if (month === undefined) return year;
  const day = twoDigits(groups.day, 31);
  return day === undefined ? `${year}-${month}` : `${year}-${month}-${day}`;
}

function dateRule(value: unknown): DateRule | string {
  if (value instanceof Date) return { fixed: value.toISOString().slice(0, 10) };
  const fixed = text(value);
  if (fixed) return { fixed };
  const pattern = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).pattern : undefined;
  if (typeof pattern !== 'string' || pattern === '') return 'date must be a date, or { pattern: "…" } over the path';
  if (pattern.length > MAX_PATTERN_LENGTH) return `date pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    const compiled = new RegExp(pattern, 'u');
    if (!/\(\?<year>/.test(pattern)) return 'date pattern needs a (?<year>…) group';
    return { pattern: compiled, source: pattern };
  } catch (error) {
    return `date pattern is not a regular expression: ${(error as Error).message}`;
  }
}

function twoDigits(value: string | undefined, max: number): string | undefined {
  if (value === undefined || !/^\d{1,2}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? String(n).padStart(2, '0') : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A value from the file as the user wrote it: a list or map as JSON, not "[object Object]". */
function shown(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
