import type { CSL } from '@citation-js/core';
import chicagoAuthorDate from '../../../media/csl/chicago-author-date.csl';
import modernLanguageAssociation from '../../../media/csl/modern-language-association.csl';
import { escapeMarkdownText, oneLine } from '../text/markdownText';
import type { CslItem } from './cslItem';
import { citationStack } from './loadCitationStack';
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
  const styles = citationStack().plugins.config.get('@csl').templates;
  for (const { name, xml } of Object.values(TEMPLATES))
    if (xml !== undefined && !styles.has(name)) styles.add(name, xml);
  registered = true;
}

/**
 * Formats one bibliography entry with citeproc (through citation-js) and
 * returns it as one line of Markdown: italics as `*…*`, no HTML.
 *
 * The title, container title, date literal and URL reach citeproc as opaque
 * placeholders (characters of Unicode's private use area), and the names
 * with their Markdown-special characters replaced the same way, so citeproc
 * can neither escape them (it HTML-escapes `&`, `<` and `>`), change their
 * case, curl their quotes nor move punctuation into them: the entry shows
 * them exactly as the source wrote them, Markdown-escaped
 * (`escapeMarkdownText`), while the style places, italicizes and punctuates
 * them. A title's own closing `?`, `!` or `.` stays visible to citeproc, so it
 * adds no second one.
 *
 * The first call for a style compiles it (about a second for APA); later calls
 * take milliseconds.
 */
export function formatCslEntry(item: CslItem, style: CslStyle): string {
  return formatWithCiteproc(item, style, 'bibliography');
}

/**
 * The in-text citation of `item` in `style`, as one line of Markdown (e.g.
 * `("Title," 2026, sec. Results)` in APA), with the locator when given. Fields
 * are protected as in `formatCslEntry`.
 */
export function formatCslCitation(item: CslItem, style: CslStyle, locator?: CslLocator): string {
  return formatWithCiteproc(item, style, 'citation', locator);
}

/** Where in a work a citation points (CSL's `locator` and its `label`). */
export interface CslLocator {
  readonly label: 'section' | 'page';
  readonly value: string;
}

function formatWithCiteproc(
  item: CslItem,
  style: CslStyle,
  kind: 'bibliography' | 'citation',
  locator?: CslLocator,
): string {
  register();
  const fields = new Placeholders();
  const protectedItem = fields.protectItem(item);
  const options = {
    format: 'html',
    template: TEMPLATES[style].name,
    lang: 'en-US',
    ...(kind === 'bibliography' ? { asEntryArray: true } : {}),
    ...(kind === 'citation' && locator
      ? { entry: [{ id: item.id, locator: fields.protectField(locator.value), label: locator.label }] }
      : {}),
  };
  const output = citationStack().plugins.output.format(kind, [protectedItem as unknown as CSL], options);
  const html = kind === 'bibliography' ? ((output as [string, string][])[0]?.[1] ?? '') : String(output);
  return fields.restore(htmlToMarkdown(html));
}

/** The CSL style file of a formatted style, as XML (for handing to pandoc's citeproc). */
export function cslStyleXml(style: CslStyle): string {
  register();
  const xml =
    TEMPLATES[style].xml ??
    (citationStack().plugins.config.get('@csl').templates as unknown as { get(name: string): string | undefined }).get(
      TEMPLATES[style].name,
    );
  if (xml === undefined) throw new Error(`the CSL style ${TEMPLATES[style].name} is not available`);
  return xml;
}

/** Warms a style's engine (compiling the CSL takes about a second), so a later insert is instant. */
export function prepareCslStyle(style: CslStyle): void {
  formatCslEntry({ id: '__sourcebook_warmup__', type: 'article-newspaper', title: 'Warm-up' }, style);
}

/** The private use area characters the placeholders are made of (never kept from the input). */
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
/**
 * A placeholder: a private use character, then a Hebrew letter, since
 * citeproc formats (italicizes) no text without a letter in it, and a letter
 * without case survives every text-case.
 */
const PLACEHOLDER = /([\uE000-\uEFFF])\u05D0?|([\uF000-\uF8FF])/g;
/** Where placeholders without a letter start (those inside a title, whose own letters citeproc sees). */
const BARE = 0xf000;
/** Characters of a name that citeproc would escape or Markdown would read as syntax. */
const NAME_SPECIAL = /[\\`*_[\]<>&@$^~#|"'‘’“”]/g;

/** Swaps field values for placeholder characters, and back. */
class Placeholders {
  private readonly values: string[] = [];
  private readonly bare: string[] = [];

  /** One placeholder for the whole text, keeping a closing `?`, `!` or `.` visible to the style. */
  protectField(text: string): string {
    const clean = oneLine(text.replace(PRIVATE_USE, ''));
    const closing = /[.?!]+$/.exec(clean)?.[0] ?? '';
    return this.hold(escapeMarkdownText(clean.slice(0, clean.length - closing.length))) + closing;
  }

  /**
   * A title: its letters left visible, so a style's `text-case` (title case
   * in Chicago and MLA) changes them as pandoc's citeproc does, while each
   * Markdown escape, `&`, `<`, `>` and quote mark is a placeholder, which
   * citeproc can neither escape, curl nor read as markup. A closing `?`, `!`
   * or `.` stays visible, as in `protectField`.
   */
  protectTitle(text: string): string {
    const clean = oneLine(text.replace(PRIVATE_USE, ''));
    if (!/\p{L}/u.test(clean) || clean.length > 1000) return this.protectField(clean);
    const closing = /[.?!]+$/.exec(clean)?.[0] ?? '';
    const escaped = escapeMarkdownText(clean.slice(0, clean.length - closing.length));
    return escaped.replace(/\\[\s\S]|[&<>"'‘’“”]/g, (piece) => this.hold(piece, false)) + closing;
  }

  /** Each special character of the text replaced by a placeholder (for names, which the style abbreviates). */
  protectText(text: string): string {
    return oneLine(text.replace(PRIVATE_USE, '')).replace(NAME_SPECIAL, (ch) =>
      this.hold(/["'‘’“”]/.test(ch) ? ch : `\\${ch}`),
    );
  }

  protectItem(item: CslItem): CslItem {
    const { title, 'container-title': container, author, issued, URL, DOI } = item;
    return {
      ...item,
      title: this.protectTitle(title),
      ...(container === undefined ? {} : { 'container-title': this.protectField(container) }),
      ...(author === undefined
        ? {}
        : {
            author: author.map((name) =>
              'literal' in name
                ? { literal: this.protectText(name.literal) }
                : {
                    family: this.protectText(name.family),
                    ...(name.given === undefined ? {} : { given: this.protectText(name.given) }),
                  },
            ),
          }),
      ...(issued !== undefined && 'literal' in issued
        ? { issued: { literal: this.protectField(issued.literal) } }
        : {}),
      ...(URL === undefined ? {} : { URL: this.protectField(URL) }),
      ...(DOI === undefined ? {} : { DOI: this.protectField(DOI) }),
    };
  }

  restore(text: string): string {
    return text.replace(PLACEHOLDER, (_, lettered: string | undefined, bare: string | undefined) =>
      lettered !== undefined
        ? (this.values[lettered.charCodeAt(0) - 0xe000] ?? '')
        : (this.bare[(bare ?? '').charCodeAt(0) - BARE] ?? ''),
    );
  }

  /** A placeholder for `value`; with `letter`, one citeproc sees as text to format (see PLACEHOLDER). */
  private hold(value: string, letter = true): string {
    const values = letter ? this.values : this.bare;
    values.push(value);
    return letter
      ? `${String.fromCharCode(0xe000 + values.length - 1)}\u05D0`
      : String.fromCharCode(BARE + values.length - 1);
  }
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
