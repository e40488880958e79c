import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { exportCommand } from '../../src/cli/commands/export';
import { quoteCommand } from '../../src/cli/commands/quote';
import { createContext } from '../../src/cli/context';
import { pageAt } from '../../src/core/readers/extracted';
import { extractPdf } from '../../src/node/readers/pdf';
import { requirePandoc } from './roundtrip/pandoc';

// `sourcebook export NOTE.md --to pdf` on a note built with `quote --into`: pandoc's citeproc
// formats the citations and the reference list, and the PDF (printed by Chromium when no LaTeX
// engine is installed, as on a machine set up by scripts/host/install-pandoc.sh) carries them.
const TIMEOUT = 180_000;

const dir = mkdtempSync(join(tmpdir(), 'sourcebook-export-pdf-'));
const note = join(dir, 'note.md');

function cli(argv: string[]): { code: number | Promise<number>; out: string[] } {
  const out: string[] = [];
  const context = createContext(parseCli(argv), (text) => out.push(text));
  const command = argv[0] === 'export' ? exportCommand : quoteCommand;
  return { code: command.run(context), out };
}

async function pdfText(file: string): Promise<{ text: string; pages: number }> {
  const result = await extractPdf(new Uint8Array(readFileSync(file)));
  if (!result.ok) throw new Error(`the exported PDF cannot be read: ${result.reason}`);
  const { text, pages } = result.document;
  return { text: text.replace(/\s+/g, ' '), pages: pageAt(pages, text.length) ?? 0 };
}

describe('export to PDF', () => {
  beforeAll(() => {
    requirePandoc();
    const engine = ['pdflatex', 'xelatex', 'lualatex', 'chromium'].some(
      (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0,
    );
    if (!engine)
      throw new Error('no PDF engine: run `bash scripts/host/install-pandoc.sh` (it installs Chromium from Debian)');
    for (const request of ['alibaba-ai-gamble-qwen#0.0', 'alibaba-qwen-shareholders#1.0'])
      expect(cli(['quote', request, '--style', 'pandoc', '--into', note]).code).toBe(0);
  }, TIMEOUT);

  it(
    'writes a PDF with the citations formatted in the chosen style and the reference list',
    { timeout: TIMEOUT },
    async () => {
      const { code, out } = cli(['export', note, '--to', 'pdf']);
      expect(code).toBe(0);
      expect(out).toEqual([join(dir, 'note.pdf')]);
      const bytes = readFileSync(join(dir, 'note.pdf'));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { text, pages } = await pdfText(join(dir, 'note.pdf'));
      expect(pages).toBeGreaterThanOrEqual(1);
      // The quotes, their in-text citations (Chicago author-date, the default), and the entries.
      expect(text).toContain('Alibaba is transforming from an e-commerce giant');
      expect(text).toMatch(/\(“Alibaba[’']s AI Gamble Is Paying Off[^)]*” 2026\)/);
      expect(text).toMatch(
        /“Alibaba[’']s AI Gamble Is Paying Off: How Qwen Became China[’']s Answer to ChatGPT\.” 2026\. FrontierNews\.ai\./,
      );
      // The reference list under its heading, after the quotes, sorted.
      expect(text).toMatch(
        /Trojan Horse\) (?:## )?References “\[Alibaba at a Critical Juncture[^“]+“Alibaba[’']s AI Gamble/,
      );
      expect(text).not.toMatch(/\[@|\?\?\?|citation .* not found/);
    },
  );

  it('formats in another style on request (MLA), still with the entries', { timeout: TIMEOUT }, async () => {
    const output = join(dir, 'note-mla.pdf');
    const { code } = cli(['export', note, '--to', 'pdf', '--style', 'mla', '-o', output]);
    expect(code).toBe(0);
    expect(existsSync(output)).toBe(true);
    const { text } = await pdfText(output);
    expect(text).toMatch(/\(“Alibaba[’']s AI Gamble Is Paying Off[^)]*”\)/);
    expect(text).toMatch(/(?:## )?Works Cited [\s\S]*FrontierNews\.ai, 2026\./);
    expect(text).not.toMatch(/\[@|\?\?\?/);
  });
});
