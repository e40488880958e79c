import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../../src/cli/args';
import { quoteCommand } from '../../../src/cli/commands/quote';
import { createContext } from '../../../src/cli/context';
import { CITATION_STYLES, type CitationStyle } from '../../../src/core/citations';
import { checkNoteQuotes } from '../../../src/core/integrity/checkNote';
import { scanNote } from '../../../src/core/quotes';
import { requirePandoc } from './pandoc';
import { trickyCorpus } from './trickyCorpus';

// Notes built with `quote --into`, then rewritten by the formatters people run on notes.
const TIMEOUT = 240_000;

const dir = mkdtempSync(join(tmpdir(), 'sourcebook-roundtrip-'));
const corpusDir = trickyCorpus(join(dir, 'corpus'));
const notesDir = join(dir, 'notes');
mkdirSync(notesDir);

/** Passages quoted into every note: the bundled articles, and articles with titles full of Markdown and HTML. */
const QUOTED = [
  'alibaba-ai-gamble-qwen#0.0',
  'alibaba-ai-gamble-qwen#3.0',
  'alibaba-qwen-shareholders#1.0',
  'Huawei Ascend processors',
  'tricky-amp#0.0',
  'tricky-amp#1.0',
  'tricky-quotes#0.0',
  'tricky-quotes#1.0',
  'tricky-html#0.0',
  'tricky-html#1.0',
];

function quoteInto(note: string, request: string, style: CitationStyle): void {
  const context = createContext(
    parseCli(['quote', request, '--style', style, '--into', note, '--corpus', corpusDir]),
    () => undefined,
  );
  expect(quoteCommand.run(context)).toBe(0);
}

const corpus = createContext(parseCli(['check', '--corpus', corpusDir]), () => undefined).corpus();

interface Rewrite {
  readonly name: string;
  readonly apply: (text: string) => Promise<string> | string;
}

const pandoc = (from: string, to: string) => (text: string) =>
  execFileSync('pandoc', ['-f', from, '-t', to], { input: text, encoding: 'utf8' });

const REWRITES: readonly Rewrite[] = [
  { name: 'prettier', apply: (text) => prettier.format(text, { parser: 'markdown' }) },
  {
    name: 'prettier --prose-wrap always',
    apply: (text) => prettier.format(text, { parser: 'markdown', proseWrap: 'always' }),
  },
  { name: 'pandoc -f markdown -t markdown', apply: pandoc('markdown', 'markdown') },
  { name: 'pandoc -f markdown -t gfm', apply: pandoc('markdown', 'gfm') },
  { name: 'pandoc -f gfm -t markdown', apply: pandoc('gfm', 'markdown') },
];

/** The same note with one word of every quote changed (its last long word: the first may sit inside an HTML tag). */
function altered(note: string): string {
  let text = note;
  for (const quote of [...scanNote(note).quotes].reverse()) {
    const inside = text.slice(quote.textStart, quote.textEnd);
    const word = [...inside.matchAll(/\b[A-Za-z]{5,}\b/g)].pop();
    if (!word) throw new Error(`no word to alter in ${inside}`);
    const at = quote.textStart + word.index;
    text = text.slice(0, at) + 'Zyzzyva' + text.slice(at + word[0].length);
  }
  return text;
}

function statuses(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const quote of checkNoteQuotes(text, corpus)) counts[quote.status] = (counts[quote.status] ?? 0) + 1;
  return counts;
}

describe('notes built with quote --into survive the formatters', () => {
  const notes = new Map<CitationStyle, string>();

  beforeAll(() => {
    requirePandoc();
    for (const style of CITATION_STYLES) {
      const note = join(notesDir, `${style}.md`);
      for (const request of QUOTED) quoteInto(note, request, style);
      notes.set(style, readFileSync(note, 'utf8'));
    }
  }, TIMEOUT);

  it('checks every quote of every style clean as built', () => {
    for (const [style, text] of notes) expect(statuses(text), style).toEqual({ match: QUOTED.length });
  });

  it(
    'checks the same number of quotes clean after prettier and pandoc, and reports every altered word',
    { timeout: TIMEOUT },
    async () => {
      for (const [style, text] of notes) {
        for (const rewrite of REWRITES) {
          const where = `${style} after ${rewrite.name}`;
          expect(statuses(await rewrite.apply(text)), where).toEqual({ match: QUOTED.length });
          expect(statuses(await rewrite.apply(altered(text))), `${where}, altered`).toEqual({
            changed: QUOTED.length,
          });
        }
      }
    },
  );

  it('lets pandoc --citeproc resolve every citation of the pandoc-style note with no flags', () => {
    const result = spawnSync('pandoc', ['--citeproc', 'pandoc.md', '-t', 'plain'], { cwd: notesDir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/@alibaba|@tricky|\?\?/);
    expect(JSON.parse(readFileSync(join(notesDir, 'references.json'), 'utf8'))).toHaveLength(5);
  });

  it('writes the bibliography line once, at the top of the pandoc note', () => {
    const text = notes.get('pandoc')!;
    expect(text.startsWith('---\nbibliography: references.json\n---\n\n')).toBe(true);
    expect(text.match(/bibliography:/g)).toHaveLength(1);
  });
});

// Re-exported so the comparison with pandoc's citeproc can reuse the notes.
export { notesDir, corpusDir };
