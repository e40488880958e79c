import { type CSL, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import chicagoAuthorDate from '../../../media/csl/chicago-author-date.csl';
import modernLanguageAssociation from '../../../media/csl/modern-language-association.csl';
import type { CslItem } from './cslItem';
import type { CslStyle } from './styles';

/** The CSL template behind each formatted style; APA ships with plugin-csl, the others in `media/csl/`. */
const TEMPLATES: Record<CslStyle, { name: string; xml?: string }> = {
  apa: { name: 'apa' },
  chicago: { name: 'chicago-author-date', xml: chicagoAuthorDate },
  mla: { name: 'modern-language-association', xml: modernLanguageAssociation },
};

let registered = false;

function register(): void {
  if (registered) return;
  const styles = plugins.config.get('@csl').templates;
  for (const { name, xml } of Object.values(TEMPLATES))
    if (xml !== undefined && !styles.has(name)) styles.add(name, xml);
  registered = true;
}

/**
 * Formats one bibliography entry with citeproc (through citation-js) and
 * returns it as Markdown: italics as `*…*`, no HTML. The title and container
 * title are protected from the style's case changes (`nocase`), and the
 * apostrophes and quotes citeproc curls inside them are put back, so the
 * entry contains the article's title exactly as written.
 *
 * The first call for a style compiles it (about a second for APA); later calls
 * take milliseconds.
 */
export function formatCslEntry(item: CslItem, style: CslStyle): string {
  register();
  const protectedItem = {
    ...item,
    title: nocase(item.title),
    ...(item['container-title'] === undefined ? {} : { 'container-title': nocase(item['container-title']) }),
  };
  const entries = plugins.output.format('bibliography', [protectedItem as unknown as CSL], {
    format: 'html',
    template: TEMPLATES[style].name,
    lang: 'en-US',
    asEntryArray: true,
  } as never) as unknown as [string, string][];
  const html = entries[0]?.[1] ?? '';
  let text = htmlToMarkdown(html);
  for (const original of [item.title, item['container-title']]) if (original) text = restoreQuotes(text, original);
  return text;
}

/** Warms a style's engine (compiling the CSL takes about a second), so a later insert is instant. */
export function prepareCslStyle(style: CslStyle): void {
  formatCslEntry({ id: '__sourcebook_warmup__', type: 'article-newspaper', title: 'Warm-up' }, style);
}

function nocase(text: string): string {
  return `<span class="nocase">${escapeHtml(text)}</span>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** citeproc's HTML entry as one line of Markdown: `<i>`/`<em>` → `*`, `<b>` → `**`, other tags dropped. */
export function htmlToMarkdown(html: string): string {
  return html
    .replace(/<(i|em|b|strong)(\s[^>]*)?>\s*<\/\1>/gi, '')
    .replace(/<\/?(i|em)(\s[^>]*)?>/gi, '*')
    .replace(/<\/?(b|strong)(\s[^>]*)?>/gi, '**')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#')
        return String.fromCodePoint(
          code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)),
        );
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Puts back straight quotes and apostrophes that citeproc made typographic inside `original`. */
function restoreQuotes(text: string, original: string): string {
  if (!/['"]/.test(original)) return text;
  const pattern = [...original]
    .map((ch) => (ch === "'" ? "['‘’]" : ch === '"' ? '["“”]' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return text.replace(new RegExp(pattern, 'g'), () => original);
}
