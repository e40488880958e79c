import type { Article, ArticleMeta, Section } from '../model';
import { oneLine } from '../text/markdownText';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** What is known of an article's date, as parts: never more precise than the metadata. */
export type KnownDate =
  | { readonly kind: 'parts'; readonly year: number; readonly month?: number; readonly day?: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly kind: 'text'; readonly text: string };

/**
 * Reads an article date (`2026`, `2026-03`, `2026-03-14`, `2026-Q1`, or free
 * text kept as written). Undefined when the date is unknown.
 */
export function knownDate(date: string | undefined): KnownDate | undefined {
  if (date === undefined || oneLine(date) === '') return undefined;
  date = oneLine(date);
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(date.trim());
  if (quarter) return { kind: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) };
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!parts) return { kind: 'text', text: date.trim() };
  const month = parts[2] === undefined ? undefined : Number(parts[2]);
  const day = parts[3] === undefined ? undefined : Number(parts[3]);
  if ((month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > 31)))
    return { kind: 'text', text: date.trim() };
  return {
    kind: 'parts',
    year: Number(parts[1]),
    ...(month === undefined ? {} : { month }),
    ...(day === undefined ? {} : { day }),
  };
}

/** A date for people: `2026`, `March 2026`, `March 14, 2026`, `Q1 2026`; `undated` when unknown. */
export function displayDate(date: string | undefined): string {
  const known = knownDate(date);
  if (!known) return 'undated';
  if (known.kind === 'text') return known.text;
  if (known.kind === 'quarter') return `Q${known.quarter} ${known.year}`;
  const month = known.month === undefined ? undefined : MONTHS[known.month - 1];
  if (month === undefined) return String(known.year);

  return known.day === undefined ? `${month} ${known.year}` : `${month} ${known.day}, ${known.year}`;
}

/**
 * The title as a citation shows it. A title supplied by the corpus editor (not
 * in the article's text) is put in square brackets, as APA, Chicago and MLA
 * all do for a descriptive title. Always one line (`oneLine`), whatever the
 * metadata holds.
 */
export function citedTitle(article: Pick<ArticleMeta, 'title' | 'titleProvenance'>): string {
  const title = oneLine(article.title);
  return article.titleProvenance === 'editor' ? `[${title}]` : title;
}

/**
 * The section a citation names, or undefined for the lead (text before the
 * first heading) and for a heading that only repeats the article's title.
 */
export function citedSection(article: Pick<Article, 'title'>, section: Section | undefined): string | undefined {
  if (!section || section.depth === 0) return undefined;
  const title = oneLine(section.title);
  if (title === '' || title === oneLine(article.title)) return undefined;
  return title;
}
