/**
 * The prose of a note that cites: each sentence or list-item sentence,
 * outside blockquotes, code, front matter, headings and footnote
 * definitions, that carries a Sourcebook citation (a footnote reference, a
 * pandoc key, an in-text citation), with the articles it cites. The number
 * check reads their numbers; *Cited by* lists them.
 */

import type { Corpus } from '../corpus';
import type { Article } from '../model';
import { type NoteCitation, type NoteScan } from '../quotes/noteScan';
import { pandocKey } from '../quotes/quoteCitation';
import { noteLines } from '../text/noteLines';
import { resolveCitation } from './citedArticle';

/** A citation in prose: `[^label]`, `[@key]` (`[-@key]`), or `(… 2026 …)`. */
export const CITATION = /\[\^([^\]\s]+)\](?!:)|\[(-?@[^\]\n]+)\]|\(([^()\n]*\b(?:19|20)\d\d[a-z]?\b[^()\n]*)\)/g;
const BLOCK_START = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/** A sentence of a note's prose, `note[start, end)`, and the corpus articles it cites (first cited first). */
export interface CitedSentence {
  readonly start: number;
  readonly end: number;
  readonly articles: readonly Article[];
}

/** The note's prose sentences that cite an article of the corpus, in note order. Pure; never throws. */
export function citedSentences(note: string, scan: NoteScan, corpus: Corpus): CitedSentence[] {
  const found: CitedSentence[] = [];
  for (const unit of proseUnits(note, scan))
    for (const sentence of sentencesOf(note, unit.start, unit.end)) {
      const articles = citedArticles(note, sentence.start, sentence.end, scan, corpus);
      if (articles.length > 0) found.push({ ...sentence, articles });
    }
  return found;
}

/** Paragraphs and list items outside blockquotes, code, front matter, headings and footnote definitions. */
function proseUnits(note: string, scan: NoteScan): { start: number; end: number }[] {
  const units: { start: number; end: number }[] = [];
  // Footnote definitions and the reference list cite nothing themselves: they are what citations point at.
  const definitions = scan.definitions.map((d) => [d.start, d.end] as const);
  if (scan.references) definitions.push([scan.references.headingStart, scan.references.end]);
  let open: { start: number; end: number } | undefined;
  const close = () => {
    if (open) units.push(open);
    open = undefined;
  };
  for (const line of noteLines(note)) {
    const text = note.slice(line.start, line.end);
    const skipped =
      line.frontMatter ||
      line.fenced ||
      /^ {0,3}(?:>|#{1,6}(?:\s|$)|```|~~~)/.test(text) ||
      text.trim() === '' ||
      definitions.some(([s, e]) => line.start >= s && line.start <= e);
    if (skipped) {
      close();
      continue;
    }
    if (BLOCK_START.test(text)) close();
    if (open) open.end = line.end;
    else open = { start: line.start, end: line.end };
  }
  close();
  return units;
}

/** The sentences of `note[start, end)`: a citation after a sentence's full stop belongs to that sentence. */
function sentencesOf(note: string, start: number, end: number): { start: number; end: number }[] {
  const text = note.slice(start, end);
  const sentences: { start: number; end: number }[] = [];
  const boundary = /[.!?]["”’)]?(?:\[\^[^\]\s]+\]|\[-?@[^\]\n]+\])*(?=\s+[A-Z“"(*_[\d-])/g;
  let from = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const to = match.index + match[0].length;
    sentences.push({ start: start + from, end: start + to });
    // The next sentence starts at its first character, not at the space (or line break) before it.
    from = to;
    while (from < text.length && /\s/.test(text.charAt(from))) from++;
  }
  sentences.push({ start: start + from, end });
  return sentences;
}

function citedArticles(note: string, start: number, end: number, scan: NoteScan, corpus: Corpus): Article[] {
  const found: Article[] = [];
  const text = note.slice(start, end);
  CITATION.lastIndex = 0;
  for (let match = CITATION.exec(text); match; match = CITATION.exec(text)) {
    const at = start + match.index;
    const span = { start: at, end: at + match[0].length };
    const citation: NoteCitation = match[1]
      ? { kind: 'footnote', label: match[1], ...span }
      : match[2]
        ? { kind: 'pandoc', key: pandocKey(match[2]).key, ...span }
        : { kind: 'intext', text: (match[3] ?? '').trim(), ...span };
    const cited = resolveCitation(citation, scan, corpus);
    if (cited.kind === 'article') for (const a of cited.articles) if (!found.includes(a)) found.push(a);
  }
  return found;
}
