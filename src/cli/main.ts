import { parseCli } from './args';
import { type CliCommand, createContext } from './context';
import { indexCommand } from './commands/index';
import { topicsCommand } from './commands/topics';
import { searchCommand } from './commands/search';
import { quoteCommand } from './commands/quote';
import { checkCommand } from './commands/check';
import { entitiesCommand } from './commands/entities';
import { VERSION } from './version';

const COMMANDS: readonly CliCommand[] = [
  indexCommand,
  topicsCommand,
  searchCommand,
  quoteCommand,
  checkCommand,
  entitiesCommand,
];

function usage(): string {
  const lines = COMMANDS.map((c) => `  sourcebook ${c.usage.padEnd(44)} ${c.summary}`);
  return [
    'Usage:',
    ...lines,
    `  sourcebook ${'--version'.padEnd(44)} print the version`,
    '',
    'Options (every command):',
    '  --corpus DIR    also read the articles in DIR (repeatable)',
    '  --no-bundled    leave out the bundled corpus',
    '  --json          print JSON for scripts',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const options = parseCli(argv);
  const command = COMMANDS.find((c) => c.name === options.command);
  if (options.version) {
    process.stdout.write(`sourcebook ${VERSION}\n`);
    return 0;
  }
  if (options.help || !options.command) {
    process.stdout.write(`${usage()}\n`);
    return options.command || options.help ? 0 : 2;
  }
  if (!command) throw new Error(`unknown command "${options.command}"\n\n${usage()}`);
  const context = createContext(options, (text) => process.stdout.write(`${text}\n`));
  return command.run(context);
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
    process.stderr.write(`sourcebook: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
