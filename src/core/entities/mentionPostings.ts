/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Reads packed postings and hit records (flat integer arrays of fixed-size records) at offsets the loops
   keep inside them. It runs over every mention of the corpus when a card is first asked for, so the reads
   stay plain indexing rather than checked helpers. */
import { articleText } from '../articleText';
import type { Article, SourceRange, Sentence } from '../model';
import type { ArticleScan, EntityMentions, SentenceRef } from './corpusMentions';
import type { ArticleMentions } from './types';

/** Sentences kept per entity and article: enough to choose a definition and quotes from. */
const SENTENCES_PER_ARTICLE = 4;
/**
 * Sentences kept per entity in all, from the first articles that mention it:
 * a card chooses its definition and quotes among them, and reading them
 * reads those articles' text (16 articles at most, not every one that
 * mentions a name met everywhere).
 */
const SENTENCES_PER_ENTITY = 64;
/** Sections and paragraphs are far below 2^20: one number names a paragraph of an article. */
const PARAGRAPHS = 1_048_576;

/** Entities looked up one by one (a sweep over every scan) before the whole corpus is indexed by entity. */
const SWEEPS_BEFORE_INDEX = 24;

/**
 * The corpus's mention scans, looked up by entity. The first few entities
 * asked for (a hover card's) are found by one sweep over the scans' entity
 * lists, a millisecond or two; after that (the Entities view asks for every
 * one) the scans are indexed by entity once. What a card needs of an entity
 * (its sentences, the entities sharing its paragraphs) is worked out from
 * the scans of the articles that mention it, when first asked for, and kept.
 * A corpus with ten thousand entities thus answers its first card without
 * gathering the other entities' mentions.
 */
export class MentionPostings {
  private readonly scans: ArticleScan[] = [];
  /** Entity id → for each article that mentions it: article index, slot in that article's scan, mentions. */
  private postings?: Map<string, number[]>;
  private readonly swept = new Map<string, number[]>();
  private readonly gathered = new Map<string, EntityMentions>();

  /** Scans every article with `scanOf`, in corpus order. */
  constructor(
    private readonly articles: readonly Article[],
    scanOf: (article: Article) => ArticleScan,
  ) {
    for (const article of articles) this.scans.push(scanOf(article));
  }

  private postingsOf(entityId: string): readonly number[] {
    if (!this.postings) {
      const known = this.swept.get(entityId);
      if (known) return known;
      if (this.swept.size < SWEEPS_BEFORE_INDEX) {
        const list: number[] = [];
        this.scans.forEach((scan, a) => {
          const slot = scan.entities.indexOf(entityId);
          if (slot !== -1) list.push(a, slot, mentionCount(scan, slot));
        });
        this.swept.set(entityId, list);
        return list;
      }
      this.postings = this.indexByEntity();
    }
    return this.postings.get(entityId) ?? [];
  }

  private indexByEntity(): Map<string, number[]> {
    const postings = new Map<string, number[]>();
    this.scans.forEach((scan, a) => {
      const counts = new Int32Array(scan.entities.length);
      for (let h = 0; h < scan.hits.length; h += 6) counts[scan.hits[h]!]!++;
      scan.entities.forEach((entityId, slot) => {
        let list = postings.get(entityId);
        if (!list) postings.set(entityId, (list = []));
        list.push(a, slot, counts[slot]!);
      });
    });
    return postings;
  }

  /** Articles that mention the entity, most mentions first (corpus order among equals), with where each first does. */
  articlesMentioning(entityId: string): ArticleMentions[] {
    const list = this.postingsOf(entityId);
    const result: ArticleMentions[] = [];
    for (let p = 0; p < list.length; p += 3) {
      const scan = this.scans[list[p]!]!;
      result.push({
        articleId: this.articles[list[p]!]!.id,
        mentions: list[p + 2]!,
        first: rangeAt(scan, list[p + 1]!),
      });
    }
    return result.sort((a, b) => b.mentions - a.mentions);
  }

  /** Everything the corpus text says about one entity; undefined when no article mentions it. */
  mentionsOf(entityId: string): EntityMentions | undefined {
    const known = this.gathered.get(entityId);
    if (known) return known;
    const list = this.postingsOf(entityId);
    if (list.length === 0) return undefined;
    const stats: EntityMentions = { articles: new Map(), mentions: 0, sentences: [], coMentions: new Map() };
    for (let p = 0; p < list.length; p += 3) this.gatherArticle(stats, list[p]!, list[p + 1]!, list[p + 2]!);
    this.gathered.set(entityId, stats);
    return stats;
  }

  /** Adds one article's mentions of the entity in `slot`: its count, first sentences and paragraph companions. */
  private gatherArticle(stats: EntityMentions, a: number, slot: number, mentions: number): void {
    const article = this.articles[a]!;
    const { entities, hits } = this.scans[a]!;
    stats.mentions += mentions;
    stats.articles.set(article.id, { mentions, first: rangeAt(this.scans[a]!, slot) });
    let seen = 0;
    let lastSentence = -1;
    // The paragraph being read: whether the entity is in it, and the other entities it mentions.
    let paragraph = -1;
    let selfInParagraph = false;
    const others = new Set<number>();
    const closeParagraph = () => {
      if (selfInParagraph)
        for (const other of others) {
          const id = entities[other]!;
          stats.coMentions.set(id, (stats.coMentions.get(id) ?? 0) + 1);
        }
      others.clear();
      selfInParagraph = false;
    };
    for (let h = 0; h < hits.length; h += 6) {
      const key = hits[h + 1]! * PARAGRAPHS + hits[h + 2]!;
      if (key !== paragraph) {
        closeParagraph();
        paragraph = key;
      }
      const hitSlot = hits[h]!;
      if (hitSlot !== slot) {
        others.add(hitSlot);
        continue;
      }
      selfInParagraph = true;
      seen++;
      const sentenceKey = key * 4096 + hits[h + 3]!;
      if (sentenceKey === lastSentence) continue;
      if (stats.sentences.length < SENTENCES_PER_ENTITY && seen <= SENTENCES_PER_ARTICLE) {
        stats.sentences.push(lazyRef(article, hits[h + 1]!, hits[h + 2]!, hits[h + 3]!, hits[h + 4]!, hits[h + 5]!));
        lastSentence = sentenceKey;
      }
    }
    closeParagraph();
  }
}

function mentionCount({ hits }: ArticleScan, slot: number): number {
  let count = 0;
  for (let h = 0; h < hits.length; h += 6) if (hits[h] === slot) count++;
  return count;
}

function rangeAt({ firsts }: ArticleScan, slot: number): SourceRange {
  const at = slot * 6;
  return {
    start: { line: firsts[at]!, character: firsts[at + 1]!, offset: firsts[at + 2]! },
    end: { line: firsts[at + 3]!, character: firsts[at + 4]!, offset: firsts[at + 5]! },
  };
}

/** A sentence reference whose sentence is looked up (and the article's text read) on first use. */
function lazyRef(
  article: Article,
  section: number,
  paragraph: number,
  index: number,
  start: number,
  end: number,
): SentenceRef {
  let sentence: Sentence | undefined;
  return {
    article,
    start,
    end,
    get sentence(): Sentence {
      sentence ??= articleText(article).sections[section]?.paragraphs[paragraph]?.sentences[index] ?? {
        id: `${article.id}#?`,
        text: '',
        range: { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } },
      };
      return sentence;
    },
  };
}
