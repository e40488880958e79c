import type { Corpus } from '../corpus';
import type { Article, SourcePosition, SourceRange, Sentence } from '../model';
import type { AliasMatcher } from './matcher';
import type { ArticleMentions } from './types';

/** A sentence that mentions an entity, and where in it. */
export interface SentenceRef {
  readonly article: Article;
  readonly sentence: Sentence;
  readonly start: number;
  readonly end: number;
}

/** Everything the corpus text says about one entity, gathered in one pass. */
export interface EntityMentions {
  readonly articles: Map<string, { mentions: number; first: SourceRange }>;
  mentions: number;
  /** The first few mentioning sentences of each article, in corpus order. */
  readonly sentences: SentenceRef[];
  /** Entity id → number of paragraphs that mention both. */
  readonly coMentions: Map<string, number>;
}

/** Sentences kept per entity and article: enough to choose a definition and quotes from. */
const SENTENCES_PER_ARTICLE = 4;
/** Sentences kept per entity in all: bounds memory for names mentioned everywhere. */
const SENTENCES_PER_ENTITY = 240;

/**
 * One article's mentions as the matcher found them, independent of the rest
 * of the corpus, so it can be persisted and kept while the article's text and
 * the entity names are unchanged. `entities` are the entity ids it mentions;
 * `hits` has 6 integers per mention, in text order: the entity's index in
 * `entities`, the section, paragraph and sentence indexes, and the mention's
 * `[start, end)` in the sentence; `firsts` has 6 per entity: the source range
 * (line, character, offset of start and end) of its first mention.
 */
export interface ArticleScan {
  readonly entities: readonly string[];
  readonly hits: Int32Array;
  readonly firsts: Int32Array;
}

/** Finds every entity mention in the sentences of one article (headings and front matter are not its text). */
export function scanArticle(article: Article, matcher: AliasMatcher): ArticleScan {
  const slots = new Map<string, number>();
  const hits: number[] = [];
  const firsts: number[] = [];
  for (const section of article.sections) {
    section.paragraphs.forEach((paragraph, p) => {
      paragraph.sentences.forEach((sentence, i) => {
        matcher.each(sentence.text, (entityId, start, end) => {
          let slot = slots.get(entityId);
          if (slot === undefined) {
            slots.set(entityId, (slot = slots.size));
            const range = rangeIn(sentence, start, end);
            firsts.push(
              range.start.line,
              range.start.character,
              range.start.offset,
              range.end.line,
              range.end.character,
              range.end.offset,
            );
          }
          hits.push(slot, section.index, p, i, start, end);
        });
      });
    });
  }
  return { entities: [...slots.keys()], hits: Int32Array.from(hits), firsts: Int32Array.from(firsts) };
}

/**
 * Scans every sentence of the corpus once with the matcher: per entity, the
 * mentions of each article and the first one's range, the first mentioning
 * sentences, and which entities share a paragraph with it.
 */
export function scanCorpus(corpus: Corpus, matcher: AliasMatcher): Map<string, EntityMentions> {
  return gatherMentions(corpus.articles(), (article) => scanArticle(article, matcher));
}

/**
 * Puts per-article scans together, in corpus order, into what each entity's
 * card needs. The kept sentences are resolved from the article when first
 * read, so scans restored from disk read no text until a card shows them.
 */
export function gatherMentions(
  articles: readonly Article[],
  scanOf: (article: Article) => ArticleScan,
): Map<string, EntityMentions> {
  const byEntity = new Map<string, EntityMentions>();
  const lastKept = new Map<string, number>();
  const entry = (id: string) => {
    let found = byEntity.get(id);
    if (!found) byEntity.set(id, (found = { articles: new Map(), mentions: 0, sentences: [], coMentions: new Map() }));
    return found;
  };
  for (const article of articles) {
    const { entities, hits, firsts } = scanOf(article);
    const inParagraph = new Set<string>();
    let paragraphKey = -1;
    for (let h = 0; h < hits.length; h += 6) {
      const slot = hits[h]!;
      const section = hits[h + 1]!;
      const paragraph = hits[h + 2]!;
      const sentence = hits[h + 3]!;
      // Sections and paragraphs are far below 2^20: one number names a paragraph, another a sentence.
      const key = section * 1_048_576 + paragraph;
      if (key !== paragraphKey) {
        if (inParagraph.size > 1) countPairs(inParagraph, entry);
        inParagraph.clear();
        paragraphKey = key;
      }
      const entityId = entities[slot]!;
      const stats = entry(entityId);
      stats.mentions++;
      inParagraph.add(entityId);
      const inArticle = stats.articles.get(article.id);
      if (inArticle) inArticle.mentions++;
      else stats.articles.set(article.id, { mentions: 1, first: rangeAt(firsts, slot) });
      const sentenceKey = key * 4096 + sentence;
      if (
        stats.sentences.length > 0 &&
        lastKept.get(entityId) === sentenceKey &&
        stats.sentences.at(-1)!.article === article
      )
        continue;
      if (stats.sentences.length < SENTENCES_PER_ENTITY && (inArticle?.mentions ?? 1) <= SENTENCES_PER_ARTICLE) {
        stats.sentences.push(lazyRef(article, section, paragraph, sentence, hits[h + 4]!, hits[h + 5]!));
        lastKept.set(entityId, sentenceKey);
      }
    }
    if (inParagraph.size > 1) countPairs(inParagraph, entry);
  }
  return byEntity;
}

function rangeAt(firsts: Int32Array, slot: number): SourceRange {
  const at = slot * 6;
  return {
    start: { line: firsts[at]!, character: firsts[at + 1]!, offset: firsts[at + 2]! },
    end: { line: firsts[at + 3]!, character: firsts[at + 4]!, offset: firsts[at + 5]! },
  };
}

/** A sentence reference whose sentence is looked up (and the article's text read) on first use. */
function lazyRef(article: Article, section: number, paragraph: number, index: number, start: number, end: number) {
  let sentence: Sentence | undefined;
  return {
    article,
    start,
    end,
    get sentence(): Sentence {
      sentence ??= article.sections[section]?.paragraphs[paragraph]?.sentences[index] ?? {
        id: `${article.id}#?`,
        text: '',
        range: { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } },
      };
      return sentence;
    },
  };
}

function countPairs(ids: Set<string>, entry: (id: string) => EntityMentions): void {
  for (const a of ids) {
    const co = entry(a).coMentions;
    for (const b of ids) if (a !== b) co.set(b, (co.get(b) ?? 0) + 1);
  }
}

/** Articles that mention the entity, most mentions first (corpus order among equals). */
export function articleMentions(stats: EntityMentions | undefined): ArticleMentions[] {
  if (!stats) return [];
  return [...stats.articles]
    .map(([articleId, { mentions, first }]) => ({ articleId, mentions, first }))
    .sort((a, b) => b.mentions - a.mentions);
}

/** The source range of `sentence.text.slice(start, end)`. */
export function rangeIn(sentence: Sentence, start: number, end: number): SourceRange {
  return { start: positionIn(sentence, start), end: positionIn(sentence, end) };
}

function positionIn(sentence: Sentence, index: number): SourcePosition {
  const origin = sentence.range.start;
  const newline = sentence.text.lastIndexOf('\n', index - 1);
  if (newline === -1) return { line: origin.line, character: origin.character + index, offset: origin.offset + index };
  let line = origin.line;
  for (let i = sentence.text.indexOf('\n'); i !== -1 && i <= newline; i = sentence.text.indexOf('\n', i + 1)) line++;
  return { line, character: index - newline - 1, offset: origin.offset + index };
}
