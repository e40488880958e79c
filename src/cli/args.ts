import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly command: string | undefined;
  readonly positionals: string[];
  readonly corpus: string[];
  readonly bundled: boolean;
  readonly json: boolean;
  readonly limit?: number;
  readonly style?: string;
  readonly group?: string;
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
      'no-bundled': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      style: { type: 'string' },
      group: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new Error(`--limit must be a positive whole number, not "${values.limit}"`);
  return {
    command: positionals[0],
    positionals: positionals.slice(1),
    corpus: values.corpus ?? [],
    bundled: !values['no-bundled'],
    json: values.json ?? false,
    help: values.help ?? false,
    ...(values.version ? { version: true as const } : {}),
    ...(limit === undefined ? {} : { limit }),
    ...(values.style === undefined ? {} : { style: values.style }),
    ...(values.group === undefined ? {} : { group: values.group }),
  };
}
