import type { Corpus } from '../corpus';
import type { Article, SourceRange } from '../model';
import { LineIndex } from '../text/lineIndex';
import { alignWords } from './align';
import { articleWords, type ArticleWords } from './articleWords';
import { resolveCitation } from './citedArticle';
import { findNoteQuotes, type NoteQuote } from './noteQuotes';
import { findVerbatim } from './verbatim';
import { quotedParts, type QuotedPart } from './words';

/** The source passage closest to a misquote: the sentence(s) the aligned words fall in. */
export interface ClosestPassage {
  readonly articleId: string;
  /** Passage id of the first of those sentences. */
  readonly passageId: string;
  readonly sectionIndex: number;
  readonly sectionTitle: string;
  /** The sentences' source text, whitespace collapsed. */
  readonly text: string;
  /** Where the sentences are in the article file. */
  readonly range: SourceRange;
}

/** A replacement in the note that restores the source's words. */
export interface QuoteFix {
  readonly range: SourceRange;
  readonly text: string;
}

export interface QuoteProblem {
  readonly code: 'misquote' | 'unknown-article';
  readonly severity: 'warning' | 'error';
  readonly message: string;
  /** Misquote: the quote, marks included. Unknown article: the citation. */
  readonly range: SourceRange;
  /** The cited article's id; for an unknown article, the label or key cited, if any. */
  readonly articleId?: string;
  readonly closest?: ClosestPassage;
  readonly fix?: QuoteFix;
}

/** Below this share of a quote's words found in order, no passage is named as closest. */
const MIN_SIMILARITY = 0.5;

/**
 * Checks every cited quote of a note against the article it cites. A quote
 * matches when its words appear in the article exactly (see `words.ts` for
 * what is ignored); a quote with elisions (`…`, `[...]` inside it) matches
 * when each part appears in the article, in order. Blockquotes without a
 * Sourcebook citation are not checked.
 *
 * Returns, in note order, a warning for each misquote, naming the closest
 * source passage with a fix restoring its words, and an error for each
 * citation of an unknown article. Pure; never throws.
 */
export function checkNote(noteText: string, corpus: Corpus): QuoteProblem[] {
  const { quotes, footnotes } = findNoteQuotes(noteText);
  if (quotes.length === 0) return [];
  const lines = new LineIndex(noteText);
  const problems: QuoteProblem[] = [];
  for (const quote of quotes) {
    const cited = resolveCitation(quote.citation, footnotes, corpus);
    if (cited.kind === 'other') continue;
    if (cited.kind === 'unknown') {
      problems.push({
        code: 'unknown-article',
        severity: 'error',
        message: `Quote cites an unknown article: ${brief(cited.cited, 60)} matches no article in the corpus.`,
        range: lines.range(quote.citation.start, quote.citation.end),
        ...(quote.citation.kind === 'text'
          ? {}
          : { articleId: quote.citation.kind === 'footnote' ? quote.citation.label : quote.citation.key }),
      });
      continue;
    }
    // Of several articles under one title, the quote needs to match one; a misquote names the closest.
    let reported: Misquote | undefined;
    for (const article of cited.articles) {
      const misquote = checkQuote(noteText, quote, article, lines);
      if (!misquote) {
        reported = undefined;
        break;
      }
      if (!reported || misquote.distance < reported.distance) reported = misquote;
    }
    if (reported) problems.push(reported.problem);
  }
  return problems;
}

/** Whether every part appears in the article exactly as written, in order (the common case, and a cheap one). */
function isVerbatim(note: string, parts: readonly QuotedPart[], article: Article): boolean {
  let from = 0;
  for (const part of parts) {
    from = findVerbatim(article, note.slice(part.words[0]!.start, part.words[part.words.length - 1]!.end), from);
    if (from === -1) return false;
  }
  return true;
}

/** A misquote and how many word edits away its closest passage is (for choosing among same-titled articles). */
interface Misquote {
  readonly problem: QuoteProblem;
  readonly distance: number;
}

function checkQuote(note: string, quote: NoteQuote, article: Article, lines: LineIndex): Misquote | undefined {
  const parts = quotedParts(note, quote.start + 1, quote.end - 1);
  if (isVerbatim(note, parts, article)) return undefined;
  const source = articleWords(article);
  let from = 0;
  for (const part of parts) {
    const at = source.find(
      part.words.map((w) => w.text),
      from,
    );
    if (at === -1) return misquote(quote, part, source, lines);
    from = at + part.words.length;
  }
  return undefined;
}

function misquote(quote: NoteQuote, part: QuotedPart, source: ArticleWords, lines: LineIndex): Misquote {
  const article = source.article;
  const base = {
    code: 'misquote',
    severity: 'warning',
    range: lines.range(quote.start, quote.end),
    articleId: article.id,
  } as const;
  const words = part.words.map((w) => w.text);
  const alignment = alignWords(words, source.words());
  if (!alignment || alignment.distance > words.length * (1 - MIN_SIMILARITY)) {
    return {
      distance: words.length,
      problem: {
        ...base,
        message: `Quote does not match the source, and no passage of "${brief(article.title, 80)}" is close to it.`,
      },
    };
  }
  if (alignment.distance === 0) {
    return {
      distance: 0,
      problem: {
        ...base,
        message: `Quote does not match the source: its parts appear in "${brief(article.title, 80)}", but not in this order.`,
      },
    };
  }
  const sourceStart = source.starts[alignment.start]!;
  const sourceEnd = source.ends[alignment.end - 1]!;
  const sentences = source.sentencesOverlapping(sourceStart, sourceEnd);
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  const sectionIndex = first?.sectionIndex ?? 0;
  const section = article.sections.find((s) => s.index === sectionIndex);
  const closest: ClosestPassage = {
    articleId: article.id,
    passageId: first?.id ?? `${article.id}#0`,
    sectionIndex,
    sectionTitle: section?.title ?? article.title,
    text: collapse(article.source.slice(first?.start ?? sourceStart, last?.end ?? sourceEnd)),
    range:
      first && last
        ? { start: first.range.start, end: last.range.end }
        : { start: position(article.source, sourceStart), end: position(article.source, sourceEnd) },
  };
  const where = section && section.depth > 0 && section.title !== article.title ? ` § ${brief(section.title, 60)}` : '';
  const problem: QuoteProblem = {
    ...base,
    message: `Quote does not match the source. Closest passage in "${brief(article.title, 80)}"${where}: "${firstWords(closest.text, 12)}"`,
    closest,
    fix: {
      range: lines.range(part.words[0]!.start, part.words[part.words.length - 1]!.end),
      text: collapse(article.source.slice(sourceStart, sourceEnd)),
    },
  };
  return { problem, distance: alignment.distance };
}

/** Source text on one line: blockquote markers and line breaks become single spaces. */
function collapse(text: string): string {
  return text
    .replace(/[ \t]*\r?\n[ \t]*(?:>[ \t]?)*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstWords(text: string, count: number): string {
  const words = text.split(' ');
  return words.length <= count
    ? text
    : `${words
        .slice(0, count)
        .join(' ')
        .replace(/[\s,;:—–-]+$/, '')}…`;
}

function brief(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function position(text: string, offset: number): SourceRange['start'] {
  return new LineIndex(text).position(offset);
}
