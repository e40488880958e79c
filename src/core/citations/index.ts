import { citationKeyOf } from '../library/match';
import type { Article, Section } from '../model';
import { formatCslEntry } from './csl';
import { toCslItem } from './cslItem';
import { footnoteDefinitionText, inlineCitation } from './plain';
import { type CitationStyle, isCslStyle } from './styles';

export { type CitationStyle, type CslStyle, CITATION_STYLES, isCitationStyle, isCslStyle } from './styles';
export { citedSection, citedTitle, displayDate, knownDate } from './describe';
export { type CslItem, toCslItem } from './cslItem';
export { footnoteDefinitionText, inlineCitation, sectionList } from './plain';
export { type CslLocator, cslStyleXml, formatCslCitation, formatCslEntry, prepareCslStyle } from './csl';
export { addToBibliography, type BibliographyUpdate } from './bibliography';

/**
 * A one-line, human-readable reference to an article (what *Copy Citation*
 * copies and what follows an inserted quote):
 * - `footnote`: the footnote definition text (publisher, "title", date, section);
 * - `inline`: `*Title*, Publisher, date, § Section`;
 * - `pandoc`: `[@<key>]`, the key of the article's entry in the analyst's library, else its id;
 * - `apa`, `chicago`, `mla`: the bibliography entry from the CSL style, in Markdown.
 * Unknown publishers and dates never show as "undefined" or a guess.
 */
export function formatReference(article: Article, style: CitationStyle, section?: Section): string {
  if (style === 'footnote') return footnoteDefinitionText(article, section ? [section] : []);
  if (style === 'inline') return inlineCitation(article, section);
  if (style === 'pandoc') return `[@${citationKeyOf(article)}]`;
  if (isCslStyle(style)) return formatCslEntry(toCslItem(article), style);
  throw new Error(`unknown citation style "${String(style)}"`);
}
