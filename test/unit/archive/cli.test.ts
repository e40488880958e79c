import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../../src/cli/args';
import { archiveCommand } from '../../../src/cli/commands/archive';
import { checkCommand } from '../../../src/cli/commands/check';
import { indexCommand } from '../../../src/cli/commands/index';
import { quoteCommand } from '../../../src/cli/commands/quote';
import { searchCommand } from '../../../src/cli/commands/search';
import { topicsCommand } from '../../../src/cli/commands/topics';
import { type CliCommand, createContext } from '../../../src/cli/context';
import { usePostgres } from '../../support/postgres';

const postgres = usePostgres();
let dir: string;
let archiveFolder: string;
let localFolder: string;

/** The archive's URL with the password in it, as a script might pass it. */
const db = () => postgres().url.replace('sourcebook@', `sourcebook:${postgres().password}@`);

/** Runs a command in process as `sourcebook ARGS` does; returns its exit code and what it printed. */
async function sourcebook(command: CliCommand, args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const context = createContext(parseCli([command.name, ...args, '--no-cache']), (text) => lines.push(text));
  try {
    const code = await command.run(context);
    return { code, out: lines.join('\n') };
  } finally {
    await context.close();
  }
}

function article(id: string, title: string, topic: string, body: string): string {
  return `---\nid: ${id}\ntitle: "${title}"\npublisher: Wire\ndate: "2026-01-02"\ntopics: [${topic}]\n---\n\n${body}\n`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sourcebook-archive-cli-'));
  archiveFolder = join(dir, 'newsroom');
  localFolder = join(dir, 'mine');
  mkdirSync(archiveFolder);
  mkdirSync(localFolder);
  writeFileSync(join(archiveFolder, 'topics.yaml'), '- id: energy\n  label: Energy\n');
  writeFileSync(
    join(archiveFolder, 'opec.md'),
    article('opec-cut', 'OPEC cuts output', 'energy', 'OPEC agreed to cut output by two million barrels a day.'),
  );
  writeFileSync(
    join(archiveFolder, 'gas.md'),
    article('gas-prices', 'Gas prices', 'energy', 'Gas prices in Europe doubled over the winter.'),
  );
  writeFileSync(
    join(localFolder, 'wind.md'),
    article('wind-farms', 'Wind farms', 'energy', 'Wind farms in Europe produced record output in March.'),
  );
  const ingest = await sourcebook(archiveCommand, ['ingest', archiveFolder, '--db', db()]);
  expect(ingest.code).toBe(0);
  expect(ingest.out).toMatch(
    /2 added, 0 updated, 0 unchanged, 0 id clashes, 0 files skipped — [\d.]+ s, \d+ articles\/s$/,
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--db on the CLI', () => {
  it('search reads the archive alone, or beside local folders', async () => {
    const alone = await sourcebook(searchCommand, ['output', '--db', db(), '--json']);
    expect((JSON.parse(alone.out) as { id: string }[]).map((h) => h.id)).toEqual(['opec-cut#0.0']);
    const beside = await sourcebook(searchCommand, ['europe', '--db', db(), '--corpus', localFolder, '--json']);
    const hits = JSON.parse(beside.out) as { id: string; title: string; line: number; headline?: string }[];
    expect(hits.map((h) => h.id).sort()).toEqual(['gas-prices#0.0', 'wind-farms#0.0']);
    const archived = hits.find((h) => h.id === 'gas-prices#0.0')!;
    expect(archived).toMatchObject({
      title: 'Gas prices',
      line: 9,
      headline: 'Gas prices in «Europe» doubled over the winter.',
    });
    expect(hits.find((h) => h.id === 'wind-farms#0.0')!.headline).toBeUndefined();
  });

  it('quote takes an archived passage by id or as the best hit of a query', async () => {
    const byId = await sourcebook(quoteCommand, ['opec-cut#0.0', '--db', db()]);
    expect(byId.out).toContain('> "OPEC agreed to cut output by two million barrels a day."[^opec-cut]');
    const byQuery = await sourcebook(quoteCommand, ['gas doubled', '--db', db()]);
    expect(byQuery.out).toContain('> "Gas prices in Europe doubled over the winter."[^gas-prices]');
  });

  it('check verifies quotes of archived articles, asking the archive only for the articles cited', async () => {
    const note = join(dir, 'note.md');
    writeFileSync(
      note,
      [
        '> "Gas prices in Europe doubled over the winter."[^gas-prices]',
        '',
        '> "OPEC agreed to cut output by three million barrels a day."[^opec-cut]',
        '',
        '[^gas-prices]: Wire, "Gas prices", 2026.',
        '[^opec-cut]: Wire, "OPEC cuts output", 2026.',
        '',
      ].join('\n'),
    );
    const checked = await sourcebook(checkCommand, [note, '--db', db(), '--json', '--all']);
    const quotes = JSON.parse(checked.out) as { status: string; articleId: string }[];
    expect(quotes.map((q) => [q.articleId, q.status])).toEqual([
      ['gas-prices', 'match'],
      ['opec-cut', 'changed'],
    ]);
    expect(checked.code).toBe(1);
    // Without the archive the same note cites unknown articles.
    const without = await sourcebook(checkCommand, [note, '--no-bundled', '--json', '--all']);
    expect((JSON.parse(without.out) as { status: string }[]).map((q) => q.status)).toEqual([
      'unknown-article',
      'unknown-article',
    ]);
  });

  it('index counts from the archive tables, topics lists its articles with its topic list', async () => {
    const index = await sourcebook(indexCommand, ['--db', db(), '--corpus', localFolder, '--json']);
    expect(JSON.parse(index.out)).toMatchObject({ articles: 3, archive: { articles: 2 } });
    const topics = await sourcebook(topicsCommand, ['--db', db(), '--json']);
    const tree = JSON.parse(topics.out) as { topic: string; articles: { id: string }[] }[];
    expect(tree.map((g) => [g.topic, g.articles.map((a) => a.id).sort()])).toEqual([
      ['Energy', ['gas-prices', 'opec-cut']],
    ]);
  });

  it('says which archive could not be reached, and never its password', async () => {
    const wrong = 'postgres://sourcebook:s3cret@127.0.0.1:1/none';
    await expect(sourcebook(searchCommand, ['oil', '--db', wrong])).rejects.toThrow(
      /^the archive at postgres:\/\/sourcebook:\*\*\*@127\.0\.0\.1:1\/none could not be reached/,
    );
    await expect(sourcebook(searchCommand, ['oil', '--db', 'mysql://x'])).rejects.toThrow(/not a PostgreSQL URL/);
  });
});
