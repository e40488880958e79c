// Figures of quotes whose sources change: re-anchoring the quotes of a
// 1,000-quote note after its articles were edited, and checking the numbers
// of a note of 1,000 cited sentences. Each runs in its own process.
import { relative } from 'node:path';
import { articleText } from '../../src/core/articleText';
import { checkNoteQuotes } from '../../src/core/integrity/checkNote';
import { checkNoteNumbers } from '../../src/core/integrity/checkNumbers';
import { numbersIn } from '../../src/core/integrity/numbers';
import type { Passage } from '../../src/core/model';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { renderQuote } from '../../src/core/quotes';
import { loadCorpus } from '../../src/node/corpusFiles';
import { random, time } from './probeTiming';

type Result = Record<string, unknown>;

type Edit = 'none' | 'changed' | 'moved' | 'gone';

/** How an article's quoted sentences are edited: by the article, so every quote of it sees one kind of change. */
const EDITS: readonly Edit[] = ['none', 'changed', 'changed', 'moved', 'moved', 'gone', 'none'];

/**
 * A note of 1,000 anchored quotes of BBC sentences (pandoc style, as Insert
 * Cited Quote writes them), its articles then edited on disk as a re-export
 * would: a word changed in the quoted sentence, the sentence moved to a new
 * last section, or deleted. The figure is the first check after the change
 * (the edited articles parsed, as the loader parses a changed file), which
 * re-anchors every quote that is not found word for word.
 */
function reanchoring(root: string): Result {
  const corpus = loadCorpus({ folders: [{ root }] });
  const next = random(23);
  const sentences: Passage[] = [...corpus.sentences()].filter((p) => p.text.split(' ').length >= 8);
  const quoted: Passage[] = [];
  const seen = new Set<string>();
  while (quoted.length < 1000) {
    const passage = sentences[Math.floor(next() * sentences.length)]!;
    if (seen.has(passage.id)) continue;
    seen.add(passage.id);
    quoted.push(passage);
  }
  const lines = ['# Notes', ''];
  for (const passage of quoted) {
    const rendered = renderQuote('', passage, corpus.article(passage.articleId)!, 'pandoc', 0);
    const quote = rendered.edits
      .map((e) => e.text)
      .join('')
      .split('\n')
      .find((line) => line.startsWith('> "'));
    lines.push(quote!, '');
  }
  const note = lines.join('\n');
  const [before, cleanMs] = time(() => checkNoteQuotes(note, corpus));

  // Edit the articles: one kind of edit per article, applied to each sentence of it the note quotes.
  const byArticle = new Map<string, Passage[]>();
  for (const passage of quoted)
    byArticle.set(passage.articleId, [...(byArticle.get(passage.articleId) ?? []), passage]);
  const expected = new Map<Edit, number>();
  for (const [articleId, passages] of byArticle) {
    const edit = EDITS[Math.floor(next() * EDITS.length)]!;
    expected.set(edit, (expected.get(edit) ?? 0) + passages.length);
    if (edit === 'none') continue;
    const article = corpus.article(articleId)!;
    let text = articleText(article).text;
    const moved: string[] = [];
    for (const passage of passages) {
      const at = text.indexOf(passage.text);
      if (at === -1) continue;
      const replacement = edit === 'changed' ? passage.text.replace(/\b([a-z]{5,})\b/, 'revised') : '';
      if (edit === 'moved') moved.push(passage.text);
      text = text.slice(0, at) + replacement + text.slice(at + passage.text.length);
    }
    if (moved.length > 0) text = `${text.trimEnd()}\n\n## Update\n\n${moved.join('\n\n')}\n`;
    corpus.setFile(
      { path: article.path, relativePath: relative(root, article.path) },
      decodeCorpusFile(new TextEncoder().encode(text)),
    );
  }
  // The edited articles are parsed as the corpus loader parses a changed file, before any check asks.
  const [, parseMs] = time(() => corpus.stats());
  const [after, reanchorMs] = time(() => checkNoteQuotes(note, corpus));
  const [, againMs] = time(() => checkNoteQuotes(note, corpus));
  const statuses: Record<string, number> = {};
  for (const quote of after) statuses[quote.status] = (statuses[quote.status] ?? 0) + 1;
  return {
    quotes: after.length,
    cleanBefore: before.every((q) => q.status === 'match'),
    cleanMs,
    parseMs,
    reanchorMs,
    againMs,
    statuses,
    edited: Object.fromEntries(expected),
    noteLength: note.length,
  };
}

/** A note of 1,000 cited BBC sentences that state numbers, one in ten with a number changed. */
function numbers(root: string): Result {
  const corpus = loadCorpus({ folders: [{ root }] });
  const next = random(29);
  const stating = [...corpus.sentences()].filter((p) => /\d/.test(p.text) && numbersIn(p.text).length > 0);
  const lines = ['# Figures', ''];
  const alteredLines = new Set<number>();
  let altered = 0;
  for (let i = 0; i < 1000; i++) {
    const passage = stating[Math.floor(next() * stating.length)]!;
    let text = passage.text.replace(/\s+/g, ' ').replace(/[.!?]?$/, '');
    if (i % 10 === 0) {
      text = text.replace(/\d+/, (digits) => String(Number(digits) + 7));
      alteredLines.add(lines.length);
      altered++;
    }
    lines.push(`- ${text} [@${passage.articleId}].`);
  }
  const note = lines.join('\n');
  const [first, firstMs] = time(() => checkNoteNumbers(note, corpus));
  const [, againMs] = time(() => checkNoteNumbers(note, corpus));
  return {
    sentences: 1000,
    altered,
    numbers: first.length,
    mismatches: first.filter((n) => n.status === 'mismatch').length,
    // A mismatch on a line whose numbers were left as the source states them.
    falseAlarms: first.filter((n) => n.status === 'mismatch' && !alteredLines.has(n.range.start.line)).length,
    firstMs,
    againMs,
  };
}

export const driftFigures: Record<string, (...args: string[]) => Result | Promise<Result>> = {
  reanchoring: (root) => reanchoring(root),
  numbers: (root) => numbers(root),
};
