import { libraryItemOf } from '../library/match';
import type { Article } from '../model';
import { oneLine } from '../text/markdownText';
import type { CslDate, CslItem, CslName } from './cslTypes';
import { citedTitle, knownDate } from './describe';

export type { CslDate, CslItem, CslName } from './cslTypes';

/**
 * The CSL-JSON item of an article, keyed by the article id (the Pandoc
 * citation key). Unknown values are left out, never filled in: no publisher
 * means no container title, no date means no `issued`. A quarter, which CSL
 * dates cannot express, is kept as a literal (`Q1 2026`). An article matched
 * to the analyst's library is the library's item instead.
 */
export function toCslItem(article: Article): CslItem {
  // An article the analyst's library has an entry for cites as that entry: its key, authors, container, date.
  const entry = libraryItemOf(article);
  if (entry) return entry.csl;
  const date = knownDate(article.date);
  const issued: CslDate | undefined =
    date === undefined
      ? undefined
      : date.kind === 'parts'
        ? {
            'date-parts': [
              [
                date.year,
                ...(date.month === undefined ? [] : [date.month]),
                ...(date.day === undefined ? [] : [date.day]),
              ],
            ],
          }
        : { literal: date.kind === 'quarter' ? `Q${date.quarter} ${date.year}` : date.text };
  return {
    id: article.id,
    type: 'article-newspaper',
    title: citedTitle(article),
    ...(article.publisher === undefined ? {} : { 'container-title': oneLine(article.publisher) }),
    ...(article.authors && article.authors.length > 0 ? { author: article.authors.map(cslName) } : {}),
    ...(issued === undefined ? {} : { issued }),
    ...(article.url === undefined ? {} : { URL: oneLine(article.url) }),
    ...(article.doi === undefined ? {} : { DOI: oneLine(article.doi) }),
  };
}

/** "Given Family" or "Family, Given"; a single word or an organisation stays literal. */
function cslName(name: string): CslName {
  name = oneLine(name);
  const [, family, given] = /^([^,]+),\s*(.+)$/.exec(name) ?? [];
  if (family !== undefined && given !== undefined) return { family: family.trim(), given: given.trim() };
  const words = name.trim().split(/\s+/);
  const last = words.at(-1);
  if (words.length < 2 || words.length > 4 || last === undefined) return { literal: name.trim() };
  return { family: last, given: words.slice(0, -1).join(' ') };
}
