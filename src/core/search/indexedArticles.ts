// The shapes the passage search is given and keeps: its options, the entry of
// each indexed article, and the snapshot a persisted index is made from.
import { articleText } from '../articleText';
import type { Article, ArticlePlace } from '../model';
import type { ParagraphDoc } from './hits';
import type { Segment } from './segment';
import type { Steps } from '../steps';
import type { TermIndex } from './termIndex';

/** With an article (and section): only passages of it. */
export interface PassageSearchOptions extends Partial<ArticlePlace> {
  /** Most hits to return (default 20). */
  readonly limit?: number;
  /**
   * Search what is indexed so far instead of finishing the index first: for
   * search-as-you-type while the index warms up in the background.
   */
  readonly partial?: boolean;
}

export interface IndexedArticle {
  /** Undefined while the entry comes from a snapshot and no article of the corpus has claimed it. */
  article: Article | undefined;
  readonly id: string;
  readonly hash: number;
  firstDoc: number;
  count: number;
  /** Per document, its section index and its paragraph's index in the section. */
  refs: Int32Array;
  done: boolean;
  removed: boolean;
}

/**
 * A search index as persisted: per article its id, content hash, first
 * document and document count (documents contiguous, in order), per document
 * where its paragraph is, and the term index.
 */
export interface SearchSnapshot {
  readonly articles: readonly (readonly [id: string, hash: number, firstDoc: number, count: number])[];
  readonly refs: Int32Array;
  readonly segment: Segment;
}

/** The entries of a snapshot's articles: indexed, and not yet claimed by an article of the corpus. */
export function snapshotEntries(snapshot: SearchSnapshot): IndexedArticle[] {
  return snapshot.articles.map(([id, hash, firstDoc, count]) => ({
    article: undefined,
    id,
    hash,
    firstDoc,
    count,
    refs: snapshot.refs.subarray(firstDoc * 2, (firstDoc + count) * 2),
    done: true,
    removed: false,
  }));
}

/** Where the index came from: articles taken over from a snapshot, and articles tokenized here. */
export interface SearchIndexStats {
  readonly restored: number;
  readonly indexed: number;
}

/** The live entry whose documents include `id` (entries are sorted by `firstDoc`, documents contiguous). */
export function ownerOf(owners: readonly IndexedArticle[], id: number): IndexedArticle | undefined {
  let lo = 0;
  let hi = owners.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const entry = owners[mid];
    if (!entry) return undefined;
    if (id < entry.firstDoc) hi = mid - 1;
    else if (id >= entry.firstDoc + entry.count) lo = mid + 1;
    else return entry.removed ? undefined : entry;
  }
  return undefined;
}

/** Whether document `id` of `entry` is in the article `articleId` (and its section `sectionIndex`, if given). */
export function inScope(
  entry: IndexedArticle | undefined,
  id: number,
  articleId: string,
  sectionIndex: number | undefined,
): boolean {
  return (
    entry !== undefined &&
    entry.id === articleId &&
    (sectionIndex === undefined || entry.refs[(id - entry.firstDoc) * 2] === sectionIndex)
  );
}

/** The paragraph document `id` of `entry` stands for, or undefined when its article is gone or changed. */
export function paragraphDoc(entry: IndexedArticle, id: number): ParagraphDoc | undefined {
  const article = entry.article;
  const at = (id - entry.firstDoc) * 2;
  const sectionIndex = entry.refs[at];
  const paragraphIndex = entry.refs[at + 1];
  if (!article || sectionIndex === undefined || paragraphIndex === undefined) return undefined;
  const paragraph = articleText(article).sections[sectionIndex]?.paragraphs[paragraphIndex];
  return paragraph && { articleId: article.id, sectionIndex, paragraph };
}

/**
 * The index compacted (documents renumbered densely, in entry order) with
 * the live entries moved onto the new numbers, and the snapshot of both.
 * The entries are updated in place: the caller replaces its index and
 * entries with these. Made in steps (see `Segment.mergeSteps`); undefined,
 * with nothing updated, when the index changed meanwhile (`unchanged`).
 */
export function* compactIndex(
  current: TermIndex,
  entries: readonly IndexedArticle[],
  unchanged: () => boolean,
): Steps<{ index: TermIndex; owners: IndexedArticle[]; snapshot: SearchSnapshot } | undefined> {
  const { index, renumber } = yield* current.compactSteps();
  if (!unchanged()) return undefined;
  const owners = entries.filter((entry) => !entry.removed && entry.article !== undefined);
  const refs = new Int32Array(index.nextDoc * 2);
  const articles: [string, number, number, number][] = [];
  let firstDoc = 0;
  for (const entry of owners) {
    if (entry.count > 0 && renumber(entry.firstDoc) !== firstDoc) throw new Error('search index out of order');
    refs.set(entry.refs, firstDoc * 2);
    entry.firstDoc = firstDoc;
    entry.refs = refs.subarray(firstDoc * 2, (firstDoc + entry.count) * 2);
    articles.push([entry.id, entry.hash, firstDoc, entry.count]);
    firstDoc += entry.count;
  }
  const [segment] = index.parts;
  if (!segment) throw new Error('a compacted search index has one segment');
  return { index, owners, snapshot: { articles, refs, segment } };
}

/** The entry of an article not indexed yet. */
export function unindexedEntry(article: Article): IndexedArticle {
  return {
    article,
    id: article.id,
    hash: 0,
    firstDoc: 0,
    count: 0,
    refs: new Int32Array(0),
    done: false,
    removed: false,
  };
}
