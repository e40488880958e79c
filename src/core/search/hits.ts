import type { Paragraph } from '../model';
import type { ParsedQuery, QueryGroup } from './query';
import { type TermSpan, termSpans } from './terms';

/** A passage found by a search, best first in a result list. */
export interface PassageHit {
  /** Stable passage id: a sentence (`a#3.1`) or, when the matches span sentences, a paragraph (`a#3`). */
  readonly passageId: string;
  readonly articleId: string;
  readonly sectionIndex: number;
  readonly kind: 'sentence' | 'paragraph';
  readonly text: string;
  readonly score: number;
  /** `[start, end)` offsets into `text` of the words that matched, in order. */
  readonly matches: readonly (readonly [number, number])[];
}

/** A paragraph the index returned, with where it sits. */
export interface ParagraphDoc {
  readonly articleId: string;
  readonly sectionIndex: number;
  readonly paragraph: Paragraph;
}

type Range = readonly [number, number];

/**
 * Turns a matching paragraph into passage hits: each sentence that holds
 * every part of the query on its own, or else the whole paragraph. Returns
 * nothing when a quoted phrase is not in the text as written. `matchedTerms`
 * are the index terms the search matched in this paragraph (they cover
 * prefix and fuzzy matches).
 */
export function paragraphHits(
  doc: ParagraphDoc,
  score: number,
  query: ParsedQuery,
  matchedTerms: ReadonlySet<string>,
): PassageHit[] {
  const { paragraph } = doc;
  const spans = termSpans(paragraph.text);
  const groupRanges = query.groups.map((group) => groupMatches(spans, group, matchedTerms));
  const phraseRanges = query.phrases.map((phrase) => sequenceMatches(spans, phrase, (span) => span.word));
  if (phraseRanges.some((ranges) => ranges.length === 0)) return [];
  const all = [...groupRanges, ...phraseRanges];
  const hits: PassageHit[] = [];
  for (const sentence of paragraph.sentences) {
    const start = sentenceStart(paragraph, sentence);
    const end = start + sentence.text.length;
    const inside = all.map((ranges) => ranges.filter(([a, b]) => a >= start && b <= end));
    if (inside.some((ranges) => ranges.length === 0)) continue;
    const matches = merge(inside.flat()).map(([a, b]) => [a - start, b - start] as const);
    const bonus = adjacencyBonus(
      spans.filter((s) => s.start >= start && s.end <= end),
      query,
    );
    hits.push({
      ...passage(doc, sentence.id, 'sentence', sentence.text),
      score: score * bonus * (1 + 0.05 * Math.min(matches.length, 6)),
      matches,
    });
  }
  if (hits.length > 0) return hits;
  const matches = merge(all.flat());
  return [
    {
      ...passage(doc, paragraph.id, 'paragraph', paragraph.text),
      score: score * adjacencyBonus(spans, query) * 0.9,
      matches,
    },
  ];
}

function passage(doc: ParagraphDoc, passageId: string, kind: PassageHit['kind'], text: string) {
  return { passageId, articleId: doc.articleId, sectionIndex: doc.sectionIndex, kind, text };
}

/** Where a sentence starts inside its paragraph's text. */
function sentenceStart(paragraph: Paragraph, sentence: Paragraph['sentences'][number]): number {
  const relative = sentence.range.start.offset - paragraph.range.start.offset;
  if (paragraph.text.startsWith(sentence.text, relative)) return relative;
  const found = paragraph.text.indexOf(sentence.text);
  return found === -1 ? relative : found;
}

function groupMatches(spans: readonly TermSpan[], group: QueryGroup, matchedTerms: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (const alternative of group.alternatives) {
    if (alternative.length === 1) {
      const [word] = alternative as [string];
      for (const span of spans) {
        if (span.term === null) continue;
        if (
          span.term === word ||
          (group.prefix && span.term.startsWith(word)) ||
          (group.entityId === undefined && matchedTerms.has(span.term) && fuzzyClose(span.term, word))
        ) {
          ranges.push([span.start, span.end]);
        }
      }
    } else {
      const terms = spans.filter((span) => span.term !== null);
      ranges.push(...sequenceMatches(terms, alternative, (span) => span.term ?? ''));
    }
  }
  return ranges;
}

/** Ranges where consecutive spans read `words` (by `key`). */
function sequenceMatches(
  spans: readonly TermSpan[],
  words: readonly string[],
  key: (span: TermSpan) => string,
): Range[] {
  const ranges: Range[] = [];
  outer: for (let i = 0; i + words.length <= spans.length; i++) {
    const run = spans.slice(i, i + words.length);
    for (const [j, word] of words.entries()) {
      const span = run[j];
      const last = j === words.length - 1;
      const actual = span ? key(span) : undefined;
      if (actual === undefined || (actual !== word && !(last && actual.startsWith(word)))) continue outer;
    }
    const first = run[0];
    const final = run.at(-1);
    if (first && final) ranges.push([first.start, final.end]);
  }

  return ranges;
}

/** 1.5 when the query's words (two or more) appear side by side in the text, else 1. */
function adjacencyBonus(spans: readonly TermSpan[], query: ParsedQuery): number {
  if (query.words.length < 2) return 1;
  return sequenceMatches(spans, query.words, (span) => span.word).length > 0 ? 1.5 : 1;
}

/** A fuzzy match the index made: same start, similar length (cheap check, not an edit distance). */
function fuzzyClose(term: string, word: string): boolean {
  return term[0] === word[0] && Math.abs(term.length - word.length) <= 2;
}

function merge(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
