/** How an inserted quote is cited (setting `sourcebook.citation.style`). */
export type CitationStyle = 'footnote' | 'inline' | 'pandoc' | 'apa' | 'chicago' | 'mla';

/** The styles formatted by a CSL processor rather than by Sourcebook itself. */
export type CslStyle = Extract<CitationStyle, 'apa' | 'chicago' | 'mla'>;

export const CITATION_STYLES: readonly CitationStyle[] = ['footnote', 'inline', 'pandoc', 'apa', 'chicago', 'mla'];

export function isCitationStyle(value: unknown): value is CitationStyle {
  return typeof value === 'string' && (CITATION_STYLES as readonly string[]).includes(value);
}

export function isCslStyle(style: CitationStyle): style is CslStyle {
  return style === 'apa' || style === 'chicago' || style === 'mla';
}
