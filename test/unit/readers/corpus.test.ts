import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../../src/cli/args';
import { checkCommand } from '../../../src/cli/commands/check';
import { quoteCommand } from '../../../src/cli/commands/quote';
import { searchCommand } from '../../../src/cli/commands/search';
import { topicsCommand } from '../../../src/cli/commands/topics';
import { type CliCommand, createContext } from '../../../src/cli/context';
import { prefetchExtracted } from '../../../src/node/corpusFiles';
import { windReportPdf } from '../../support/pdfFixtures';

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcebook-readers-'));
  root = join(dir, 'sources');
  mkdirSync(join(root, 'energy'), { recursive: true });
  mkdirSync(join(root, 'ports'), { recursive: true });
  const fixtures = join(__dirname, '../../fixtures/html');
  copyFileSync(join(fixtures, 'news-jsonld.html'), join(root, 'ports', 'cranes.html'));
  copyFileSync(join(fixtures, 'blog-wordpress.html'), join(root, 'energy', 'reactors.htm'));
  copyFileSync(join(fixtures, 'login.html'), join(root, 'ports', 'login.html'));
  writeFileSync(join(root, 'energy', 'wind-report.pdf'), windReportPdf());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the citation of a page-3 passage of the wind report says in each style: the page, as each style writes it. */
const PAGE_CITED: Record<string, string[]> = {
  footnote: [
    '2028."[^energy-wind-report.grid-connections.p3]',
    '[^energy-wind-report.grid-connections.p3]: Ada Brennan, "Offshore wind auction clears at record low price", publisher unknown, March 11, 2026, § Grid connections, p. 3.',
  ],
  inline: [
    '— *Offshore wind auction clears at record low price*, Ada Brennan, March 11, 2026, § Grid connections, p. 3',
  ],
  pandoc: ['2028." [@energy-wind-report, p. 3]'],
  apa: ['2028." (Brennan, 2026, p. 3)'],
  chicago: ['2028." (Brennan 2026, 3)'],
  mla: ['2028." (Brennan 3)'],
};

const pandoc = (from: string, to: string) => (text: string) =>
  execFileSync('pandoc', ['-f', from, '-t', to], { input: text, encoding: 'utf8' });
const REWRITES: Record<string, (text: string) => string | Promise<string>> = {
  'prettier --prose-wrap always': (text) => prettier.format(text, { parser: 'markdown', proseWrap: 'always' }),
  'pandoc -t markdown': pandoc('markdown', 'markdown'),
  'pandoc -t gfm': pandoc('markdown', 'gfm'),
};

async function run(command: CliCommand, argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const context = createContext(parseCli([command.name, ...argv, '--corpus', root, '--no-bundled']), (text) =>
    lines.push(text),
  );
  await prefetchExtracted(context.folders);
  const code = await command.run(context);
  return { code, out: lines.join('\n') };
}

describe('a corpus folder of web pages and PDFs', () => {
  it('lists them in the Topics outline with their titles, dates, publishers, formats and URLs', async () => {
    const groups = JSON.parse((await run(topicsCommand, ['--json'])).out) as {
      topic: string;
      articles: Record<string, unknown>[];
    }[];
    const articles = groups.flatMap((group) => group.articles);
    expect(articles.map((a) => [a.title, a.date, a.publisher, a.format])).toEqual(
      expect.arrayContaining([
        ['Harbour cranes stall as port strike enters second week', '2026-03-14', 'Coastline Daily', 'html'],
        ['Why small reactors keep missing their deadlines', '2025-11-02', 'The Grid Notebook', 'html'],
        ['Offshore wind auction clears at record low price', '2026-03-11', null, 'pdf'],
      ]),
    );
    expect(articles).toHaveLength(3); // the login page is skipped
    expect(articles.find((a) => a.format === 'pdf')!.url).toBeNull();
    expect(articles.find((a) => a.title === 'Harbour cranes stall as port strike enters second week')!.url).toBe(
      'https://coastline.example/business/2026/03/harbour-cranes-stall',
    );
  });

  it(
    'finds a sentence of page 3 with page 3, and a quote inserted from it cites the page and passes check',
    { timeout: 180_000 },
    async () => {
      const hits = JSON.parse((await run(searchCommand, ['cables to carry 4.2 gigawatts', '--json'])).out) as {
        id: string;
        page?: number;
        text: string;
      }[];
      expect(hits[0]).toMatchObject({
        text: 'Grid operators expect the new cables to carry 4.2 gigawatts by the end of 2028.',
        page: 3,
      });
      const web = JSON.parse((await run(searchCommand, ['bananas from Rotterdam', '--json'])).out) as Record<
        string,
        unknown
      >[];
      expect(web[0]).toMatchObject({ url: 'https://coastline.example/business/2026/03/harbour-cranes-stall' });
      expect(web[0]!.page).toBeUndefined();

      for (const style of Object.keys(PAGE_CITED)) {
        const quoted = await run(quoteCommand, [hits[0]!.id, '--style', style]);
        expect(quoted.out).toContain(
          '"Grid operators expect the new cables to carry 4.2 gigawatts by the end of 2028."',
        );
        for (const cited of PAGE_CITED[style]!) expect(quoted.out, style).toContain(cited);
        const note = join(dir, `note-${style}.md`);
        writeFileSync(note, `# Notes\n\n${quoted.out}\n`);
        expect(await run(checkCommand, [note])).toMatchObject({ code: 0 });
        // The page locator survives the formatters people run on notes.
        for (const [name, rewrite] of Object.entries(REWRITES)) {
          writeFileSync(note, await rewrite(`# Notes\n\n${quoted.out}\n`));
          expect((await run(checkCommand, [note])).code, `${style} after ${name}`).toBe(0);
        }
        writeFileSync(note, `# Notes\n\n${quoted.out.replace('4.2 gigawatts', '5.2 gigawatts')}\n`);
        expect((await run(checkCommand, [note])).code, `${style}: ${quoted.out}`).toBe(1);
      }
    },
  );

  it('reports why a file was skipped', async () => {
    const { out } = await run((await import('../../../src/cli/commands/index')).indexCommand, ['--json']);
    const index = JSON.parse(out) as { skipped: { path: string; reason: string }[] };
    expect(index.skipped).toEqual([
      { path: join(root, 'ports', 'login.html'), reason: 'a login page, not an article' },
    ]);
  });
});
