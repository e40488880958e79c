import type { Article, Section } from '../model';
import { escapeMarkdownText as md } from '../text/markdownText';
import { citedSection, citedTitle, displayDate } from './describe';

/**
 * The text of an article's footnote definition (after `[^id]: `): publisher,
 * "title", date and the sections quoted, in article order. Unknown values say
 * so ("publisher unknown", "undated") rather than being left blank or guessed.
 * Corpus values are Markdown-escaped on one line (`escapeMarkdownText`).
 */
export function footnoteDefinitionText(article: Article, sections: readonly Section[] = []): string {
  const title = `"${md(citedTitle(article))}"`;
  const parts = article.publisher === undefined ? [title, 'publisher unknown'] : [md(article.publisher), title];
  parts.push(md(displayDate(article.date)));
  const quoted = sectionList(article, sections);
  if (quoted) parts.push(quoted);
  return finish(parts.join(', '));
}

/** The citation after an inline-style quote: `*Title*, Publisher, date, § Section`. */
export function inlineCitation(article: Article, section?: Section): string {
  const parts = [`*${md(citedTitle(article))}*`];
  if (article.publisher !== undefined) parts.push(md(article.publisher));
  parts.push(md(displayDate(article.date)));
  const name = citedSection(article, section);
  if (name) parts.push(`§ ${md(name)}`);
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

/** Ends a reference with a full stop unless it already ends in punctuation. */
function finish(text: string): string {
  return /[.!?…]["'”’)\]*]*$/.test(text) ? text : `${text}.`;
}
