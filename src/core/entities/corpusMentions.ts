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
 * Scans every sentence of the corpus once with the matcher: per entity, the
 * mentions of each article and the first one's range, the first mentioning
 * sentences, and which entities share a paragraph with it. Headings and
 * front matter are not scanned: they are not the article's text.
 */
export function scanCorpus(corpus: Corpus, matcher: AliasMatcher): Map<string, EntityMentions> {
  const byEntity = new Map<string, EntityMentions>();
  const entry = (id: string) => {
    let found = byEntity.get(id);
    if (!found) byEntity.set(id, (found = { articles: new Map(), mentions: 0, sentences: [], coMentions: new Map() }));
    return found;
  };
  for (const article of corpus.articles()) {
    for (const section of article.sections) {
      for (const paragraph of section.paragraphs) {
        const inParagraph = new Set<string>();
        for (const sentence of paragraph.sentences) {
          matcher.each(sentence.text, (entityId, start, end) => {
            const stats = entry(entityId);
            stats.mentions++;
            inParagraph.add(entityId);
            const inArticle = stats.articles.get(article.id);
            if (inArticle) inArticle.mentions++;
            else stats.articles.set(article.id, { mentions: 1, first: rangeIn(sentence, start, end) });
            const kept = stats.sentences;
            if (kept[kept.length - 1]?.sentence === sentence) return;
            if (kept.length < SENTENCES_PER_ENTITY && (inArticle?.mentions ?? 1) <= SENTENCES_PER_ARTICLE) {
              kept.push({ article, sentence, start, end });
            }
          });
        }
        if (inParagraph.size > 1) countPairs(inParagraph, entry);
      }
    }
  }
  return byEntity;
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
