import { describe, expect, it } from 'vitest';
import { parseCli } from '../../../src/cli/args';
import { quoteCommand } from '../../../src/cli/commands/quote';
import { searchCommand } from '../../../src/cli/commands/search';
import { createContext } from '../../../src/cli/context';
import { applyEdits, renderQuote } from '../../../src/core/quotes';

async function run(command: typeof searchCommand, argv: string[]): Promise<string> {
  const lines: string[] = [];
  const context = createContext(parseCli([command.name, ...argv]), (text) => lines.push(text));
  expect(await command.run(context)).toBe(0);
  return lines.join('\n');
}

describe('sourcebook search and quote', () => {
  it('search --json gives the contract fields, best first, with ids that quote accepts', async () => {
    const hits = JSON.parse(await run(searchCommand, ['Huawei', 'Ascend', '--json', '--limit', '2'])) as Record<
      string,
      unknown
    >[];
    expect(hits[0]).toMatchObject({
      id: 'alibaba-qwen-shareholders#8.2',
      articleId: 'alibaba-qwen-shareholders',
      title: 'Alibaba at a Critical Juncture: Qwen and the Case for Shareholders',
      section: 'Risks and the Geopolitical Minefield',
      line: 34,
    });
    expect(typeof hits[0]!.score).toBe('number');
    expect(hits.length).toBeLessThanOrEqual(2);
  });

  it('quote prints exactly what the insert command writes into an empty note', async () => {
    const printed = await run(quoteCommand, ['alibaba-qwen-shareholders#8.2', '--style', 'footnote']);
    const context = createContext(parseCli(['quote']), () => undefined);
    const corpus = context.corpus();
    const passage = corpus.passage('alibaba-qwen-shareholders#8.2')!;
    const inserted = applyEdits('', renderQuote('', passage, corpus.article(passage.articleId)!, 'footnote', 0).edits);
    expect(`${printed}\n`).toBe(inserted);
    const [line] = inserted.split('\n');
    const anchor = / <!-- sourcebook [^<>]+ -->$/.exec(line!)![0];
    expect(await run(quoteCommand, ['Huawei Ascend processors', '--style', 'pandoc'])).toBe(
      [
        '---',
        'bibliography: references.json',
        '---',
        '',
        `${line!.slice(0, -anchor.length).replace(/\[\^[^\]]+\]$/, '')} [@alibaba-qwen-shareholders, sec. Risks and the Geopolitical Minefield]${anchor}`,
      ].join('\n'),
    );
  });

  it('refuses an unknown style', () => {
    const context = createContext(parseCli(['quote', 'x', '--style', 'harvard']), () => undefined);
    expect(() => quoteCommand.run(context)).toThrow(
      /--style must be one of footnote, inline, pandoc, apa, chicago, mla/,
    );
  });
});
