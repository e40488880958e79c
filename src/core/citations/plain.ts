import type { Article, Section } from '../model';
import { escapeMarkdownText as md } from '../text/markdownText';
import { type CslDate, type CslItem, type CslName, toCslItem } from './cslItem';
import { citedSection, displayDate } from './describe';

/**
 * The text of an article's footnote definition (after `[^id]: `): authors,
 * publisher, "title", date, the sections quoted (in article order), the page
 * of a PDF passage, and the DOI or URL. The facts are those of the article's
 * CSL item (`toCslItem`), so an article matched to the analyst's library
 * shows the library's authors, container, date and link here as in the CSL
 * styles. Unknown values say so ("publisher unknown", "undated") rather than
 * being left blank or guessed. Corpus values are Markdown-escaped on one
 * line (`escapeMarkdownText`).
 */
export function footnoteDefinitionText(article: Article, sections: readonly Section[] = [], page?: number): string {
  const item = toCslItem(article);
  const title = `"${md(item.title)}"`;
  const container = item['container-title'];
  const parts = [
    ...authorsOf(item),
    ...(container === undefined ? [title, 'publisher unknown'] : [md(container), title]),
    md(cslDisplayDate(item.issued)),
  ];
  const quoted = sectionList(article, sections);
  if (quoted) parts.push(quoted);
  if (page !== undefined) parts.push(`p. ${page}`);
  const link = linkOf(item);
  if (link) parts.push(link);
  return finish(parts.join(', '));
}

/** The citation after an inline-style quote: `*Title*, Authors, Publisher, date, § Section, p. N, link`. */
export function inlineCitation(article: Article, section?: Section, page?: number): string {
  const item = toCslItem(article);
  const parts = [`*${md(item.title)}*`, ...authorsOf(item)];
  const container = item['container-title'];
  if (container !== undefined) parts.push(md(container));
  parts.push(md(cslDisplayDate(item.issued)));
  const name = citedSection(article, section);
  if (name) parts.push(`§ ${md(name)}`);
  if (page !== undefined) parts.push(`p. ${page}`);
  const link = linkOf(item);
  if (link) parts.push(link);
  return parts.join(', ');
}

/** `§ A; § B` for the named sections, once each, in article order; undefined when none is named. */
export function sectionList(article: Article, sections: readonly Section[]): string | undefined {
  const names: string[] = [];
  for (const section of [...sections].sort((a, b) => a.index - b.index)) {
    const name = citedSection(article, section);
    if (name && !names.includes(name)) names.push(name);
  }
  return names.length === 0 ? undefined : names.map((name) => `§ ${md(name)}`).join('; ');
}

/** A CSL date for people, as `displayDate` writes an article's date; `undated` when unknown. */
export function cslDisplayDate(issued: CslDate | undefined): string {
  if (issued === undefined) return 'undated';
  if ('literal' in issued) return issued.literal;
  const [year, month, day] = issued['date-parts'][0] ?? [];
  if (year === undefined) return 'undated';
  const two = (n: number) => String(n).padStart(2, '0');
  return displayDate(`${year}${month === undefined ? '' : `-${two(month)}${day === undefined ? '' : `-${two(day)}`}`}`);
}

/** The authors as one part (`A`, `A and B`, `A, B and C`, `A et al.`), or none. */
function authorsOf(item: CslItem): string[] {
  const names = (item.author ?? []).map(personName).filter((name) => name !== '');
  const [first] = names;
  if (first === undefined) return [];
  if (names.length > 3) return [`${md(first)} et al.`];
  const last = names.pop() ?? first;
  return [names.length === 0 ? md(last) : `${names.map(md).join(', ')} and ${md(last)}`];
}

function personName(name: CslName): string {
  return 'literal' in name ? name.literal : [name.given, name.family].filter(Boolean).join(' ');
}

/**
 * The DOI (as a doi.org link) or URL, as an autolink when it is a plain web
 * address (its characters then need no escaping), else as escaped text.
 */
function linkOf(item: CslItem): string | undefined {
  const link = item.DOI !== undefined ? `https://doi.org/${item.DOI}` : item.URL;
  if (link === undefined) return undefined;
  return /^https?:\/\/[^\s<>\\`]+$/i.test(link) ? `<${link}>` : md(link);
}

/** Ends a reference with a full stop unless it already ends in punctuation. */
function finish(text: string): string {
  return /[.!?…]["'”’)\]*>]*$/.test(text) ? text : `${text}.`;
}
