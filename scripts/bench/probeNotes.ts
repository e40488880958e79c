// Notes at the sizes issue 10 names, against the BBC corpus: a 20 MB note, a
// note with one 100 KB line (a quote, and the unclosed `> "x" [@` + 100 KB that
// once took a cubic pattern ~75 s), and a note of 100,000 cited quotes. For
// each, the work the editor and the CLI do on a note: the quote check (what
// `check` and the Problems panel run, so diagnostics cost the same), the scan
// for quotes and citations, the entity mentions over the whole note (the
// editor's underlines), and hovers at seeded positions. Peak memory is the
// process's, for all three notes.
import type { Corpus } from '../../src/core/corpus';
import { entityIndexFor, noteMentions } from '../../src/core/entities';
import { checkNote } from '../../src/core/integrity/checkNote';
import type { Passage } from '../../src/core/model';
import { quoteText, scanNote } from '../../src/core/quotes';
import { loadCorpus } from '../../src/node/corpusFiles';
import { random, time } from './probeTiming';

type Result = Record<string, unknown>;

const MB = 1024 * 1024;

/** The notes, made from the corpus's own sentences (seeded), one in ten quotes altered. */
function notesOf(passages: readonly Passage[]): Record<string, string> {
  const next = random(13);
  const pick = () => passages[Math.floor(next() * passages.length)]!;
  const cited = (i: number) => {
    const passage = pick();
    const text = quoteText(passage.text);
    return `> "${i % 10 === 0 ? text.replace(/\b(\w{4,})\b/, 'misquoted') : text}" [@${passage.articleId}]`;
  };
  const big: string[] = ['# Notes', ''];
  let length = 0;
  for (let i = 0; length < 20 * MB; i++) {
    const block = i % 5 === 0 ? cited(i / 5) : i % 50 === 1 ? `## Part ${i}` : `${pick().text} ${pick().text}`;
    big.push(block, '');
    length += block.length + 2;
  }
  let line = '';
  while (line.length < 100 * 1024) line += `${pick().text} `;
  const longLine = [
    '# One long line',
    '',
    `> "${quoteText(line.slice(0, 100 * 1024))}" [@${pick().articleId}]`,
    '',
    `> "x" [@${'a'.repeat(100 * 1024)}`,
    '',
  ].join('\n');
  const quotes: string[] = ['# Quotes', ''];
  for (let i = 0; i < 100_000; i++) quotes.push(cited(i), '');
  return { '20 MB note': big.join('\n'), '100 KB line': longLine, '100,000 quotes': quotes.join('\n') };
}

export function notes(root: string): Result {
  const corpus: Corpus = loadCorpus({ folders: [{ root }] });
  corpus.stats();
  const index = entityIndexFor(corpus);
  const passages = [...corpus.sentences()].filter((p) => p.text.split(' ').length >= 6);
  const rows: Result[] = [];
  for (const [name, note] of Object.entries(notesOf(passages))) {
    const [problems, checkMs] = time(() => checkNote(note, corpus));
    const [scan, scanMs] = time(() => scanNote(note));
    const [mentions, mentionsMs] = time(() => noteMentions(index, note));
    const lines = note.split('\n');
    const next = random(17);
    const [, hoverMs] = time(() => {
      for (let i = 0; i < 1000; i++) {
        const text = lines[Math.floor(next() * lines.length)]!;
        index.mentionAt(text, Math.floor(next() * text.length));
      }
    });
    rows.push({
      name,
      bytes: Buffer.byteLength(note),
      longestLine: lines.reduce((longest, l) => Math.max(longest, l.length), 0),
      quotes: scan.quotes.length,
      problems: problems.length,
      checkMs,
      scanMs,
      mentions: mentions.length,
      mentionsMs,
      hoverP1000Ms: hoverMs,
    });
  }
  return { notes: rows, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}
