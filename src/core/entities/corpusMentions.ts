import { articleText } from '../articleText';
import type { Article, SourcePosition, SourceRange, Sentence } from '../model';
import type { AliasMatcher } from './matcher';

/** A sentence that mentions an entity, and where in it. */
export interface SentenceRef {
  readonly article: Article;
  readonly sentence: Sentence;
  readonly start: number;
  readonly end: number;
}

/** Everything the corpus text says about one entity (see `MentionPostings`). */
export interface EntityMentions {
  readonly articles: Map<string, { mentions: number; first: SourceRange }>;
  mentions: number;
  /** The first few mentioning sentences of each article, in corpus order. */
  readonly sentences: SentenceRef[];
  /** Entity id → number of paragraphs that mention both. */
  readonly coMentions: Map<string, number>;
}

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
  for (const section of articleText(article).sections) {
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
