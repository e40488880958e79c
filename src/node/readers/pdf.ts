import {
  type ExtractedDocument,
  type ExtractedMeta,
  ExtractedTextBuilder,
  type Extraction,
} from '../../core/readers/extracted';
import { isoDate } from './htmlMeta';
import { isRunning, median, type PageLine, pageBlocks, pageLines, runningLines, type TextRun } from './pdfLayout';

/** Fewest characters of text for a PDF to count as having a text layer. */
const MIN_TEXT_CHARS = 40;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * Loads pdf.js on first use (it is large: a folder without PDFs never pays
 * for it). Its worker runs on this thread, which is itself a worker thread
 * in the extension: nothing is fetched, nothing native is loaded (the canvas
 * polyfills pdf.js asks for are used only to render, never to read text).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const scope = globalThis as Record<string, unknown>;
    // Stand-ins for the rendering classes pdf.js builds at load time; text extraction never calls them.
    scope.DOMMatrix ??= class DOMMatrix {};
    scope.ImageData ??= class ImageData {};
    scope.Path2D ??= class Path2D {};
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    scope.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/**
 * Reads a PDF's text page by page with pdf.js: lines in reading order (top to
 * bottom, left to right), words hyphenated at line ends joined, running
 * headers and footers (the same line on most pages) left out, headings found
 * by their type size. The text returned, which the read-only view shows, has
 * a marker line before each page, and records where each page starts, so
 * every passage knows its page. A PDF with no text layer (a scan) or behind
 * a password is refused with the reason; pages without text are noted.
 */
export async function extractPdf(bytes: Uint8Array): Promise<Extraction> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return { ok: false, reason: 'the PDF is password-protected' };
    return { ok: false, reason: `not a readable PDF: ${(error as Error).message}` };
  }
  try {
    const pages: PageLine[][] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        // pdf.js types the text matrix as any[]: [scaleX, skewY, skewX, scaleY, x, y].
        const [, , , scaleY = 0, x = 0, y = 0] = item.transform as number[];
        runs.push({
          text: item.str,
          x,
          y,
          width: item.width,
          height: item.height || Math.abs(scaleY),
        });
      }
      pages.push(pageLines(runs));
      page.cleanup();
    }
    const characters = pages.flat().reduce((sum, line) => sum + line.text.length, 0);
    if (characters < MIN_TEXT_CHARS)
      return { ok: false, reason: 'the PDF has no text layer (a scan or images only); it would need OCR' };
    const meta = await pdfMeta(doc, pages);
    return { ok: true, document: layOut(pages, meta) };
  } finally {
    await doc.destroy();
  }
}

/** The document's text, page by page, with its blocks and page offsets. */
function layOut(pages: readonly PageLine[][], meta: ExtractedMeta): ExtractedDocument {
  const running = runningLines(pages);
  const bodyHeight = median(pages.flat().map((line) => line.height)) ?? 10;
  const builder = new ExtractedTextBuilder();
  const starts: number[] = [];
  const empty: number[] = [];
  if (meta.title) builder.marker(`# ${meta.title}`);
  pages.forEach((lines, i) => {
    starts.push(builder.marker(`[page ${i + 1}]`));
    const body = lines.filter((line) => !isRunning(line, running));
    if (body.length === 0) empty.push(i + 1);
    for (const block of pageBlocks(body, bodyHeight)) {
      if (block.heading) {
        if (block.text !== meta.title) builder.heading(block.text, 2);
      } else builder.paragraph(block.text);
    }
  });
  const { text, blocks } = builder.done();
  const warning =
    empty.length > 0
      ? `${empty.length === 1 ? 'page' : 'pages'} ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no text (images only)`
      : undefined;
  return { format: 'pdf', text, blocks, meta, pages: starts, ...(warning ? { warning } : {}) };
}

interface PdfDocument {
  getMetadata(): Promise<{ info: unknown; metadata: { get(name: string): unknown } | null }>;
}

/**
 * Title, authors and date from the PDF's XMP metadata or its info
 * dictionary. A browser's "print to PDF" stamps the time of printing, not of
 * publication, so its date is left out; a title that is only a file name
 * gives way to the largest line of the first page.
 */
async function pdfMeta(doc: PdfDocument, pages: readonly PageLine[][]): Promise<ExtractedMeta> {
  let info: Record<string, unknown> = {};
  let xmp: { get(name: string): unknown } | null = null;
  try {
    const found = await doc.getMetadata();
    info = (found.info ?? {}) as Record<string, unknown>;
    xmp = found.metadata;
  } catch {
    // No readable metadata: the text still speaks.
  }
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined;
  const xmpList = (name: string): string[] => {
    const value = xmp?.get(name);
    if (Array.isArray(value)) return value.map(text).filter((v): v is string => v !== undefined);
    const one = text(value);
    return one ? [one] : [];
  };
  let title = xmpList('dc:title')[0] ?? text(info.Title);
  if (!title || /\.(pdf|docx?|html?|indd|tex)$/i.test(title) || /^untitled/i.test(title))
    title = largestLine(pages[0] ?? []);
  const authors = xmpList('dc:creator');
  const author = text(info.Author);
  if (authors.length === 0 && author) authors.push(...author.split(/\s*(?:;|\band\b)\s*/).filter(Boolean));
  const producer = `${text(info.Producer) ?? ''} ${text(info.Creator) ?? ''}`;
  const printed = /Skia\/PDF|Chromium|Chrome|HeadlessChrome|wkhtmltopdf|Qt /i.test(producer);
  const rawDate = printed ? undefined : (text(xmp?.get('xmp:createdate')) ?? text(info.CreationDate));
  const date = rawDate ? pdfDate(rawDate) : undefined;
  const language = text(info.Language) ?? text(xmp?.get('dc:language'));
  return {
    ...(title ? { title } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(date ? { date } : {}),
    ...(language ? { language } : {}),
  };
}

/** `D:20260314093000Z` or an ISO date → `2026-03-14`. */
function pdfDate(value: string): string | undefined {
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value);
  if (pdf) return [pdf[1], pdf[2], pdf[3]].filter((part) => part !== undefined).join('-');
  return isoDate(value);
}

function largestLine(lines: readonly PageLine[]): string | undefined {
  let best: PageLine | undefined;
  for (const line of lines.slice(0, 15)) if (!best || line.height > best.height) best = line;
  return best?.text;
}
