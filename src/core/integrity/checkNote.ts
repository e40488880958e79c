import type { Corpus } from '../corpus';
import type { Article, SourceRange } from '../model';
import { LineIndex } from '../text/lineIndex';
import { alignWords } from './align';
import { articleWords, type ArticleWords } from './articleWords';
import { type NoteQuote, scanNote } from '../quotes/noteScan';
import { type CitedArticle, resolveCitation } from './citedArticle';
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
  /** `unparsed`: a blockquote that looks cited but whose citation could not be read. */
  readonly code: 'misquote' | 'unknown-article' | 'unparsed';
  readonly severity: 'warning' | 'error';
  readonly message: string;
  /** Misquote, unparsed: the quote, marks included. Unknown article: the citation. */
  readonly range: SourceRange;
  /** The cited article's id; for an unknown article, the label or key cited, if any. */
  readonly articleId?: string;
  readonly closest?: ClosestPassage;
  readonly fix?: QuoteFix;
}

/**
 * What became of one cited quote. `match` and `changed` (a misquote) compare
 * the quote with its article; `unknown-article` and `unparsed` are the
 * unresolved. `moved` and `gone` are reserved for drift classification
 * against a quote's anchor, which plugs in at `classify` below.
 */
export type QuoteStatus = 'match' | 'moved' | 'changed' | 'gone' | 'unknown-article' | 'unparsed';

export interface CheckedQuote {
  readonly status: QuoteStatus;
  /** The quote, marks included. */
  readonly range: SourceRange;
  readonly articleId?: string;
  /** How it is cited (undefined when its citation could not be read). */
  readonly kind?: NoteQuote['citation']['kind'];
  /** The problem reported for it; none for a match. */
  readonly problem?: QuoteProblem;
}

/** Below this share of a quote's words found in order, no passage is named as closest. */
const MIN_SIMILARITY = 0.5;

/**
 * Checks every cited quote of a note against the article it cites (see
 * `checkNoteQuotes`) and returns, in note order, only the problems: a
 * warning for each misquote, naming the closest source passage with a fix
 * restoring its words; an error for each citation of an unknown article; a
 * warning for each blockquote that looks cited but could not be read. Pure;
 * never throws.
 */
export function checkNote(noteText: string, corpus: Corpus): QuoteProblem[] {
  return checkNoteQuotes(noteText, corpus).flatMap((q) => (q.problem ? [q.problem] : []));
}

/**
 * Every cited quote of a note with its status, in note order. A quote
 * matches when its words appear in the article exactly (see `words.ts` for
 * what is ignored); a quote with elisions (`…`, `[...]` inside it) matches
 * when each part appears in the article, in order. Blockquotes whose
 * citation is not Sourcebook-shaped (`— Shakespeare`) are not cited quotes
 * and are left out. Pure; never throws.
 */
export function checkNoteQuotes(noteText: string, corpus: Corpus): CheckedQuote[] {
  const scan = scanNote(noteText);
  if (scan.quotes.length === 0 && scan.unread.length === 0) return [];
  const lines = new LineIndex(noteText);
  const checked: { at: number; quote: CheckedQuote }[] = [];
  const resolved = new Map<string, CitedArticle>();
  for (const quote of scan.quotes) {
    const key = `${quote.citation.kind}\u0000${noteText.slice(quote.citation.start, quote.citation.end)}`;
    let cited = resolved.get(key);
    if (!cited) resolved.set(key, (cited = resolveCitation(quote.citation, scan, corpus)));
    if (cited.kind === 'other') continue;
    checked.push({ at: quote.start, quote: { ...classify(noteText, quote, cited, lines), kind: quote.citation.kind } });
  }
  for (const unread of scan.unread) {
    const range = lines.range(unread.start, unread.end);
    const problem: QuoteProblem = {
      code: 'unparsed',
      severity: 'warning',
      message:
        'Blockquote looks like a cited quote, but its citation could not be read, so it was not checked. Write it as `> "…"` followed by the citation.',
      range,
    };
    checked.push({ at: unread.start, quote: { status: 'unparsed', range, problem } });
  }
  return checked.sort((a, b) => a.at - b.at).map((c) => c.quote);
}

/** The status of one resolved quote. Drift classification (`moved`, `gone`) belongs here. */
function classify(noteText: string, quote: NoteQuote, cited: CitedArticle, lines: LineIndex): CheckedQuote {
  const range = lines.range(quote.start, quote.end);
  if (cited.kind !== 'article') {
    const problem: QuoteProblem = {
      code: 'unknown-article',
      severity: 'error',
      message: `Quote cites an unknown article: ${brief(cited.kind === 'unknown' ? cited.cited : '', 60)} matches no article in the corpus.`,
      range: lines.range(quote.citation.start, quote.citation.end),
      ...(quote.citation.kind === 'footnote'
        ? { articleId: quote.citation.label }
        : quote.citation.kind === 'pandoc'
          ? { articleId: quote.citation.key }
          : {}),
    };
    return {
      status: 'unknown-article',
      range,
      problem,
      ...(problem.articleId ? { articleId: problem.articleId } : {}),
    };
  }
  // Of several articles under one title, the quote needs to match one; a misquote names the closest.
  let reported: Misquote | undefined;
  for (const article of cited.articles) {
    const misquote = checkQuote(noteText, quote, article, lines);
    if (!misquote) return { status: 'match', range, articleId: article.id };
    if (!reported || misquote.distance < reported.distance) reported = misquote;
  }
  // A cited title names at least one article, so a quote that matched none has a closest misquote.
  if (!reported) throw new RangeError('a cited title names no article');
  const { problem } = reported;
  return {
    status: 'changed',
    range,
    ...(problem.articleId === undefined ? {} : { articleId: problem.articleId }),
    problem,
  };
}

/** Whether every part appears in the article exactly as written, in order (the common case, and a cheap one). */
function isVerbatim(note: string, parts: readonly QuotedPart[], article: Article): boolean {
  let from = 0;
  for (const part of parts) {
    const span = wordsSpan(part);
    from = findVerbatim(article, note.slice(span.start, span.end), from);
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
  const parts = quotedParts(note, quote.textStart, quote.textEnd);
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
  // An alignment's words are words of the source, so both offsets exist.
  const sourceStart = source.starts[alignment.start] ?? 0;
  const sourceEnd = source.ends[alignment.end - 1] ?? sourceStart;
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
      range: lines.range(wordsSpan(part).start, wordsSpan(part).end),

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

/** From a part's first word to the end of its last; an empty part is an empty span at its start. */
function wordsSpan(part: QuotedPart): { readonly start: number; readonly end: number } {
  const first = part.words[0];
  const last = part.words.at(-1);
  return first && last ? { start: first.start, end: last.end } : { start: part.start, end: part.start };
}
