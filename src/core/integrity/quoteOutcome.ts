/**
 * What one cited quote is against one article: `match`, `moved` (its exact
 * text is there, in another section than its citation names), `changed` (a
 * passage close to it is there: the quote was mistyped, or for an anchored
 * quote the source was edited) or `gone` (nothing scores high enough). An
 * anchored quote (`quoteAnchor.ts`) whose text is still what was inserted is
 * re-anchored with its context (`reanchor.ts`); any other quote is aligned
 * with the article as before anchors existed (`align.ts`).
 */

import type { Article, Section } from '../model';
import type { NoteQuote, NoteScan } from '../quotes/noteScan';
import { hashWords } from '../quotes/quoteAnchor';
import type { LineIndex } from '../text/lineIndex';
import { alignWords } from './align';
import { contextAnchor } from './anchor';
import { type ArticleWords, articleWords } from './articleWords';
import { type ProblemCode, type QuoteProblem, type QuoteStatus, passageOf, sourceWordsText } from './problems';
import { citedLocator, locatorNames, relocateEdits } from './locator';
import { AMBIGUITY_MARGIN, reanchor } from './reanchor';
import { findVerbatim } from './verbatim';
import { describeWordDiff, diffWords } from './wordDiff';
import { quotedParts, type QuotedPart } from './words';

/** Below this share of a quote's words found in order, no passage is named as closest. */
const MIN_SIMILARITY = 0.5;

export interface QuoteOutcome {
  readonly status: QuoteStatus;
  readonly problem?: QuoteProblem;
  /** Confidence in the passage found, 0…1 (1 for an exact match). */
  readonly score: number;
  /** For choosing among same-titled articles: lower is closer. */
  readonly rank: number;
}

/** What the outcome of one quote is computed from. */
export interface QuoteContext {
  readonly note: string;
  readonly quote: NoteQuote;
  readonly scan: NoteScan;
  readonly lines: LineIndex;
}

/** The outcome of checking `context.quote` against `article`. Pure. */
export function checkAgainst(context: QuoteContext, article: Article): QuoteOutcome {
  const { note, quote } = context;
  const parts = quotedParts(note, quote.textStart, quote.textEnd);
  const words = parts.flatMap((p) => p.words.map((w) => w.text));
  const anchor = quote.anchor;
  const part = parts[0];
  const anchored = anchor !== undefined && part !== undefined && parts.length === 1 && hashWords(words) === anchor.hash;
  const source = articleWords(article);
  if (!anchored) {
    if (isVerbatim(note, parts, article)) return { status: 'match', score: 1, rank: 0 };
    let from = 0;
    for (const part of parts) {
      const at = source.find(
        part.words.map((w) => w.text),
        from,
      );
      if (at === -1) return misquote(context, part, source);
      from = at + part.words.length;
    }
    return { status: 'match', score: 1, rank: 0 };
  }
  const exact = exactPlaces(words, source);
  if (exact.length > 0) return placed(context, source, exact, words.length);
  const [best, next] = reanchor(words, anchor, source);
  if (!best) return gone(context, article, 'no passage of the article is close enough to it');
  if (next && best.score - next.score < AMBIGUITY_MARGIN && next.first !== best.first)
    return gone(context, article, 'several passages are equally close to it, so none is named');
  const current = source.words().slice(best.first, best.last);
  if (anchor.keptHash === hashWords(current)) return { status: 'match', score: best.score, rank: 0 };
  return changed(context, part, source, best.first, best.last, best.score, 'source-changed');
}

/** Word indexes where the quote's words appear exactly, in article order. */
function exactPlaces(words: readonly string[], source: ArticleWords): number[] {
  const places: number[] = [];
  for (let at = source.find(words, 0); at !== -1 && places.length < 50; at = source.find(words, at + 1))
    places.push(at);
  return places;
}

/** An anchored quote found word for word: a match where its citation's section is, else moved. */
function placed(context: QuoteContext, source: ArticleWords, places: readonly number[], length: number): QuoteOutcome {
  const { quote, scan, note } = context;
  const article = source.article;
  const locator = citedLocator(quote.citation, scan, article);
  const sectionAt = (at: number) => sectionOfWord(source, at);
  if (locator === undefined || places.some((at) => locatorNames(locator, article, sectionAt(at))))
    return { status: 'match', score: 1, rank: 0 };
  const first = places[0] ?? 0;
  const section = sectionAt(first);
  const passage = passageOf(source, first, first + length);
  const where = passage.sectionTitle === article.title ? 'its opening' : `§ ${brief(passage.sectionTitle, 60)}`;
  const edits = relocateEdits(note, quote.citation, scan, article, section);
  const problem: QuoteProblem = {
    code: 'moved',
    severity: 'information',
    message: `Quote moved in the source: its exact words are now in "${brief(article.title, 80)}" ${where}, not where the citation says.`,
    range: context.lines.range(quote.start, quote.end),
    articleId: article.id,
    closest: passage,
    ...(edits
      ? {
          actions: [
            {
              kind: 'locator' as const,
              title: `Update citation to ${where}`,
              edits: edits.map((e) => ({ range: context.lines.range(e.start, e.end), text: e.text })),
            },
          ],
        }
      : {}),
  };
  return { status: 'moved', problem, score: 1, rank: 0 };
}

function sectionOfWord(source: ArticleWords, at: number): Section | undefined {
  const [sentence] = source.sentencesOverlapping(source.starts[at] ?? 0, source.ends[at] ?? 0);
  return source.article.sections.find((s) => s.index === (sentence?.sectionIndex ?? 0));
}

/** A quote without a usable anchor that is not in the article: the closest passage, or none. */
function misquote(context: QuoteContext, part: QuotedPart, source: ArticleWords): QuoteOutcome {
  const words = part.words.map((w) => w.text);
  const alignment = alignWords(words, source.words());
  if (!alignment || alignment.distance > words.length * (1 - MIN_SIMILARITY))
    return gone(context, source.article, undefined);
  if (alignment.distance === 0) {
    const problem: QuoteProblem = {
      code: 'misquote',
      severity: 'warning',
      range: context.lines.range(context.quote.start, context.quote.end),
      articleId: source.article.id,
      message: `Quote does not match the source: its parts appear in "${brief(source.article.title, 80)}", but not in this order.`,
    };
    return { status: 'changed', problem, score: 1, rank: 0 };
  }
  const score = 1 - alignment.distance / Math.max(words.length, alignment.end - alignment.start);
  return changed(context, part, source, alignment.start, alignment.end, score, 'misquote', alignment.distance);
}

/** A quote close to article words `[first, last)`: a warning naming the words that differ, with its fixes. */
function changed(
  context: QuoteContext,
  part: QuotedPart,
  source: ArticleWords,
  first: number,
  last: number,
  score: number,
  code: Extract<ProblemCode, 'misquote' | 'source-changed'>,
  rank = 1 - score,
): QuoteOutcome {
  const { note, quote, lines } = context;
  const article = source.article;
  const passage = passageOf(source, first, last);
  const quoteWords = part.words.map((w) => w.text);
  const hunks = diffWords(quoteWords, source.words().slice(first, last));
  const diff = describeWordDiff(
    hunks,
    (i, j) => collapse(note.slice(part.words[i]?.start, part.words[j - 1]?.end)),
    (i, j) => sourceWordsText(source, first + i, first + j),
  );
  const where = passage.sectionTitle !== article.title ? ` § ${brief(passage.sectionTitle, 60)}` : '';
  const subject =
    code === 'source-changed' ? 'The source passage was edited since it was quoted' : 'Quote does not match the source';
  const fix = {
    range: lines.range(part.words[0]?.start ?? part.start, part.words.at(-1)?.end ?? part.end),
    text: sourceWordsText(source, first, last),
  };
  const problem: QuoteProblem = {
    code,
    severity: 'warning',
    message: `${subject}. In "${brief(article.title, 80)}"${where}: ${diff}.`,
    range: lines.range(quote.start, quote.end),
    articleId: article.id,
    closest: passage,
    fix,
    ...(code === 'source-changed' && quote.anchor
      ? {
          anchor: {
            range: lines.range(quote.anchor.start, quote.anchor.end),
            old: quote.anchor,
            current: contextAnchor(hashWords(source.words().slice(first, last)), source, first, last),
          },
        }
      : {}),
  };
  return { status: 'changed', problem, score, rank };
}

function gone(context: QuoteContext, article: Article, why: string | undefined): QuoteOutcome {
  const problem: QuoteProblem = {
    code: 'gone',
    severity: 'error',
    message: why
      ? `The quoted passage is gone from "${brief(article.title, 80)}": ${why}.`
      : `Quote does not match the source, and no passage of "${brief(article.title, 80)}" is close to it.`,
    range: context.lines.range(context.quote.start, context.quote.end),
    articleId: article.id,
  };
  return { status: 'gone', problem, score: 0, rank: Number.MAX_SAFE_INTEGER };
}

/** Whether every part appears in the article exactly as written, in order (the common case, and a cheap one). */
function isVerbatim(note: string, parts: readonly QuotedPart[], article: Article): boolean {
  let from = 0;
  for (const part of parts) {
    from = findVerbatim(article, note.slice(part.words[0]?.start, part.words.at(-1)?.end), from);
    if (from === -1) return false;
  }
  return true;
}

/** Text on one line: blockquote markers and line breaks become single spaces. */
export function collapse(text: string): string {
  return text
    .replace(/[ \t]*\r?\n[ \t]*(?:>[ \t]?)*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function brief(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
