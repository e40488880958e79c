import { articleText } from '../articleText';
import type { SourceRange } from '../model';
import type { QuoteAnchor } from '../quotes/quoteAnchor';
import { formatAnchor } from '../quotes/quoteAnchor';
import { LineIndex } from '../text/lineIndex';
import type { ArticleWords } from './articleWords';

/** The source passage closest to a quote: the sentence(s) the found words fall in. */
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

/** A replacement in the note. */
export interface QuoteFix {
  readonly range: SourceRange;
  readonly text: string;
}

/** A quick fix beside the source-text replacement: its edits are applied together, as one undo step. */
export interface QuoteAction {
  readonly kind: 'locator';
  readonly title: string;
  readonly edits: readonly QuoteFix[];
}

/**
 * - `misquote`: the quote is not the source's words (a closest passage is named);
 * - `source-changed`: an anchored quote whose source passage was edited since it was inserted;
 * - `moved`: an anchored quote whose exact words are in another section than its citation names;
 * - `gone`: no passage of the article is close enough to the quote;
 * - `unknown-article`: the citation names no article;
 * - `unparsed`: a blockquote that looks cited but whose citation could not be read;
 * - `number-mismatch`: a cited sentence states a number its source does not.
 */
export type ProblemCode =
  'misquote' | 'source-changed' | 'moved' | 'gone' | 'unknown-article' | 'unparsed' | 'number-mismatch';

export interface QuoteProblem {
  readonly code: ProblemCode;
  readonly severity: 'information' | 'warning' | 'error';
  readonly message: string;
  /** The quote, marks included; for an unknown article the citation; for a number, the number. */
  readonly range: SourceRange;
  /** The cited article's id; for an unknown article, the label or key cited, if any. */
  readonly articleId?: string;
  readonly closest?: ClosestPassage;
  /** The edit that puts the source's current words between the quote marks. */
  readonly fix?: QuoteFix;
  /** Other quick fixes (a moved quote's new locator). */
  readonly actions?: readonly QuoteAction[];
  /**
   * A source-changed quote: where its anchor comment is, the anchor, and the
   * anchor of the source passage as it is now (`updateToSource`, `keepAsQuoted`).
   */
  readonly anchor?: { readonly range: SourceRange; readonly old: QuoteAnchor; readonly current: QuoteAnchor };
}

/**
 * What became of one cited quote: `match`; `moved` (found word for word
 * elsewhere); `changed` (a close passage differs); `gone`; or unresolved:
 * `unknown-article`, `unparsed`.
 */
export type QuoteStatus = 'match' | 'moved' | 'changed' | 'gone' | 'unknown-article' | 'unparsed';

/**
 * The edits of *Update quote to the current source*: the source's words
 * between the quote marks and, for an anchored quote, its anchor renewed.
 */
export function updateToSource(problem: QuoteProblem): QuoteFix[] {
  if (!problem.fix) return [];
  const anchor = problem.anchor;
  return anchor ? [problem.fix, { range: anchor.range, text: formatAnchor(anchor.current) }] : [problem.fix];
}

/**
 * The edit of *Keep as quoted (mark as of date)*: the quote's anchor records
 * the day and the source passage as it is now, so the quote checks clean
 * until the source changes again. `day` is `YYYY-MM-DD`.
 */
export function keepAsQuoted(problem: QuoteProblem, day: string): QuoteFix | undefined {
  const anchor = problem.anchor;
  if (!anchor) return undefined;
  return { range: anchor.range, text: formatAnchor({ ...anchor.old, keptOn: day, keptHash: anchor.current.hash }) };
}

/** The sentences holding article words `[first, last)`, named as the closest passage. */
export function passageOf(source: ArticleWords, first: number, last: number): ClosestPassage {
  const article = source.article;
  const sourceStart = source.starts[first] ?? 0;
  const sourceEnd = source.ends[last - 1] ?? sourceStart;
  const sentences = source.sentencesOverlapping(sourceStart, sourceEnd);
  const head = sentences[0];
  const tail = sentences[sentences.length - 1];
  const sectionIndex = head?.sectionIndex ?? 0;
  const section = article.sections.find((s) => s.index === sectionIndex);
  const { text } = articleText(article);
  const lines = new LineIndex(text);
  return {
    articleId: article.id,
    passageId: head?.id ?? `${article.id}#0`,
    sectionIndex,
    sectionTitle: section?.title ?? article.title,
    text: collapseSource(text.slice(head?.start ?? sourceStart, tail?.end ?? sourceEnd)),
    range:
      head && tail
        ? { start: head.range.start, end: tail.range.end }
        : { start: lines.position(sourceStart), end: lines.position(sourceEnd) },
  };
}

/** The source text of article words `[first, last)` on one line. */
export function sourceWordsText(source: ArticleWords, first: number, last: number): string {
  if (last <= first) return '';
  return collapseSource(articleText(source.article).text.slice(source.starts[first], source.ends[last - 1]));
}

function collapseSource(text: string): string {
  return text
    .replace(/[ \t]*\r?\n[ \t]*(?:>[ \t]?)*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
