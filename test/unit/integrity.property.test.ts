import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { CITATION_STYLES, prepareCslStyle } from '../../src/core/citations';
import type { Corpus } from '../../src/core/corpus';
import { checkNote } from '../../src/core/integrity/checkNote';
import type { Passage } from '../../src/core/model';
import { applyEdits, quoteText, renderQuote } from '../../src/core/quotes';
import { emptyCorpus, listArticleFiles, loadFile } from '../../src/node/corpusFiles';

const bundled = { root: join(__dirname, '../../corpus'), bundled: true };
const bbc = { root: join(__dirname, '../../../shared/corpora/bbc') };

/** The bundled articles, plus every 10th BBC article when the BBC corpus is beside the repository. */
function testCorpus(): Corpus {
  const folders = existsSync(bbc.root) ? [bundled, bbc] : [bundled];
  const corpus = emptyCorpus(folders);
  listArticleFiles(folders).forEach((file, i) => {
    if (file.bundled || i % 10 === 0) loadFile(corpus, file);
  });
  return corpus;
}

const corpus = testCorpus();

/** Every sentence and paragraph of the corpus, as passages. */
const passages: Passage[] = corpus.articles().flatMap((article) =>
  articleText(article)
    .sections.flatMap((section) => section.paragraphs.flatMap((p) => [p.id, ...p.sentences.map((s) => s.id)]))
    .map((id) => corpus.passage(id)!),
);
/**
 * Passages to mutate: those without an ellipsis of their own, since a word
 * dropped beside one reads as an elision, which a quote may make.
 */
const mutable = passages.filter((p) => !/…|\.\s?\.\s?\./.test(p.text));
const withNumbers = mutable.filter((p) => /\d/.test(p.text));

/** Lines a note is made of; the quote is inserted anywhere among them. */
const noteLine = fc.constantFrom(
  '# Notes on Alibaba',
  '## Evidence',
  '',
  '',
  'Alibaba is trading short-term profit for cloud share.',
  'Some *emphasis*, a [link](https://example.com) and "quoted" words.',
  '- a list item about Qwen',
  '1. a numbered point',
  '[^mine]: A footnote of my own.',
);
const note = fc.array(noteLine, { maxLength: 12 }).map((lines) => lines.join('\n'));

interface Inserted {
  readonly text: string;
  /** Where the quoted words (inside the marks) are in the note. */
  readonly start: number;
  readonly end: number;
}

function insert(noteText: string, passage: Passage, style: (typeof CITATION_STYLES)[number], at: number): Inserted {
  const rendered = renderQuote(
    noteText,
    passage,
    corpus.article(passage.articleId)!,
    style,
    at % (noteText.length + 1),
  );
  const text = applyEdits(noteText, rendered.edits);
  const start = text.indexOf(rendered.quote) + '> "'.length;
  return { text, start, end: start + quoteText(passage.text).length };
}

const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)?/g;

/** Word spans of a text, found independently of the checker's own tokenizer. */
function wordSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A rough word string, to rule out a mutation that happens to quote another place of the article. */
function rough(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9'\s]+/g, ' ');
  // An apostrophe inside a word is part of it; at a word's edge it is a quotation mark.
  return ` ${words
    .replace(/'(?![a-z0-9])|(?<![a-z0-9])'/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

function proseOf(passage: Passage): string {
  return articleText(corpus.article(passage.articleId)!)
    .sections.flatMap((s) => s.paragraphs.map((p) => p.text))
    .join(' ');
}

type Mutation = (text: string, pick: number) => string | undefined;

const replaceSpan = (text: string, span: { start: number; end: number }, by: string) =>
  text.slice(0, span.start) + by + text.slice(span.end);

const mutations: Record<string, Mutation> = {
  substitute(text, pick) {
    const words = wordSpans(text);
    return words.length === 0 ? undefined : replaceSpan(text, words[pick % words.length]!, 'zyxwv');
  },
  deleteWord(text, pick) {
    const words = wordSpans(text);
    if (words.length < 3) return undefined;
    const k = 1 + (pick % (words.length - 2));
    return text.slice(0, words[k]!.start) + text.slice(words[k + 1]!.start);
  },
  insertWord(text, pick) {
    const words = wordSpans(text);
    if (words.length < 2) return undefined;
    const k = 1 + (pick % (words.length - 1));
    return `${text.slice(0, words[k]!.start)}not ${text.slice(words[k]!.start)}`;
  },
  swapWords(text, pick) {
    const words = wordSpans(text);
    if (words.length < 2) return undefined;
    const k = pick % (words.length - 1);
    const [a, b] = [words[k]!, words[k + 1]!];
    return (
      text.slice(0, a.start) +
      text.slice(b.start, b.end) +
      text.slice(a.end, b.start) +
      text.slice(a.start, a.end) +
      text.slice(b.end)
    );
  },
};

/** Transposes two different adjacent digits of a number in the passage, or changes its only digit. */
function transposeNumber(text: string, pick: number): string | undefined {
  const numbers = [...text.matchAll(/\d+/g)];
  if (numbers.length === 0) return undefined;
  const number = numbers[pick % numbers.length]!;
  const digits = number[0];
  const i = [...digits].findIndex((d, k) => k + 1 < digits.length && d !== digits[k + 1]);
  const changed =
    i === -1
      ? `${(Number(digits[0]) + 1) % 10}${digits.slice(1)}`
      : digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
  return replaceSpan(text, { start: number.index, end: number.index + digits.length }, changed);
}

/** Articles a misquote may be reported against: the passage's and any with the same title (BBC has duplicates). */
function sameTitle(passage: Passage): string[] {
  const title = corpus.article(passage.articleId)!.title;
  return corpus
    .articles()
    .filter((a) => a.title === title)
    .map((a) => a.id);
}

const style = fc.constantFrom(...CITATION_STYLES);
const RUNS = { numRuns: 150 };

describe('quote integrity, on quotes the insert feature writes', { timeout: 120_000 }, () => {
  // Compiling a CSL style takes a second or more: do it once, before the properties run.
  beforeAll(() => {
    for (const cslStyle of ['apa', 'chicago', 'mla'] as const) prepareCslStyle(cslStyle);
  }, 120_000);

  it('finds nothing wrong with any inserted quote, in any style, anywhere in a note', () => {
    fc.assert(
      fc.property(fc.constantFrom(...passages), style, note, fc.nat(), (passage, citationStyle, noteText, at) => {
        const inserted = insert(noteText, passage, citationStyle, at);
        expect(checkNote(inserted.text, corpus)).toEqual([]);
      }),
      RUNS,
    );
  });

  for (const [name, mutate] of [...Object.entries(mutations), ['transposeNumber', transposeNumber] as const]) {
    it(`flags a quote with one change: ${name}`, () => {
      const pool = name === 'transposeNumber' ? withNumbers : mutable;
      fc.assert(
        fc.property(
          fc.constantFrom(...pool),
          style,
          note,
          fc.nat(),
          fc.nat(),
          (passage, citationStyle, noteText, at, pick) => {
            const mutated = mutate(quoteText(passage.text), pick);
            fc.pre(mutated !== undefined && !rough(proseOf(passage)).includes(rough(mutated)));
            const inserted = insert(noteText, { ...passage, text: mutated }, citationStyle, at);
            const problems = checkNote(inserted.text, corpus);
            // One problem: the closest passage and the words that differ, or, when too few words are left in
            // common to name a passage (a short one), `gone`.
            expect(problems).toHaveLength(1);
            expect(['misquote', 'gone']).toContain(problems[0]!.code);
            expect(sameTitle(passage)).toContain(problems[0]!.articleId);
            expect(problems[0]!.range.start.offset).toBe(inserted.start - 1);
          },
        ),
        RUNS,
      );
    });
  }

  it('does not mind reflowed lines, extra spaces, typographic quotes or ellipses at the ends', () => {
    const variation = fc.record({
      breaks: fc.array(fc.nat(), { maxLength: 6 }),
      curly: fc.boolean(),
      ellipses: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...passages),
        style,
        note,
        fc.nat(),
        variation,
        (passage, citationStyle, noteText, at, vary) => {
          const { text, start, end } = insert(noteText, passage, citationStyle, at);
          let quoted = text.slice(start, end);
          const spaces = [...quoted.matchAll(/ /g)].map((m) => m.index);
          const chosen = new Set(spaces.length === 0 ? [] : vary.breaks.map((n) => spaces[n % spaces.length]!));
          quoted = [...quoted].map((ch, i) => (chosen.has(i) ? (i % 2 ? '\n> ' : '   ') : ch)).join('');
          let open = '"';
          let close = '"';
          if (vary.curly) {
            let inner = 0;
            quoted = quoted.replace(/'/g, '’').replace(/"/g, () => (inner++ % 2 ? '”' : '“'));
            [open, close] = ['“', '”'];
          }
          if (vary.ellipses) quoted = `…${quoted}...`;
          const varied = `${text.slice(0, start - 1)}${open}${quoted}${close}${text.slice(end + 1)}`;
          expect(checkNote(varied, corpus)).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});
