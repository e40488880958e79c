import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import footnote from 'markdown-it-footnote';
import { type CslStyle, formatCslCitation, formatCslEntry, toCslItem } from '../../core/citations';
import { readLocator } from '../../core/citations/locator';
import type { Article } from '../../core/model';
import { pandocKey } from '../../core/quotes/quoteCitation';

/** What the plugin needs from Sourcebook: the article a key names, and the style to format in. */
export interface CitationSource {
  article(id: string): Article | undefined;
  style(): CslStyle;
}

/**
 * A markdown-it plugin for VS Code's Markdown preview: footnotes (through
 * markdown-it-footnote), and pandoc citations `[@id]`, `[@id, sec. …]`, `[@id, p. 4]`
 * rendered as in-text citations of the configured CSL style, with the
 * formatted references of the cited articles at the end of the note. Corpus
 * text reaches the HTML only through markdown-it's own escaping.
 */
export function citationsPlugin(md: MarkdownIt, source: CitationSource): void {
  // Its types come from another copy of markdown-it's declarations; the function is the same.
  md.use(footnote as unknown as (md: MarkdownIt) => void);
  md.inline.ruler.before('link', 'sourcebook_citation', (state, silent) => citation(state, silent));
  md.renderer.rules.sourcebook_citation = (tokens, idx) => {
    const { key, locator } = tokens[idx]?.meta as { key: string; locator?: string };
    const article = source.article(key);
    if (!article)
      return `<span class="sourcebook-citation sourcebook-unknown" title="No article ${md.utils.escapeHtml(key)} in the corpus">[@${md.utils.escapeHtml(key)}${locator ? `, ${md.utils.escapeHtml(locator)}` : ''}]</span>`;
    const text = formatCslCitation(toCslItem(article), source.style(), readLocator(locator));
    return `<span class="sourcebook-citation">${md.renderInline(text)}</span>`;
  };
  md.core.ruler.push('sourcebook_bibliography', (state) => bibliography(state, md, source));
}

/** Reads `[@key…]` (or `[-@key…]`) up to its unescaped `]` on the same line. */
function citation(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== 0x5b /* [ */) return false;
  const next = src[pos + 1];
  if (next !== '@' && !(next === '-' && src[pos + 2] === '@')) return false;
  let end = pos + 1;
  while (end < posMax && src[end] !== ']' && src[end] !== '\n') end += src[end] === '\\' ? 2 : 1;
  if (end >= posMax || src[end] !== ']') return false;
  const { key, locator } = pandocKey(src.slice(pos + 1, end));
  if (key === '') return false;
  if (!silent) {
    const token = state.push('sourcebook_citation', 'span', 0);
    token.meta = { key, ...(locator === undefined ? {} : { locator }) };
  }
  state.pos = end + 1;
  return true;
}

/** Appends the references of the cited articles, sorted, under a heading, when the note cites any. */
function bibliography(state: StateCore, md: MarkdownIt, source: CitationSource): void {
  const cited = new Map<string, Article>();
  for (const token of state.tokens)
    for (const child of token.children ?? []) {
      if (child.type !== 'sourcebook_citation') continue;
      const key = (child.meta as { key: string }).key;
      const article = source.article(key);
      if (article && !cited.has(article.id)) cited.set(article.id, article);
    }
  if (cited.size === 0) return;
  const style = source.style();
  const entries = [...cited.values()]
    .map((article) => formatCslEntry(toCslItem(article), style))
    .sort((a, b) => a.replace(/[^\p{L}\p{N} ]/gu, '').localeCompare(b.replace(/[^\p{L}\p{N} ]/gu, '')));
  const heading = style === 'mla' ? 'Works Cited' : 'References';
  const token = new state.Token('html_block', '', 0);
  token.content = `<section class="sourcebook-bibliography"><h2>${heading}</h2>\n${entries
    .map((entry) => `<p class="sourcebook-reference">${md.renderInline(entry)}</p>`)
    .join('\n')}\n</section>\n`;
  state.tokens.push(token);
}
