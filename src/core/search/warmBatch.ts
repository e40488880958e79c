// How the search index's documents are made from articles: for tokenizing in
// batches off the calling thread, and for listing an article's sentences.
import { articleText } from '../articleText';
import type { Article } from '../model';
import type { PassageHit } from './hits';
import type { AnalysedDocument } from './termIndex';

/**
 * Analyses documents' texts (`analyseDocument` for each) somewhere else than
 * this thread: a worker. Undefined when it could not (the texts are then
 * analysed here, in slices, as without one).
 */
export type DocumentAnalyser = (
  texts: readonly string[],
  signal?: AbortSignal,
) => Promise<readonly AnalysedDocument[] | undefined>;

/** Text handed to the analyser at a time: a message small enough to post and read back within a slice. */
const BATCH_CHARS = 256 * 1024;

/** One article's documents: its paragraphs' texts, and per paragraph its section index and index in the section. */
export interface ArticleDocs {
  readonly article: Article;
  readonly texts: string[];
  readonly refs: number[];
}

/** The paragraphs of an article as search documents, in order. */
export function articleDocs(article: Article): ArticleDocs {
  const texts: string[] = [];
  const refs: number[] = [];
  for (const section of articleText(article).sections)
    section.paragraphs.forEach((paragraph, i) => {
      texts.push(paragraph.text);
      refs.push(section.index, i);
    });
  return { article, texts, refs };
}

/**
 * The next articles to hand an analyser: up to `BATCH_CHARS` of text, and no
 * longer than `sliceMs` of this thread's time reading their paragraphs (from
 * disk, for articles restored from a persisted index); one at least.
 */
export function nextBatch(pending: readonly Article[], sliceMs: number): ArticleDocs[] {
  const batch: ArticleDocs[] = [];
  const started = Date.now();
  let chars = 0;
  for (const article of pending) {
    if (chars >= BATCH_CHARS || (batch.length > 0 && Date.now() - started > sliceMs)) break;
    const docs = articleDocs(article);
    for (const text of docs.texts) chars += text.length;
    batch.push(docs);
  }
  return batch;
}

/** The sentences of an article (or one of its sections), in order, as unranked hits. */
export function articleSentences(article: Article, sectionIndex: number | undefined, limit: number): PassageHit[] {
  const hits: PassageHit[] = [];
  for (const section of articleText(article).sections) {
    if (sectionIndex !== undefined && section.index !== sectionIndex) continue;
    for (const paragraph of section.paragraphs)
      for (const sentence of paragraph.sentences) {
        if (hits.length >= limit) return hits;
        const { id: passageId, text } = sentence;
        hits.push({
          passageId,
          articleId: article.id,
          sectionIndex: section.index,
          kind: 'sentence',
          text,
          score: 0,
          matches: [],
        });
      }
  }
  return hits;
}
