import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citedByCommand } from '../../src/cli/commands/citedBy';
import type { CliContext } from '../../src/cli/context';
import { applyEdits, renderQuote } from '../../src/core/quotes';
import { loadCorpus } from '../../src/node/corpusFiles';
import { joinLines } from './helpers';

const corpus = loadCorpus({ folders: [{ root: join(__dirname, '../../corpus'), bundled: true }] });
const folder = mkdtempSync(join(tmpdir(), 'sourcebook-cited-by-'));

/** Writes a note holding the passages, quoted as the insert command quotes them. */
function note(name: string, style: 'footnote' | 'pandoc' | 'apa', ...passageIds: string[]): string {
  let text = `# ${name}\n`;
  for (const id of passageIds) {
    const passage = corpus.passage(id)!;
    text = applyEdits(text, renderQuote(text, passage, corpus.article(passage.articleId)!, style, text.length).edits);
  }
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const thesis = note('thesis.md', 'footnote', 'alibaba-ai-gamble-qwen#10.0', 'alibaba-qwen-shareholders#8.2');
const risks = note('risks.md', 'pandoc', 'alibaba-qwen-shareholders#8.2');
writeFileSync(join(folder, 'plain.md'), joinLines('# Plain', '', 'Nothing cited here about Qwen.'));

async function run(positionals: string[], json = false): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const context: CliContext = {
    options: { command: 'cited-by', positionals, corpus: [], bundled: true, json, help: false },
    folders: [],
    corpus: () => corpus,
    problems: () => [],
    out: (text) => lines.push(text),
  };
  const code = await citedByCommand.run(context);
  return { code, output: lines.join('\n') };
}

describe('sourcebook cited-by', () => {
  it('lists the notes and lines that cite an article, as file:line:column', async () => {
    const { code, output } = await run(['alibaba-qwen-shareholders', folder]);
    expect(code).toBe(0);
    const [head, ...places] = output.split('\n');
    expect(head).toBe(
      '“Alibaba at a Critical Juncture: Qwen and the Case for Shareholders” [alibaba-qwen-shareholders] is cited by 2 notes:',
    );
    expect(places).toEqual([
      expect.stringMatching(new RegExp(`^${risks.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: quote: `)),
      expect.stringMatching(/thesis\.md:\d+:4: quote: /),
    ]);
  });

  it('gives the same under --json, with 1-based lines that point at the quote', async () => {
    const { output } = await run(['alibaba-ai-gamble-qwen', folder], true);
    const parsed = JSON.parse(output) as {
      article: { id: string };
      notes: number;
      citations: { file: string; line: number; column: number; kind: string; articleId: string; text: string }[];
    };
    expect(parsed.article.id).toBe('alibaba-ai-gamble-qwen');
    expect(parsed.notes).toBe(1);
    expect(parsed.citations).toHaveLength(1);
    const [place] = parsed.citations;
    expect(place).toMatchObject({ file: thesis, kind: 'quote', articleId: 'alibaba-ai-gamble-qwen' });
    const line = (await import('node:fs')).readFileSync(thesis, 'utf8').split('\n')[place!.line - 1]!;
    expect(line.slice(place!.column - 1)).toMatch(/^Open-Source Model Distribution/);
  });

  it('lists the cited passages that name an entity, and says when nothing cites it', async () => {
    const qwen = await run(['Qwen', folder]);
    expect(qwen.output.split('\n')[0]).toMatch(/^Qwen \(product\) is named in passages cited by 1 note:$/);
    expect(qwen.output).toMatch(/thesis\.md:\d+:\d+: quote: Open-Source Model Distribution: By releasing Qwen/);
    expect(qwen.output).not.toMatch(/risks\.md/);
    const plain = await run(['alibaba-ai-gamble-qwen', join(folder, 'plain.md')]);
    expect(plain).toEqual({ code: 0, output: expect.stringMatching(/is not cited by any note$/) });
  });

  it('refuses what is neither an article nor an entity, and a missing article id', async () => {
    await expect(run(['no-such-thing', folder])).rejects.toThrow(/no article has the id "no-such-thing"/);
    await expect(run([])).rejects.toThrow(/needs an article id or an entity name/);
  });
});
