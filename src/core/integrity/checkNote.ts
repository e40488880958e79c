import type { Corpus } from '../corpus';
import type { SourceRange } from '../model';
import { LineIndex } from '../text/lineIndex';
import { type NoteQuote, scanNote } from '../quotes/noteScan';
import { checkNoteNumbers } from './checkNumbers';
import { type CitedArticle, resolveCitation } from './citedArticle';
import type { QuoteProblem, QuoteStatus } from './problems';
import { brief, checkAgainst, type QuoteOutcome } from './quoteOutcome';

export type { ClosestPassage, ProblemCode, QuoteAction, QuoteFix, QuoteProblem, QuoteStatus } from './problems';

export interface CheckedQuote {
  readonly status: QuoteStatus;
  /** The quote, marks included. */
  readonly range: SourceRange;
  readonly articleId?: string;
  /** How it is cited (undefined when its citation could not be read). */
  readonly kind?: NoteQuote['citation']['kind'];
  /** Whether the quote carries an anchor (`quoteAnchor.ts`). */
  readonly anchored?: boolean;
  /** Confidence in the passage it was found at, 0…1 (1: word for word); none when unresolved. */
  readonly score?: number;
  /** The problem reported for it; none for a match. */
  readonly problem?: QuoteProblem;
}

/**
 * Checks every cited quote of a note against the article it cites (see
 * `checkNoteQuotes`), and the numbers of its cited sentences
 * (`checkNoteNumbers`), and returns, in note order, only the problems. Pure;
 * never throws.
 */
export function checkNote(noteText: string, corpus: Corpus): QuoteProblem[] {
  const quotes = checkNoteQuotes(noteText, corpus).flatMap((q) => (q.problem ? [q.problem] : []));
  const numbers = checkNoteNumbers(noteText, corpus).flatMap((n) => (n.problem ? [n.problem] : []));
  if (numbers.length === 0) return quotes;
  return [...quotes, ...numbers].sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/**
 * Every cited quote of a note with its status, in note order (see
 * `quoteOutcome.ts` for how each is classified). A quote matches when its
 * words appear in the article exactly (see `words.ts` for what is ignored);
 * a quote with elisions (`…`, `[...]` inside it) matches when each part
 * appears in the article, in order. Blockquotes whose citation is not
 * Sourcebook-shaped (`— Shakespeare`) are not cited quotes and are left out.
 * Pure; never throws.
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
    const result = classify({ note: noteText, quote, scan, lines }, cited);
    checked.push({
      at: quote.start,
      quote: { ...result, kind: quote.citation.kind, ...(quote.anchor ? { anchored: true } : {}) },
    });
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

/** The status of one resolved quote: the best outcome among the articles its citation names. */
function classify(context: Parameters<typeof checkAgainst>[0], cited: CitedArticle): CheckedQuote {
  const { quote, lines } = context;
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
  // Of several articles under one title, the quote needs to match one; otherwise the closest is reported.
  let best: { outcome: QuoteOutcome; articleId: string } | undefined;
  for (const article of cited.articles) {
    const outcome = checkAgainst(context, article);
    if (outcome.status === 'match') return { status: 'match', range, articleId: article.id, score: outcome.score };
    if (
      !best ||
      ORDER[outcome.status] < ORDER[best.outcome.status] ||
      (outcome.status === best.outcome.status && outcome.rank < best.outcome.rank)
    )
      best = { outcome, articleId: article.id };
  }
  // A cited title names at least one article, so some outcome was found.
  if (!best) throw new RangeError('a cited title names no article');
  const { outcome, articleId } = best;
  return {
    status: outcome.status,
    range,
    articleId,
    score: outcome.score,
    ...(outcome.problem ? { problem: outcome.problem } : {}),
  };
}

const ORDER: Record<QuoteStatus, number> = {
  match: 0,
  moved: 1,
  changed: 2,
  gone: 3,
  'unknown-article': 4,
  unparsed: 5,
};
