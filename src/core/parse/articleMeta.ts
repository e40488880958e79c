import { dateFromRule, type FolderDefaults } from '../folderDefaults';
import { wordsOf } from '../integrity/words';
import type { ArticleMeta } from '../model';

/** What of a corpus file its metadata is read from (see `ArticleFile` in `article.ts`). */
export interface MetaSource {
  readonly relativePath: string;
  readonly text: string;
  readonly id?: string;
  readonly defaults?: FolderDefaults;
}

/**
 * An article's metadata: what its front matter gives, then what the folder's
 * defaults give, then what the text and the path give (title from the first
 * heading or line, topic from the folder, id from the path).
 */
export function articleMeta(
  file: MetaSource,
  data: Record<string, unknown>,
  bodyStart: number,
  markdown: boolean,
): ArticleMeta {
  const defaults = file.defaults ?? {};
  const titleFromText = worded(oneLine(firstTitle(file.text, bodyStart, markdown)));
  const givenTitle = worded(oneLine(str(data.title)));
  const supplied = data.title_supplied === true || str(data.title_source) === 'editor';
  const meta: { -readonly [K in keyof ArticleMeta]: ArticleMeta[K] } = {
    id: file.id ?? slug(str(data.id) ?? file.relativePath.replace(/\.[^./]+$/, '')),
    title: givenTitle ?? titleFromText ?? worded(oneLine(file.relativePath)) ?? 'Untitled',
    titleProvenance: givenTitle && supplied ? 'editor' : 'source',
    topics: topicsOf(data.topics, file.relativePath, defaults.topics),
  };
  // A value the file gives, even "unknown", is the file's word; the folder's default fills only silence.
  const ownPublisher = oneLine(str(data.publisher) ?? str(data.outlet));
  const publisher = known(ownPublisher ?? defaults.publisher);
  if (publisher) meta.publisher = publisher;
  const ownDate = str(data.date);
  const date = known(ownDate ?? (defaults.date ? dateFromRule(defaults.date, file.relativePath) : undefined));
  if (date) meta.date = date;
  const language = str(data.language) ?? str(data.lang) ?? defaults.language;
  if (language) meta.language = language;
  const citekey = str(data.citekey) ?? str(data['citation-key']);
  if (citekey) meta.citekey = citekey;
  const doi = str(data.doi) ?? str(data.DOI);
  if (doi) meta.doi = doi;
  const url = str(data.url);
  if (url) meta.url = url;
  const summary = str(data.summary);
  if (summary) meta.summary = summary;
  const authors = list(data.authors ?? data.author)
    .map(oneLine)
    .filter((author): author is string => author !== undefined);
  if (authors.length > 0) meta.authors = authors;
  return meta;
}

function firstTitle(text: string, bodyStart: number, markdown: boolean): string | undefined {
  const body = text.slice(bodyStart);
  if (markdown) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
    const title = heading?.[1];
    if (title !== undefined) return title.trim();
  }
  const line = /^[ \t]*(\S.*?)[ \t]*\r?$/m.exec(body);
  return line?.[1];
}

/**
 * A title with no words in it as quote integrity reads words (a line of `>`
 * or `*`, a bare footnote mark) names nothing: a citation could not say which
 * article it means, so the next candidate is used.
 */
function worded(title: string | undefined): string | undefined {
  return title !== undefined && wordsOf(title).length > 0 ? title : undefined;
}

/**
 * A metadata value on one line with no control characters: line breaks,
 * tabs and other controls (front matter can hold any, escaped) become
 * single spaces. Undefined when nothing is left.
 */
function oneLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const line = value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return line === '' ? undefined : line;
}

function topicsOf(value: unknown, relativePath: string, defaults: readonly string[] | undefined): string[] {
  const given = list(value);
  if (given.length > 0) return given;
  if (defaults && defaults.length > 0) return [...defaults];
  const folder = relativePath.split('/').at(-2);
  return folder === undefined ? ['Unsorted'] : [folder];
}

/** A slug safe in ids, footnote labels and file names: lower case, `a-z0-9` and single dashes. */
export function slug(value: string): string {
  const result = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return result || 'article';
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function known(value: string | undefined): string | undefined {
  return value && !/^(unknown|n\/a|none|null)$/i.test(value) ? value : undefined;
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(str).filter((v): v is string => v !== undefined);
  const one = str(value);
  return one ? [one] : [];
}
