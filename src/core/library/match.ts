import type { Article } from '../model';
import type { LibraryItem } from './library';

/**
 * The analyst's library, indexed the three ways an article can match an
 * entry: its citation key, its URL, its DOI.
 */
export class Library {
  private readonly byKey = new Map<string, LibraryItem>();
  private readonly byUrl = new Map<string, LibraryItem>();
  private readonly byDoi = new Map<string, LibraryItem>();

  constructor(readonly items: readonly LibraryItem[] = []) {
    for (const item of items) {
      if (!this.byKey.has(item.key)) this.byKey.set(item.key, item);
      if (item.url && !this.byUrl.has(normalUrl(item.url))) this.byUrl.set(normalUrl(item.url), item);
      if (item.doi && !this.byDoi.has(normalDoi(item.doi))) this.byDoi.set(normalDoi(item.doi), item);
    }
  }

  item(key: string): LibraryItem | undefined {
    return this.byKey.get(key);
  }

  /**
   * The entry an article is: the one its front matter's `citekey` names, else
   * the one with its URL or DOI, else the one keyed by its id.
   */
  match(article: Pick<Article, 'id' | 'url' | 'citekey' | 'doi'>): LibraryItem | undefined {
    return (
      (article.citekey === undefined ? undefined : this.byKey.get(article.citekey)) ??
      (article.url === undefined ? undefined : this.byUrl.get(normalUrl(article.url))) ??
      (article.doi === undefined ? undefined : this.byDoi.get(normalDoi(article.doi))) ??
      this.byKey.get(article.id)
    );
  }
}

const linked = new WeakMap<Article, LibraryItem>();

/** Records (or, with undefined, forgets) the library entry an article matched. */
export function linkLibraryItem(article: Article, item: LibraryItem | undefined): void {
  if (item) linked.set(article, item);
  else linked.delete(article);
}

/** The library entry an article matched, if any. */
export function libraryItemOf(article: Article): LibraryItem | undefined {
  return linked.get(article);
}

/** The key an article is cited by: its library entry's key when it matched one, else its id. */
export function citationKeyOf(article: Article): string {
  return linked.get(article)?.key ?? article.id;
}

/** A URL as matching compares it: no scheme, `www.`, fragment, tracking parameters or trailing slash; host in lower case. */
export function normalUrl(url: string): string {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    for (const name of [...parsed.searchParams.keys()])
      if (/^(utm_|fbclid$|gclid$)/.test(name)) parsed.searchParams.delete(name);
    const query = parsed.searchParams.toString();
    return `${parsed.host.toLowerCase().replace(/^www\./, '')}${parsed.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
  } catch {
    return trimmed.toLowerCase().replace(/\/+$/, '');
  }
}

function normalDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^(doi:|https?:\/\/(dx\.)?doi\.org\/)/i, '')
    .toLowerCase();
}
