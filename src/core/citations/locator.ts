import { pageAt } from '../readers/extracted';
import type { Article, Passage, Section } from '../model';
import type { CslLocator } from './csl';
import { citedSection } from './describe';

/**
 * Where in an article a quote comes from: its section (undefined for the
 * lead, as `citedSection` says) and, for an article with pages (a PDF), the
 * 1-based page its passage starts on.
 */
export interface CitedPlace {
  readonly section?: Section;
  readonly page?: number;
}

/** The place of a passage in its article: its section and, for a PDF, its page. */
export function placeOfPassage(article: Article, passage: Pick<Passage, 'sectionIndex' | 'range'>): CitedPlace {
  const section = article.sections[passage.sectionIndex];
  const page = pageAt(article.pages, passage.range.start.offset);
  return { ...(section ? { section } : {}), ...(page === undefined ? {} : { page }) };
}

/**
 * The one locator a pandoc or CSL citation carries: the page when the
 * article has pages (what a reader of a PDF turns to), else the named
 * section, else none. CSL gives a cite one locator; the footnote and inline
 * styles, whose text is Sourcebook's own, name both.
 */
export function cslLocatorOf(article: Article, place: CitedPlace): CslLocator | undefined {
  if (place.page !== undefined) return { label: 'page', value: String(place.page) };
  const name = citedSection(article, place.section);
  return name === undefined ? undefined : { label: 'section', value: name };
}

/** The words a locator is written with, by CSL label (pandoc reads the same ones). */
const LOCATOR_LABELS: readonly (readonly [RegExp, CslLocator['label']])[] = [
  [/^(?:sec\.|sect\.|section|§)\s*/i, 'section'],
  [/^(?:pp?\.|pages?)\s*/i, 'page'],
];

/**
 * Reads the locator text of a pandoc citation (`sec. Results`, `p. 4`,
 * `§ Results`, `page 4`) back into a CSL locator. Text with no label is a
 * page, as pandoc reads it.
 */
export function readLocator(text: string | undefined): CslLocator | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  for (const [label, name] of LOCATOR_LABELS) {
    const match = label.exec(trimmed);
    if (match) return { label: name, value: trimmed.slice(match[0].length).trim() };
  }
  return { label: 'page', value: trimmed };
}
