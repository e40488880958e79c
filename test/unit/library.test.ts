import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { checkCommand } from '../../src/cli/commands/check';
import { quoteCommand } from '../../src/cli/commands/quote';
import { type CliCommand, createContext } from '../../src/cli/context';
import { parseBibtexLibrary } from '../../src/core/library/bibtex';
import { parseCslJsonLibrary } from '../../src/core/library/library';
import { normalUrl } from '../../src/core/library/match';
import { prefetchExtracted } from '../../src/node/corpusFiles';
import { readLibraries } from '../../src/node/library';

const fixtures = join(__dirname, '../fixtures');
const cslPath = join(fixtures, 'library/zotero.json');
const bibPath = join(fixtures, 'library/refs.bib');

describe('reading a reference library', () => {
  it('reads CSL-JSON, leaving out an entry without a key with a warning', () => {
    const { library, warnings } = readLibraries([cslPath]);
    expect(library.items.map((item) => item.key)).toEqual(['lindqvist2026cranes', 'brennan2026wind']);
    expect(warnings).toEqual([`${cslPath}, entry 2: no id (citation key); left out`]);
    expect(library.item('lindqvist2026cranes')).toMatchObject({
      title: 'Harbour cranes stall as port strike enters second week',
      year: 2026,
    });
  });

  it('reads BibTeX through citation-js, one broken entry left out with its line', () => {
    const { items, warnings } = parseBibtexLibrary(
      '@article{wren2025reactors,\n  author = {Wren, Tomasz},\n  title = {Why small reactors},\n  journal = {The Grid Notebook},\n  year = {2025}\n}\n\n@article{broken,\n  title = {Unclosed\n',
      'refs.bib',
    );
    expect(items.map((item) => [item.key, item.title, item.year, item.csl['container-title']])).toEqual([
      ['wren2025reactors', 'Why small reactors', 2025, 'The Grid Notebook'],
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^refs\.bib, line 8: /);
  });

  it('reports a file that is not a library, never throws', () => {
    expect(parseCslJsonLibrary('{ nope', 'x.json').warnings[0]).toMatch(/is not JSON/);
    expect(readLibraries([join(fixtures, 'missing.json')]).warnings[0]).toMatch(/cannot be read/);
  });

  it('compares URLs without scheme, www, trailing slash or tracking parameters', () => {
    expect(normalUrl('https://www.Example.com/a/b/?utm_source=x&id=3#top')).toBe(
      normalUrl('http://example.com/a/b?id=3'),
    );
  });
});

describe('a corpus matched to the library', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourcebook-library-'));
    root = join(dir, 'sources');
    mkdirSync(root);
    copyFileSync(join(fixtures, 'html/news-jsonld.html'), join(root, 'cranes.html'));
    copyFileSync(join(fixtures, 'html/blog-wordpress.html'), join(root, 'reactors.html'));
    writeFileSync(
      join(root, 'wind.md'),
      '---\ntitle: Wind\ncitekey: brennan2026wind\n---\n\nThe auction cleared at a record low strike price.\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(command: CliCommand, argv: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const options = parseCli([
      command.name,
      ...argv,
      '--corpus',
      root,
      '--no-bundled',
      '--library',
      cslPath,
      '--library',
      bibPath,
    ]);
    const context = createContext(options, (text) => lines.push(text));
    await prefetchExtracted(context.folders);
    const code = await command.run(context);
    return { code, out: lines.join('\n') };
  }

  it('cites a page whose URL is in the library with its key, and the quote passes check', async () => {
    const quoted = await run(quoteCommand, ['bananas from Rotterdam', '--style', 'pandoc']);
    expect(quoted.out).toMatch(/ \[@lindqvist2026cranes(?:, sec\. [^\]]+)?\] <!-- sourcebook [^<>]+ -->$/);
    const note = join(dir, 'note.md');
    writeFileSync(note, `# Note\n\n${quoted.out}\n`);
    expect((await run(checkCommand, [note])).code).toBe(0);
  });

  it('matches by BibTeX URL and by a front-matter citekey, and formats with the library metadata', async () => {
    expect((await run(quoteCommand, ['forges in the world', '--style', 'pandoc'])).out).toMatch(
      /\[@wren2025reactors(?:, sec\. [^\]]+)?\] <!-- sourcebook [^<>]+ -->$/,
    );
    expect((await run(quoteCommand, ['record low strike price', '--style', 'pandoc'])).out).toMatch(
      /\[@brennan2026wind\] <!-- sourcebook [^<>]+ -->$/,
    );
    const apa = (await run(quoteCommand, ['record low strike price', '--style', 'apa'])).out;
    expect(apa).toContain('Brennan');
    expect(apa).toContain('Northwind Energy Review');
  });

  it('gives the footnote and inline styles the library metadata too: authors, container, date, DOI or URL', async () => {
    const wind = await run(quoteCommand, ['record low strike price', '--style', 'footnote']);
    expect(wind.out).toContain(
      '[^wind]: Ada Brennan, Northwind Energy Review, "Offshore wind auction clears at record low price", March 2026, <https://doi.org/10.5555/nwer.2026.031>.',
    );
    const inline = await run(quoteCommand, ['record low strike price', '--style', 'inline']);
    expect(inline.out).toMatch(
      / — \*Offshore wind auction clears at record low price\*, Ada Brennan, Northwind Energy Review, March 2026, <https:\/\/doi\.org\/10\.5555\/nwer\.2026\.031> <!-- sourcebook [^<>]+ -->$/,
    );
    const cranes = await run(quoteCommand, ['bananas from Rotterdam', '--style', 'footnote']);
    expect(cranes.out).toMatch(
      /\]: Mara Lindqvist, Coastline Daily, "Harbour cranes stall as port strike enters second week", March 14, 2026, (?:§ [^,]+, )?<https:\/\/www\.coastline\.example\/business\/2026\/03\/harbour-cranes-stall\/\?utm_source=newsletter>\.$/,
    );
    // The library's title is not the corpus's ("Wind"), and the quotes still resolve and check clean.
    for (const [name, quoted] of Object.entries({ wind, inline, cranes })) {
      const note = join(dir, `library-${name}.md`);
      writeFileSync(note, `# Note\n\n${quoted.out}\n`);
      expect((await run(checkCommand, [note])).code, name).toBe(0);
      writeFileSync(note, `# Note\n\n${quoted.out.replace(/record low|bananas/, 'record high')}\n`);
      expect((await run(checkCommand, [note])).code, `${name}, altered`).toBe(1);
    }
  });
});
