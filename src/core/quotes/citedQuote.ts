/**
 * The cited-quote format: how a cited quote looks in each citation style,
 * written here and read back here (`noteScan.ts` finds the pieces in a note,
 * `readCitation` tells what a citation names). The writer and the check use
 * this one module, so they cannot drift apart.
 *
 * A cited quote is a blockquote: the passage in double quote marks, then the
 * citation.
 *
 * | style | after the closing mark | elsewhere in the note |
 * |---|---|---|
 * | `footnote` | `[^label]` | `[^label]: Authors, Publisher, "Title", date, § Section, p. 4, <link>.` at the end |
 * | `inline` | ` — *Title*, Authors, Publisher, date, § Section, p. 4, <link>` | |
 * | `pandoc` | ` [@id]`, ` [@id, sec. Section]`, ` [@id, p. 4]` | `bibliography:` in the front matter; the CSL-JSON entry |
 * | `apa`, `chicago`, `mla` | ` (in-text citation, sec. Section / p. 4)` from the CSL style | the entry in References / Works Cited |
 *
 * Locators: every style names the section a quote comes from (the lead, the
 * text before the first heading, is named by none). Footnotes get one label
 * per article and section (`<id>` for the lead, `<id>.<section-slug>`), so
 * two sections never share a footnote and a reader sees where each quote is
 * from; a label is derived from the article, so it is stable. Pandoc and the
 * CSL styles use CSL's `section` locator, which citeproc prints as "sec." or
 * "Section"; the section's title reads better than a number that shifts when
 * an article gains a heading. A PDF passage also knows its page: footnotes
 * and inline citations name it after the section (`p. 4`; footnote labels
 * end in `.p4`), and pandoc and the CSL styles, whose cite takes a single
 * locator, give the page instead of the section (`[@id, p. 4]`), since a
 * page is what a reader of a PDF turns to.
 */

import { citedSection, type CslLocator, formatCslCitation, formatReference, toCslItem } from '../citations';
import { cslLocatorOf } from '../citations/locator';
import { footnoteDefinitionText, inlineCitation } from '../citations/plain';
import { type CitationStyle, type CslStyle, isCslStyle } from '../citations/styles';
import type { Article, Section } from '../model';
import { citationKeyOf } from '../library/match';
import { escapeMarkdownText, oneLine } from '../text/markdownText';

/** What one cited quote writes into a note. */
export interface CitedQuoteParts {
  /** The blockquote line: `> "…"` and the citation. */
  readonly quote: string;
  /** Footnote style: the definition, by label. */
  readonly footnote?: { readonly label: string; readonly text: string };
  /** APA, Chicago, MLA: the reference-list entry and the list's heading. */
  readonly reference?: { readonly heading: string; readonly entry: string };
  /** Pandoc: the bibliography the note's front matter must name. */
  readonly needsBibliography?: boolean;
}

/** The heading of the reference list of each CSL style. */
export const REFERENCE_HEADINGS: Record<CslStyle, string> = {
  apa: 'References',
  chicago: 'References',
  mla: 'Works Cited',
};

/** Headings under which a note's reference list is found (any style, any case). */
export const REFERENCE_HEADING = /^(references|works cited|bibliography|sources)$/i;

/**
 * Everything a cited quote of `passageText` from `section` of `article`
 * writes in `style`; `page` is the page of a PDF passage (`placeOfPassage`).
 * Pure; CSL styles call citeproc (the first call per style compiles it).
 */
export function citedQuoteParts(
  passageText: string,
  article: Article,
  section: Section | undefined,
  style: CitationStyle,
  page?: number,
): CitedQuoteParts {
  const open = `> "${quoteText(passageText)}"`;
  const place = { ...(section ? { section } : {}), ...(page === undefined ? {} : { page }) };
  if (style === 'footnote') {
    const label = footnoteLabel(article, section, page);
    return {
      quote: `${open}[^${label}]`,
      footnote: { label, text: footnoteDefinitionText(article, section ? [section] : [], page) },
    };
  }
  if (style === 'inline') return { quote: `${open} — ${inlineCitation(article, section, page)}` };
  if (style === 'pandoc')
    return {
      quote: `${open} ${pandocCitation(citationKeyOf(article), cslLocatorOf(article, place))}`,
      needsBibliography: true,
    };
  if (isCslStyle(style)) {
    const inText = formatCslCitation(toCslItem(article), style, cslLocatorOf(article, place));
    return {
      quote: `${open} ${inText}`,
      reference: { heading: REFERENCE_HEADINGS[style], entry: formatReference(article, style) },
    };
  }
  throw new Error(`unknown citation style "${String(style)}"`);
}

/**
 * The passage as quoted: its words on one line, double quotation marks
 * inside it made single (a quotation within a quotation; `‘` between two
 * letters, where `'` would be an apostrophe), and Markdown
 * escaped (`escapeMarkdownText`), so it renders as the source's words and
 * nothing else. The check reads the escapes as separators between words.
 */
export function quoteText(text: string): string {
  return escapeMarkdownText(
    oneLine(text)
      // Before a letter, after a letter or a backslash, a single mark would read as an apostrophe, joining two words.
      .replace(/(?<=[\p{L}\p{M}\p{N}\\])["”](?=[\p{L}\p{M}\p{N}])/gu, '‘')
      .replace(/“/g, '‘')
      .replace(/”/g, '’')
      .replace(/"/g, "'"),
  );
}

/**
 * `[@id]`, `[@id, sec. Section]` or `[@id, p. 4]` (pandoc takes all of
 * `sec. …` as the locator; `;` and brackets inside it are escaped). A key
 * pandoc would not read whole goes in braces.
 */
export function pandocCitation(id: string, locator?: CslLocator): string {
  const key = /^[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*$/u.test(id) && !/[:.#$%&\-+?<>~/]$/.test(id) ? id : `{${id}}`;
  if (locator === undefined) return `[@${key}]`;
  const label = locator.label === 'page' ? 'p.' : 'sec.';
  return `[@${key}, ${label} ${escapeMarkdownText(locator.value).replace(/;/g, '\\;')}]`;
}

/**
 * The footnote label of a section: the article id for the lead, else the id,
 * a period and the section's slug (its first words, more when two sections
 * would share one); for a PDF passage, `.p<page>` after it, so each page has
 * its own footnote. Label characters are those every reader accepts.
 */
export function footnoteLabel(article: Article, section: Section | undefined, page?: number): string {
  const onPage = page === undefined ? '' : `.p${page}`;
  const base = labelSafe(article.id);
  if (section === undefined || citedSection(article, section) === undefined) return base + onPage;
  const named = article.sections.filter((s) => citedSection(article, s) !== undefined);
  for (const words of [3, 6, Infinity]) {
    const slugs = named.map((s) => slug(s.title, words));
    const mine = slug(section.title, words);
    if (slugs.filter((s) => s === mine).length === 1) return `${base}.${mine}${onPage}`;
  }
  return `${base}.${slug(section.title, 3)}-${section.index}${onPage}`;
}

function slug(title: string, words: number): string {
  const parts = oneLine(title)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  return parts.slice(0, words).join('-') || 'section';
}

function labelSafe(id: string): string {
  return id.replace(/[^\p{L}\p{N}_.:-]+/gu, '-') || 'source';
}

/** The title words a citation written by Sourcebook for `article` contains (for telling whose entry a reference is). */
export function referenceTitle(article: Article): string {
  return escapeMarkdownText(toCslItem(article).title);
}
