import type { ExtractedMeta } from '../../core/readers/extracted';

/** The parts of a DOM document the metadata reader looks at (linkedom's and a browser's alike). */
interface MetaDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/** What Readability found, as far as metadata goes. */
export interface ReaderFindings {
  readonly title?: string | null | undefined;
  readonly byline?: string | null | undefined;
  readonly siteName?: string | null | undefined;
  readonly publishedTime?: string | null | undefined;
  readonly lang?: string | null | undefined;
}

/**
 * A page's metadata, from the page itself: JSON-LD (`NewsArticle` and kin)
 * first, as the most deliberate statement; then Open Graph, `article:` and
 * Dublin Core meta tags, `<link rel=canonical>`, `<time datetime>`; then
 * what Readability inferred. Nothing is guessed: a value no source gives is
 * left out.
 */
export function pageMeta(document: MetaDocument, reader: ReaderFindings): ExtractedMeta {
  const ld = jsonLdArticle(document);
  const meta = (...names: string[]) => {
    for (const name of names) {
      const value = document
        .querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`)
        ?.getAttribute('content');
      if (value && value.trim()) return value.trim();
    }
    return undefined;
  };
  const title = clean(ld.title) ?? meta('og:title', 'twitter:title', 'dc.title', 'DC.title') ?? clean(reader.title);
  const authors =
    ld.authors.length > 0
      ? ld.authors
      : authorsOf(meta('author', 'article:author', 'dc.creator', 'byl') ?? clean(reader.byline));
  const publisher = clean(ld.publisher) ?? meta('og:site_name', 'application-name') ?? clean(reader.siteName);
  const published =
    ld.date ??
    meta('article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued', 'pubdate') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    clean(reader.publishedTime);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  const url = canonical || meta('og:url') || clean(ld.url);
  const language = clean(document.querySelector('html')?.getAttribute('lang')) ?? clean(reader.lang);
  const doi = meta('citation_doi', 'dc.identifier', 'prism.doi');
  const date = published ? isoDate(published) : undefined;
  return {
    ...(title ? { title } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(publisher ? { publisher } : {}),
    ...(date ? { date } : {}),
    ...(url && /^https?:\/\//i.test(url) ? { url } : {}),
    ...(language ? { language } : {}),
    ...(doi && /^(doi:)?10\.\d{4,}\//i.test(doi) ? { doi: doi.replace(/^doi:/i, '') } : {}),
  };
}

interface LdFindings {
  title?: string;
  authors: string[];
  publisher?: string;
  date?: string;
  url?: string;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage/;

/** The first article-like object of the page's JSON-LD blocks (a `@graph` is searched too). */
function jsonLdArticle(document: MetaDocument): LdFindings {
  const found: LdFindings = { authors: [] };
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (const script of Array.from(scripts)) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; the meta tags still speak
    }
    const candidates = (Array.isArray(data) ? (data as unknown[]) : [data]).flatMap((item: unknown): unknown[] => {
      const graph = (item as { '@graph'?: unknown } | null)?.['@graph'];
      return Array.isArray(graph) ? (graph as unknown[]) : [item];
    });
    for (const candidate of candidates) {
      if (typeof candidate !== 'object' || candidate === null) continue;
      const item = candidate as Record<string, unknown>;
      const type = ([] as unknown[]).concat(item['@type']).join(' ');
      if (!ARTICLE_TYPES.test(type) || (/WebPage/.test(type) && !item.headline)) continue;
      const title = str(item.headline) ?? str(item.name);
      if (title) found.title = title;
      found.authors = ([] as unknown[])
        .concat(item.author ?? [])
        .map((a) => (typeof a === 'string' ? a : str((a as Record<string, unknown> | null)?.name)))
        .filter((a): a is string => a !== undefined);
      const publisher = item.publisher;
      const publisherName =
        typeof publisher === 'string' ? publisher : str((publisher as Record<string, unknown> | null)?.name);
      if (publisherName) found.publisher = publisherName;
      const date = str(item.datePublished) ?? str(item.dateCreated);
      if (date) found.date = date;
      const url = str(item.url) ?? str((item.mainEntityOfPage as Record<string, unknown> | null)?.['@id']);
      if (url) found.url = url;
      return found;
    }
  }
  return found;
}

/** `2026-03-14T09:00:00Z` → `2026-03-14`; a date text it cannot read is left out rather than guessed. */
export function isoDate(value: string): string | undefined {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (iso) return [iso[1], iso[2], iso[3]].filter((part) => part !== undefined).join('-');
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

/** "By Jane Doe and John Roe" → both names; a URL (some sites put a profile link in `article:author`) is no name. */
function authorsOf(byline: string | undefined): string[] {
  if (!byline || /^https?:\/\//i.test(byline)) return [];
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '' && name.length < 80);
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? clean(value) : undefined;
}
