import type { Corpus } from '../corpus';
import { libraryItemOf } from '../library/match';
import type { Article } from '../model';
import type { NoteCitation, ReferenceList } from '../quotes/noteScan';
import { wordsOf } from './words';

/** What a quote's citation points at. */
export type CitedArticle =
  /** The cited article; more than one when several share the title the citation names. */
  | { readonly kind: 'article'; readonly articles: readonly [Article, ...Article[]] }
  /** A Sourcebook-shaped citation that names no article of the corpus. */
  | { readonly kind: 'unknown'; readonly cited: string }
  /** Not a Sourcebook citation (e.g. `— Shakespeare`, a hand-numbered `[^1]`): not checked. */
  | { readonly kind: 'other' };

/** What a note offers for resolving citations: its footnote definitions and reference list. */
export interface CitationContext {
  readonly footnotes: ReadonlyMap<string, string>;
  readonly references?: ReferenceList;
}

/**
 * Resolves a citation:
 * - a footnote: the article whose title its definition names (so labels
 *   pandoc renumbered to `[^1]` still resolve), else the article whose id is
 *   the label or, for a per-section label `<id>.<section>`, its prefix; a
 *   label that names nothing is an unknown article, except a purely numeric
 *   one with no title in its definition, which Sourcebook never writes;
 * - a pandoc key: the article with that id;
 * - an in-text citation (APA, Chicago, MLA): the article whose title it
 *   names, else the entries of the note's reference list that contain its
 *   name and year (`(FrontierNews.ai 2026)`), narrowed to the articles that
 *   have the section its locator names;
 * - dash citation text: the article whose title it names.
 * Titles are matched as words (case, punctuation and quote style aside; the
 * longest title wins). Text that names no title is an unknown article when
 * it is shaped like a Sourcebook reference (an emphasized or quoted title, or
 * a parenthesized year), and is otherwise not a Sourcebook citation.
 */
export function resolveCitation(citation: NoteCitation, note: CitationContext, corpus: Corpus): CitedArticle {
  switch (citation.kind) {
    case 'footnote': {
      const definition = note.footnotes.get(citation.label);
      const titled = definition === undefined ? undefined : titleIn(definition, corpus);
      if (titled) return { kind: 'article', articles: titled };
      const article = corpus.article(citation.label) ?? articleOfLabel(citation.label, corpus);
      if (article) return { kind: 'article', articles: [article] };
      return /^\d+$/.test(citation.label) ? { kind: 'other' } : { kind: 'unknown', cited: `[^${citation.label}]` };
    }
    case 'pandoc': {
      const article = corpus.article(citation.key);
      return article ? { kind: 'article', articles: [article] } : { kind: 'unknown', cited: `@${citation.key}` };
    }
    case 'intext': {
      const titled = titleIn(citation.text, corpus) ?? inReferenceList(citation.text, note.references, corpus);
      if (titled) return { kind: 'article', articles: titled };
      return looksLikeReference(`(${citation.text})`)
        ? { kind: 'unknown', cited: `(${citation.text})` }
        : { kind: 'other' };
    }
    case 'text': {
      const titled = titleIn(citation.text, corpus);
      if (titled) return { kind: 'article', articles: titled };
      return looksLikeReference(citation.text) ? { kind: 'unknown', cited: citation.text } : { kind: 'other' };
    }
  }
}

/** The article of a per-section footnote label `<id>.<section-slug>`: the longest id it starts with. */
function articleOfLabel(label: string, corpus: Corpus): Article | undefined {
  for (let dot = label.lastIndexOf('.'); dot > 0; dot = label.lastIndexOf('.', dot - 1)) {
    const article = corpus.article(label.slice(0, dot));
    if (article) return article;
  }
  return undefined;
}

const LOCATOR_WORDS = new Set(['sec', 'section', 'p', 'pp', 'page', 'pages', 'para']);

/**
 * The articles of the reference-list entries an in-text citation points at:
 * its words before the locator (`sec.`, `p.`, or numbers after the year
 * that no entry holds: an unlabelled page) must appear in the entry in
 * order, years included. Several entries can match (two 2026 articles of one
 * publisher): then every one of their articles is a candidate.
 */
function inReferenceList(
  text: string,
  references: ReferenceList | undefined,
  corpus: Corpus,
): [Article, ...Article[]] | undefined {
  if (!references || references.entries.length === 0) return undefined;
  const all = wordsOf(text).map((w) => w.text);
  const cut = all.findIndex((w) => LOCATOR_WORDS.has(w));
  const name = cut === -1 ? all : all.slice(0, cut);
  if (name.length === 0) return undefined;
  const locator = cut === -1 ? [] : all.slice(cut + 1);
  const found: Article[] = [];
  // Chicago and MLA write a page without a label (`Brennan 2026, 3`, `Brennan 3`): numbers at the end
  // that no entry holds after the name are dropped one by one.
  for (let words = name.length; words > 0 && found.length === 0; words--) {
    for (const entry of references.entries) {
      if (
        !containsRun(
          wordsOf(entry.text).map((w) => w.text),
          name.slice(0, words),
        )
      )
        continue;
      for (const article of titleIn(entry.text, corpus) ?? []) if (!found.includes(article)) found.push(article);
    }
    const last = name[words - 1] ?? ''; // words runs from name.length down to 1
    // A year after a name is the year the entry must hold, not a page.
    if (!/^\d+$/.test(last) || (/^\d{4}$/.test(last) && !/^\d+$/.test(name[words - 2] ?? '0'))) break;
  }
  const narrowed =
    locator.length === 0
      ? found
      : found.filter((article) =>
          article.sections.some((section) => {
            const words = wordsOf(section.title).map((w) => w.text);
            return words.length > 0 && words.join(' ') === locator.join(' ');
          }),
        );
  const result = narrowed.length > 0 ? narrowed : found;
  return result.length > 0 ? (result as [Article, ...Article[]]) : undefined;
}

/** Whether `words` contains the words of `run` in order (an entry puts initials between a name and its year). */
function containsRun(words: readonly string[], run: readonly string[]): boolean {
  let at = 0;
  for (const word of words) if (word === run[at] && ++at === run.length) return true;
  return run.length === 0;
}

function looksLikeReference(text: string): boolean {
  return /\*[^*\s][^*]*\*|(?:^|[^\w])_[^_\s][^_]*_|“[^”]+”|"[^"]+"|\(\s*(?:\d{4}|n\.\s?d\.)/.test(text);
}

interface TitleEntry {
  readonly article: Article;
  readonly words: readonly string[];
}

/** Titles keyed by their first word, built once per corpus version. */
const titleIndexes = new WeakMap<Corpus, { version: number; byFirstWord: Map<string, TitleEntry[]> }>();

function titleIndex(corpus: Corpus): Map<string, TitleEntry[]> {
  const cached = titleIndexes.get(corpus);
  if (cached && cached.version === corpus.version) return cached.byFirstWord;
  const byFirstWord = new Map<string, TitleEntry[]>();
  for (const article of corpus.articles()) {
    // An article matched to the analyst's library is cited under the library's title.
    const library = libraryItemOf(article)?.title;
    for (const title of library === undefined || library === article.title
      ? [article.title]
      : [article.title, library]) {
      const words = wordsOf(title).map((w) => w.text);
      const [first] = words;
      if (first === undefined) continue;
      const entries = byFirstWord.get(first);
      if (entries) entries.push({ article, words });
      else byFirstWord.set(first, [{ article, words }]);
    }
  }
  titleIndexes.set(corpus, { version: corpus.version, byFirstWord });
  return byFirstWord;
}

/**
 * The articles whose title appears, as whole words, in `text`: the longest
 * title found wins, and every article with that title is returned (a large
 * corpus can hold two articles under one headline).
 */
export function titleIn(text: string, corpus: Corpus): [Article, ...Article[]] | undefined {
  const index = titleIndex(corpus);
  const words = wordsOf(text).map((w) => w.text);
  let best: [Article, ...Article[]] | undefined;
  let bestLength = 0;
  words.forEach((word, at) => {
    for (const entry of index.get(word) ?? []) {
      if (entry.words.length < bestLength || !entry.words.every((w, k) => words[at + k] === w)) continue;
      if (!best || entry.words.length > bestLength) {
        best = [entry.article];
        bestLength = entry.words.length;
      } else if (!best.includes(entry.article)) best.push(entry.article);
    }
  });
  return best;
}
