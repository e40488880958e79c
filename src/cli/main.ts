import { terminalSafe } from '../core/text/terminal';
import { parseCli } from './args';
import { type CliCommand, createContext } from './context';
import { VERSION } from './version';

/**
 * The commands, each loaded when it runs: a command's code (citeproc for
 * `quote`, say) is not started by the others, which keeps a `search` or an
 * `index` process short.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  index: () => import('./commands/index').then((m) => m.indexCommand),
  topics: () => import('./commands/topics').then((m) => m.topicsCommand),
  search: () => import('./commands/search').then((m) => m.searchCommand),
  quote: () => import('./commands/quote').then((m) => m.quoteCommand),
  check: () => import('./commands/check').then((m) => m.checkCommand),
  'cited-by': () => import('./commands/citedBy').then((m) => m.citedByCommand),
  entities: () => import('./commands/entities').then((m) => m.entitiesCommand),
  export: () => import('./commands/export').then((m) => m.exportCommand),
  archive: () => import('./commands/archive').then((m) => m.archiveCommand),
};

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const lines = commands.map((c) => `  sourcebook ${c.usage.padEnd(44)} ${c.summary}`);
  return [
    'Usage:',
    ...lines,
    `  sourcebook ${'--version'.padEnd(44)} print the version`,
    '',
    'Options (every command):',
    '  --corpus DIR    also read the articles in DIR (repeatable)',
    '  --library FILE  cite with the keys of a CSL-JSON or BibTeX library (repeatable)',
    '  --no-bundled    leave out the bundled corpus',
    '  --db URL        also read the team archive at postgres://user@host/db (password: PGPASSWORD or ~/.pgpass);',
    '                  the bundled corpus is then left out',
    '  --cache DIR     keep the persisted indexes in DIR (default: $XDG_CACHE_HOME/sourcebook or ~/.cache/sourcebook)',
    '  --no-cache      neither read nor write persisted indexes',
    '  --json          print JSON for scripts',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const options = parseCli(argv);
  if (options.version) {
    process.stdout.write(`sourcebook ${VERSION}\n`);
    return 0;
  }
  if (options.help || !options.command) {
    process.stdout.write(`${await usage()}\n`);
    return options.command || options.help ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, options.command) ? COMMANDS[options.command] : undefined;
  if (!load) throw new Error(`unknown command "${options.command}"\n\n${await usage()}`);
  const command = await load();
  // Corpus text is data: printed with no escape sequence a terminal would act on (JSON escapes them itself).
  const context = createContext(options, (text) => process.stdout.write(`${terminalSafe(text)}\n`));
  try {
    if (command.standalone) return await command.run(context);
    await context.load();
    const code = await command.run(context);
    context.persist((text) => process.stderr.write(`sourcebook: ${terminalSafe(text)}\n`));
    return code;
  } finally {
    await context.close();
  }
}

// `sourcebook topics | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sourcebook: ${terminalSafe(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 2;
  },
);
