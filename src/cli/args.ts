import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly command: string | undefined;
  readonly positionals: string[];
  readonly corpus: string[];
  /** `--library FILE` (repeatable): CSL-JSON or BibTeX files of the analyst's references. */
  readonly library?: string[];
  readonly bundled: boolean;
  readonly json: boolean;
  /** False with `--no-cache`: no persisted indexes are read or written. */
  readonly cache?: boolean;
  /** `--cache DIR`: where they are kept instead of the user's cache folder. */
  readonly cacheDir?: string;
  /** `--db URL`: a team archive in PostgreSQL, read beside (or instead of) the folders; `archive ingest` writes to it. */
  readonly db?: string;
  readonly limit?: number;
  readonly style?: string;
  readonly group?: string;
  /** `--format text|json|github` (`check`); `--json` is `--format json`. */
  readonly format?: string;
  /** `quote --into NOTE.md`, `--bibliography FILE`; `export --to FORMAT`, `--output FILE`; `check --all`. */
  readonly into?: string;
  readonly bibliography?: string;
  readonly to?: string;
  readonly output?: string;
  readonly all?: boolean;
  readonly help: boolean;
  /** `--version`: print the version and exit. */
  readonly version?: true;
}

/** Parses `sourcebook <command> [args] [--corpus DIR]... [--no-bundled] [--json] …`. Throws on unknown flags. */
export function parseCli(argv: string[]): CliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      corpus: { type: 'string', multiple: true, default: [] },
      library: { type: 'string', multiple: true, default: [] },
      'no-bundled': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      db: { type: 'string' },
      limit: { type: 'string' },
      style: { type: 'string' },
      group: { type: 'string' },
      format: { type: 'string' },
      into: { type: 'string' },
      bibliography: { type: 'string' },
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values['no-cache'] && values.cache !== undefined)
    throw new Error('--cache and --no-cache cannot be used together');
  if (values.cache === '') throw new Error('--cache needs a folder');
  if (values.db === '') throw new Error('--db needs a PostgreSQL URL, e.g. postgres://user@host/archive');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new Error(`--limit must be a positive whole number, not "${values.limit}"`);
  return {
    command: positionals[0],
    positionals: positionals.slice(1),
    corpus: values.corpus ?? [],
    library: values.library ?? [],
    bundled: !values['no-bundled'],
    json: values.json ?? false,
    ...(values['no-cache'] ? { cache: false } : {}),
    ...(values.cache === undefined ? {} : { cacheDir: values.cache }),
    help: values.help ?? false,
    ...(values.version ? { version: true as const } : {}),
    ...(values.all ? { all: true } : {}),
    ...(values.into === undefined ? {} : { into: values.into }),
    ...(values.bibliography === undefined ? {} : { bibliography: values.bibliography }),
    ...(values.to === undefined ? {} : { to: values.to }),
    ...(values.output === undefined ? {} : { output: values.output }),
    ...(values.db === undefined ? {} : { db: values.db }),
    ...(limit === undefined ? {} : { limit }),
    ...(values.style === undefined ? {} : { style: values.style }),
    ...(values.group === undefined ? {} : { group: values.group }),
    ...(values.format === undefined ? {} : { format: values.format }),
  };
}
