import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check';
import type { CliContext } from '../../src/cli/context';
import { applyEdits, renderQuote } from '../../src/core/quotes';
import { loadCorpus } from '../../src/node/corpusFiles';
import { joinLines } from './helpers';

const corpus = loadCorpus({ folders: [{ root: join(__dirname, '../../corpus'), bundled: true }] });
const folder = mkdtempSync(join(tmpdir(), 'sourcebook-check-'));
const note = (name: string, ...lines: string[]) => {
  const path = join(folder, name);
  writeFileSync(path, joinLines(...lines));
  return path;
};
const exact = note(
  'exact.md',
  '# Exact',
  '',
  '> "Alibaba is transforming from an e-commerce giant into an artificial intelligence powerhouse."[^alibaba-ai-gamble-qwen]',
);
const altered = note(
  'altered.md',
  '# Altered',
  '',
  '> "Developer adoption of the Qwen model suite grew by 15 percent over the last six months." [@alibaba-ai-gamble-qwen]',
  '',
  '> "Words." [@nowhere]',
);

async function run(positionals: string[], json: boolean): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const context: CliContext = {
    options: { command: 'check', positionals, corpus: [], bundled: true, json, help: false },
    folders: [],
    corpus: () => corpus,
    problems: () => [],
    out: (text) => lines.push(text),
  };
  const code = await checkCommand.run(context);
  return { code, output: lines.join('\n') };
}

/** `check --json --all` on `positionals`: the exit code and the entries. */
async function runAll(positionals: string[]): Promise<{ code: number; output: Record<string, unknown>[] }> {
  const lines: string[] = [];
  const context: CliContext = {
    options: { command: 'check', positionals, corpus: [], bundled: true, json: true, all: true, help: false },
    folders: [],
    corpus: () => corpus,
    problems: () => [],
    out: (text) => lines.push(text),
  };
  const code = await checkCommand.run(context);
  return { code, output: JSON.parse(lines.join('\n')) as Record<string, unknown>[] };
}

describe('sourcebook check', () => {
  it('exits 0 when every cited quote matches', async () => {
    expect(await run([exact], false)).toEqual({
      code: 0,
      output: '1 quote checked in 1 note: 1 match, 0 misquoted, 0 unresolved',
    });
    expect(await run([exact], true)).toEqual({ code: 0, output: '[]' });
  });

  it('lists misquotes and unknown articles in the --json shape and exits 1', async () => {
    const { code, output } = await run([exact, altered], true);
    expect(code).toBe(1);
    expect(JSON.parse(output)).toEqual([
      {
        file: altered,
        line: 3,
        column: 3,
        severity: 'warning',
        message: expect.stringMatching(
          /^Quote does not match the source\. In "Alibaba's AI Gamble.*" § .*: the source says "150", the quote says "15"\.$/,
        ),
        articleId: 'alibaba-ai-gamble-qwen',
        closest: expect.stringMatching(
          /^Developer adoption of the Qwen model suite grew by 150 percent over the last six months, demonstrating/,
        ),
        code: 'misquote',
        closestPassageId: 'alibaba-ai-gamble-qwen#2.2',
        replacement: 'Developer adoption of the Qwen model suite grew by 150 percent over the last six months',
      },
      {
        file: altered,
        line: 5,
        column: 12,
        severity: 'error',
        message: expect.stringMatching(/cites an unknown article/),
        articleId: 'nowhere',
        closest: null,
        code: 'unknown-article',
        closestPassageId: null,
        replacement: null,
      },
    ]);
  });

  it('prints file:line:column for people, and checks the notes of a folder', async () => {
    const { code, output } = await run([folder], false);
    expect(code).toBe(1);
    expect(output.split('\n')).toEqual([
      expect.stringMatching(/altered\.md:3:3: warning: Quote does not match the source/),
      expect.stringMatching(/altered\.md:5:12: error: Quote cites an unknown article/),
      '3 quotes checked in 2 notes: 1 match, 1 misquoted, 1 unresolved',
    ]);
  });

  it('lists every cited quote with its status under --json --all', async () => {
    const lines: string[] = [];
    const context: CliContext = {
      options: {
        command: 'check',
        positionals: [folder],
        corpus: [],
        bundled: true,
        json: true,
        all: true,
        help: false,
      },
      folders: [],
      corpus: () => corpus,
      problems: () => [],
      out: (text) => lines.push(text),
    };
    expect(await checkCommand.run(context)).toBe(1);
    const entries = JSON.parse(lines.join('\n')) as Record<string, unknown>[];
    expect(entries.map((e) => [e.status, e.severity, e.kind, e.citation, e.articleId])).toEqual([
      ['changed', 'warning', 'quote', 'pandoc', 'alibaba-ai-gamble-qwen'],
      ['unknown-article', 'error', 'quote', 'pandoc', 'nowhere'],
      ['match', 'info', 'quote', 'footnote', 'alibaba-ai-gamble-qwen'],
    ]);
    expect(entries.map((e) => e.score)).toEqual([expect.any(Number), null, 1]);
    for (const entry of entries)
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining(['file', 'line', 'severity', 'status', 'message', 'articleId', 'closest']),
      );
  });

  it('exits 0 when a quote only moved, and lists it as moved with its locator fix', async () => {
    const passage = corpus.passage('alibaba-ai-gamble-qwen#10.0')!;
    const inserted = applyEdits(
      '# Moved\n',
      renderQuote('# Moved\n', passage, corpus.article(passage.articleId)!, 'pandoc', 9).edits,
    );
    // The citation now names another section than the one the words are in.
    const cited = inserted.replace(/sec\. Steps to Understanding[^\]]*/, 'sec. Is the Stock Rally Justified?');
    expect(cited).not.toBe(inserted);
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-moved-'));
    writeFileSync(join(dir, 'moved.md'), cited);
    const { code, output } = await runAll([dir]);
    expect(code).toBe(0);
    expect(output.map((e) => [e.status, e.severity, e.kind])).toEqual([['moved', 'information', 'quote']]);
    expect(String(output[0]!.message)).toMatch(/Quote moved in the source/);
  });

  it('lists the numbers of cited sentences as number entries, and exits 1 on one the source does not state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-numbers-'));
    const definition = '[^alibaba-ai-gamble-qwen]: FrontierNews.ai, "Alibaba\'s AI Gamble Is Paying Off", 2026.';
    writeFileSync(
      join(dir, 'right.md'),
      joinLines('# Right', '', 'Adoption grew 150 percent.[^alibaba-ai-gamble-qwen]', '', definition),
    );
    expect((await runAll([join(dir, 'right.md')])).code).toBe(0);
    writeFileSync(
      join(dir, 'wrong.md'),
      joinLines(
        '# Wrong',
        '',
        'Adoption grew 105 percent.[^alibaba-ai-gamble-qwen] Prices fell by up to fifty percent.[^alibaba-ai-gamble-qwen]',
        '',
        'An uncited 99 percent is nobody’s business.',
        '',
        definition,
      ),
    );
    const { code, output } = await runAll([join(dir, 'wrong.md')]);
    expect(code).toBe(1);
    expect(output.map((e) => [e.kind, e.status, e.severity, e.articleId])).toEqual([
      ['number', 'mismatch', 'warning', 'alibaba-ai-gamble-qwen'],
      ['number', 'match', 'info', 'alibaba-ai-gamble-qwen'],
    ]);
    expect(String(output[0]!.message)).toMatch(/source says 150 percent, note says 105 percent/);
  });

  it('refuses a missing file or no file at all (the CLI exits 2 on such errors)', async () => {
    await expect(run([join(folder, 'missing.md')], false)).rejects.toThrow(/file not found/);
    await expect(run([], false)).rejects.toThrow(/at least one note/);
  });
});
