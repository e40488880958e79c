import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../src/core/integrity/checkNote';
import { scanNote } from '../../src/core/quotes';
import { Corpus } from '../../src/core/corpus';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { loadCorpus } from '../../src/node/corpusFiles';
import { joinLines } from './helpers';

const corpus = loadCorpus({ folders: [{ root: join(__dirname, '../../corpus'), bundled: true }] });
const GAMBLE = 'alibaba-ai-gamble-qwen';
const SHAREHOLDERS = 'alibaba-qwen-shareholders';
const LEAD =
  'Alibaba is transforming from an e-commerce giant into an artificial intelligence powerhouse, and the stock market is taking notice.';
const WU =
  '"AI is not just an add-on feature for us; it is the fundamental technology that will define Alibaba\'s next decade," CEO Eddie Wu recently stated';

function quoted(noteText: string) {
  return scanNote(noteText).quotes.map((q) => ({
    quote: noteText.slice(q.start, q.end),
    citation: noteText.slice(q.citation.start, q.citation.end),
    kind: q.citation.kind,
  }));
}

describe('scanNote', () => {
  it('reads the quote and the citation of every style', () => {
    const note = joinLines(
      `> "${LEAD}"[^${GAMBLE}]`,
      '',
      `> "${LEAD}" [@${GAMBLE}]`,
      '',
      `> "${LEAD}" — *Alibaba's AI Gamble Is Paying Off*, FrontierNews.ai, 2026`,
      '',
      `[^${GAMBLE}]: FrontierNews.ai, "Alibaba's AI Gamble Is Paying Off", 2026.`,
    );
    expect(quoted(note)).toEqual([
      { quote: `"${LEAD}"`, citation: `[^${GAMBLE}]`, kind: 'footnote' },
      { quote: `"${LEAD}"`, citation: `[@${GAMBLE}]`, kind: 'pandoc' },
      { quote: `"${LEAD}"`, citation: "*Alibaba's AI Gamble Is Paying Off*, FrontierNews.ai, 2026", kind: 'text' },
    ]);
    expect(scanNote(note).footnotes.get(GAMBLE)).toMatch(/^FrontierNews/);
  });

  it('follows a quote over several blockquote lines and lazy continuation lines', () => {
    const note = joinLines(
      '> "Alibaba is transforming',
      '> from an e-commerce giant',
      'into an AI powerhouse."',
      `> — *Some Title*, 2026`,
    );
    expect(quoted(note)).toEqual([
      { quote: note.slice(2, note.indexOf('."') + 2), citation: '*Some Title*, 2026', kind: 'text' },
    ]);
  });

  it('reads several cited quotes sharing one blockquote', () => {
    const note = joinLines(`> "One."[^${GAMBLE}]`, `> "Two." [@${SHAREHOLDERS}]`);
    expect(quoted(note).map((q) => q.quote)).toEqual(['"One."', '"Two."']);
  });

  it('ignores blockquotes without quote marks or a citation, code blocks and front matter', () => {
    const note = joinLines(
      '---',
      `note: "> "x"[^${GAMBLE}]"`,
      '---',
      '> Just a remark.',
      '',
      '> "A quote with no citation."',
      '',
      '```markdown',
      `> "Inside code"[^${GAMBLE}]`,
      '```',
    );
    expect(quoted(note)).toEqual([]);
  });

  it('accepts typographic quote marks and a period after the closing mark', () => {
    expect(quoted(`> “${LEAD}”.[^${GAMBLE}]`)).toEqual([
      { quote: `“${LEAD}”`, citation: `[^${GAMBLE}]`, kind: 'footnote' },
    ]);
  });
});

describe('checkNote', () => {
  it('passes exact quotes in every citation form', () => {
    const note = joinLines(
      `> "${LEAD}"[^${GAMBLE}]`,
      '',
      `> "${WU}" [@${SHAREHOLDERS}]`,
      '',
      `> "${LEAD}" — *Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT*, FrontierNews.ai, 2026`,
      '',
      `> "${LEAD}" — FrontierNews.ai. (2026). Alibaba’s AI gamble is paying off: How Qwen became China’s answer to ChatGPT.`,
      '',
      `[^${GAMBLE}]: FrontierNews.ai, "Alibaba's AI Gamble Is Paying Off", 2026.`,
    );
    expect(checkNote(note, corpus)).toEqual([]);
  });

  it('does not mind whitespace, line breaks, quote style or a leading and trailing ellipsis', () => {
    const reflowed = LEAD.replace(/ /g, '\n> ').replace(/'/g, '’');
    expect(checkNote(`> “…${reflowed}…”[^${GAMBLE}]`, corpus)).toEqual([]);
    expect(checkNote(`> "${WU.replace(/"/g, '“').replace(/'/g, '’')}"[^${SHAREHOLDERS}]`, corpus)).toEqual([]);
  });

  it('accepts an elided quote whose parts appear in order, and flags one whose parts do not', () => {
    expect(
      checkNote(`> "Alibaba is transforming … and the stock market is taking notice"[^${GAMBLE}]`, corpus),
    ).toEqual([]);
    const [problem] = checkNote(
      `> "and the stock market is taking notice … Alibaba is transforming"[^${GAMBLE}]`,
      corpus,
    );
    expect(problem).toMatchObject({ code: 'misquote', message: expect.stringMatching(/not in this order/) });
  });

  it('flags a changed word with a warning naming the closest passage and a fix restoring it', () => {
    const note = `> "${LEAD.replace('powerhouse', 'superpower')}"[^${GAMBLE}]`;
    const [problem, ...rest] = checkNote(note, corpus);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'misquote',
      severity: 'warning',
      articleId: GAMBLE,
      range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 + LEAD.length } },
      message: `Quote does not match the source. In "Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT": the source says "powerhouse", the quote says "superpower".`,
      closest: { articleId: GAMBLE, passageId: `${GAMBLE}#0.0`, sectionIndex: 0, text: LEAD },
      fix: { text: LEAD.slice(0, -1) },
    });
    const fixed =
      note.slice(0, problem!.fix!.range.start.offset) + problem!.fix!.text + note.slice(problem!.fix!.range.end.offset);
    expect(fixed).toBe(`> "${LEAD}"[^${GAMBLE}]`);
    expect(checkNote(fixed, corpus)).toEqual([]);
  });

  it('names the section of the closest passage', () => {
    const [problem] = checkNote(
      `> "Competitors like PDD Holdings (Pinduoduo) and Tencent have squeezed retail margins" [@${GAMBLE}]`,
      corpus,
    );
    expect(problem!.message).toMatch(
      /§ Why Is Alibaba Sacrificing Short-Term Profits for AI\?: the source says "ByteDance", the quote says "Tencent"\.$/,
    );
    expect(problem!.closest!.sectionTitle).toBe('Why Is Alibaba Sacrificing Short-Term Profits for AI?');
  });

  it('flags a dropped, added or reordered word and a changed number', () => {
    const variants = [
      LEAD.replace('e-commerce ', ''),
      LEAD.replace('stock market', 'stock market really'),
      LEAD.replace('giant into', 'into giant'),
      'Developer adoption of the Qwen model suite grew by 15 percent over the last six months',
      'Developer adoption of the Qwen model suite grew by 150 percent over the last 6 months',
    ];
    for (const variant of variants) expect(checkNote(`> "${variant}"[^${GAMBLE}]`, corpus), variant).toHaveLength(1);
  });

  it('reports a citation of an unknown article as an error on the citation', () => {
    const note = joinLines(
      '> "Something said."[^no-such-article]',
      '',
      '> "Something said." [@nope]',
      '',
      '> "Something said." — *A Book Nobody Has*, 2020',
    );
    const problems = checkNote(note, corpus);
    expect(
      problems.map((p) => [p.code, p.severity, p.articleId, note.slice(p.range.start.offset, p.range.end.offset)]),
    ).toEqual([
      ['unknown-article', 'error', 'no-such-article', '[^no-such-article]'],
      ['unknown-article', 'error', 'nope', '[@nope]'],
      ['unknown-article', 'error', undefined, '*A Book Nobody Has*, 2020'],
    ]);
    expect(problems[0]!.message).toMatch(/cites an unknown article/);
  });

  it("leaves quotes with citations that are not Sourcebook's alone", () => {
    const note = joinLines(
      '> "To be, or not to be." — Shakespeare',
      '',
      '> "Quoted from my own notes."[^1]',
      '',
      '[^1]: My notebook.',
    );
    expect(checkNote(note, corpus)).toEqual([]);
  });

  it('resolves a footnote whose label is not an id by the title in its definition', () => {
    const note = joinLines(
      `> "${LEAD}"[^gamble]`,
      '',
      `[^gamble]: FrontierNews.ai, "Alibaba's AI Gamble Is Paying Off: How Qwen Became China's Answer to ChatGPT", 2026.`,
    );
    expect(checkNote(note, corpus)).toEqual([]);
    expect(checkNote(note.replace('transforming', 'turning'), corpus)).toHaveLength(1);
  });

  it('says when nothing in the article is close to the quote (gone, an error), and offers no fix', () => {
    const [problem] = checkNote(`> "Bananas grow on tall herbaceous plants in warm climates."[^${GAMBLE}]`, corpus);
    expect(problem).toMatchObject({
      code: 'gone',
      severity: 'error',
      message: expect.stringMatching(/no passage of .* is close to it/),
    });
    expect(problem!.fix).toBeUndefined();
  });

  it('does not take a quote that cuts a word or a number of the source for a match', () => {
    const cut = [
      'ransforming from an e-commerce giant into an artificial intelligence powerhouse',
      '50 percent over the last six months',
      'Developer adoption of the Qwen model suite grew by 1',
    ];
    for (const quote of cut) expect(checkNote(`> "${quote}"[^${GAMBLE}]`, corpus), quote).toHaveLength(1);
  });

  it('reads Markdown in an article as its prose: link text counts, link destinations and footnote marks do not', () => {
    const markdown = new Corpus();
    const text = joinLines(
      '---',
      'id: md',
      'title: Markdown Article',
      '---',
      '',
      'The [Qwen](https://qwen.ai "home") model is *open*[^1] and <b>free</b>.',
      '',
      '[^1]: A note.',
    );
    markdown.setFile({ path: '/c/md.md', relativePath: 'md.md' }, decodeCorpusFile(new TextEncoder().encode(text)));
    const check = (quote: string) => checkNote(`> "${quote}" [@md]`, markdown).map((p) => p.code);
    expect(check('The [Qwen](https://qwen.ai "home") model is *open*[^1] and <b>free</b>.')).toEqual([]);
    expect(check('The Qwen model is open and free.')).toEqual([]);
    expect(check('qwen.ai "home") model is open')).toEqual(['misquote']);
    expect(check('The Qwen model is closed')).toEqual(['misquote']);
  });
});
