import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ExtractedTextBuilder, type Extraction } from '../../core/readers/extracted';
import { pageMeta } from './htmlMeta';

/** Fewest characters of main text for a page to count as an article. */
const MIN_ARTICLE_CHARS = 200;

const HEADING = /^H([1-6])$/;
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]); // prettier-ignore
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'TEXTAREA']);

/**
 * Boilerplate Readability's own scoring can leave inside an article body:
 * advertisement and promotion slots named as such, share bars, comment
 * threads, and forms.
 */
const BOILERPLATE = [
  '.ad', '.ads', '.advert', '.advertisement', '[class*="ad-slot"]', '[id^="ad-"]', '[class^="ad-"]', '.sponsored',
  '.promo', '.share', '.social-share', '#comments', '.comments', '[aria-hidden="true"]', 'form', 'nav',
].join(', '); // prettier-ignore

/** The parts of linkedom's document this reader uses (the project is built without the DOM library types). */
interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>;
}
interface DomElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  remove(): void;
}

function domOf(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/** The DOM nodes the walk reads (linkedom's). */
interface WalkNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<WalkNode>;
}

/**
 * Reads a saved web page as a reader view does: Mozilla's Readability (the
 * engine of Firefox's Reader View) on linkedom's DOM finds the main text and
 * drops navigation, ads, comments and related links; headings become
 * sections, paragraphs, list items and quotations become blocks. The text
 * returned is what the read-only article view shows: the title line, then
 * each block on a line of its own. A page that is not an article (a login
 * form, an index of links) is refused with the reason.
 */
export function extractHtml(html: string): Extraction {
  const document = domOf(html);
  const hasPassword = document.querySelector('input[type="password"]') !== null;
  // Readability's declarations name the DOM's types, which this project is built without (they resolve to
  // nothing, so lint sees these casts as doing nothing): the casts say linkedom's document stands in for them.
  /* eslint-disable @typescript-eslint/no-unnecessary-type-assertion */
  const readerable = isProbablyReaderable(document as never, { minContentLength: 100, minScore: 20 });
  // Readability changes the document it reads: it gets a copy, and the metadata comes from the page as saved.
  const copy = domOf(html);
  for (const element of [...copy.querySelectorAll(BOILERPLATE)]) element.remove();
  const parsed = new Readability<WalkNode>(copy as never, {
    serializer: (node) => node as unknown as WalkNode,
    charThreshold: 300,
  }).parse();
  /* eslint-enable @typescript-eslint/no-unnecessary-type-assertion */
  const textLength = parsed?.textContent?.replace(/\s+/g, ' ').trim().length ?? 0;
  if (!parsed?.content || textLength < MIN_ARTICLE_CHARS) {
    if (hasPassword) return { ok: false, reason: 'a login page, not an article' };
    return { ok: false, reason: `not an article: no main text found (${textLength} characters of prose)` };
  }
  if (hasPassword && !readerable) return { ok: false, reason: 'a login page, not an article' };

  const pageFound = pageMeta(document, parsed);
  const meta = pageFound.title
    ? {
        ...pageFound,
        title: withoutSiteName(pageFound.title, pageFound.publisher, document.querySelector('h1')?.textContent),
      }
    : pageFound;
  const builder = new ExtractedTextBuilder();
  const title = meta.title ?? parsed.title?.trim();
  if (title) builder.marker(`# ${title.replace(/\s+/g, ' ')}`);
  walk(parsed.content, builder, 'paragraph', title);
  const { text, blocks } = builder.done();
  if (!blocks.some((block) => block.type === 'text'))
    return { ok: false, reason: 'not an article: the main text has no paragraphs' };
  return {
    ok: true,
    document: {
      format: 'html',
      text,
      blocks,
      meta: { ...meta, ...(title ? { title } : {}) },
      ...(readerable ? {} : { warning: 'the page does not look like an article; its main text was read best-effort' }),
    },
  };
}

type Kind = 'paragraph' | 'listItem' | 'blockquote';

/**
 * Walks the extracted content in document order: block elements become
 * blocks, runs of inline content (through any nesting of inline elements)
 * become paragraphs, and two line breaks in a row end a paragraph, as they
 * do on screen in pages laid out with `<br><br>`.
 */
function walk(root: WalkNode, out: ExtractedTextBuilder, kind: Kind, title: string | undefined): void {
  let inline = '';
  let breaks = 0;
  const flush = () => {
    const text = inline.replace(/\s+/g, ' ').trim();
    if (text !== '' && text !== title) out.paragraph(text, kind);
    inline = '';
    breaks = 0;
  };
  const visit = (parent: WalkNode) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === 3) {
        const text = node.textContent ?? '';
        if (text.trim() !== '') breaks = 0;
        inline += text;
        continue;
      }
      if (node.nodeType !== 1) continue;
      const name = node.nodeName.toUpperCase();
      if (SKIPPED.has(name)) continue;
      if (name === 'BR') {
        if (++breaks >= 2) flush();
        else inline += ' ';
        continue;
      }
      if (!BLOCKS.has(name)) {
        visit(node);
        continue;
      }
      flush();
      block(node, name);
    }
  };
  const block = (node: WalkNode, name: string) => {
    const heading = HEADING.exec(name);
    if (heading) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      // Readability keeps the page's headline inside the content at times: it is the title line already.
      if (text !== '' && text !== title) out.heading(text, Number(heading[1]));
    } else if (name === 'LI') walk(node, out, 'listItem', title);
    else if (name === 'BLOCKQUOTE') walk(node, out, 'blockquote', title);
    else if (name === 'TR') out.paragraph(cells(node), kind);
    else if (name !== 'HR') walk(node, out, kind, title);
  };
  visit(root);
  flush();
}

/** A table row's cells, joined as a reader sees them side by side. */
function cells(row: WalkNode): string {
  const parts: string[] = [];
  for (const cell of Array.from(row.childNodes)) {
    if (cell.nodeType === 1) parts.push((cell.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  return parts.filter((part) => part !== '').join(' | ');
}

/** "Headline – Site Name" → "Headline", when the site name is known or the page's `<h1>` is the headline alone. */
function withoutSiteName(title: string, site: string | undefined, h1: string | null | undefined): string {
  const heading = h1?.replace(/\s+/g, ' ').trim();
  if (heading && heading.length >= 10 && title !== heading && title.startsWith(heading)) return heading;
  if (!site) return title;
  const suffix = new RegExp(`\\s+[-–—|:·]\\s+${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  return title.replace(suffix, '').trim() || title;
}

/**
 * Decodes a saved page's bytes: a byte-order mark or `<meta charset>` names
 * the encoding; otherwise UTF-8, else Windows-1252 (what browsers fall back to).
 */
export function decodeHtml(bytes: Uint8Array): { text: string; warning?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes) };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return { text: new TextDecoder(declared).decode(bytes) };
    } catch {
      // An encoding the runtime does not know: try UTF-8 below.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), warning: 'not valid UTF-8; read as Windows-1252' };
  }
}
