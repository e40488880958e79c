import { type SentenceRef } from './corpusMentions';
import type { EvidenceSentence } from './types';

/** Quotes longer than this are not offered: a hover card shows short evidence. */
const LONGEST_QUOTE = 280;
const SHORTEST_QUOTE = 40;

/**
 * The sentence where the corpus introduces an entity: one that defines it
 * ("Qwen (Tongyi Qianwen) …", "X, which is …", "X is a …", "known as X")
 * scores highest; among equals the earliest wins. Without any such sentence,
 * the first mention of the article that mentions it most. Undefined when
 * no sentence mentions it.
 */
export function chooseDefinition(refs: readonly SentenceRef[]): SentenceRef | undefined {
  let best: SentenceRef | undefined;
  let bestScore = -Infinity;
  for (const ref of refs) {
    const score = definitionScore(ref);
    if (score > bestScore) {
      best = ref;
      bestScore = score;
    }
  }
  return best;
}

function definitionScore({ sentence, start, end }: SentenceRef): number {
  const text = sentence.text;
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 24), start);
  let score = 0;
  if (/^\s*\(/.test(after) || /\(\s*$/.test(before)) score += 3;
  if (/^,\s+(?:which|who|a|an|the|its|one)\b/.test(after)) score += 3;
  if (/^\s+(?:is|was|are|were)\s+(?:a|an|the|one)\b/.test(after)) score += 3;
  if (/\b(?:called|named|known as|dubbed|such as)\s+$/.test(before)) score += 2;
  if (text.length > 360) score -= 2;
  if (text.length < 30) score -= 2;
  return score;
}

/**
 * Two or three short sentences about the entity, from as many articles as
 * possible, best first: of a quotable length, with the entity near the start
 * and, better, in a direct quotation. The definition is left out.
 */
export function chooseQuotes(
  refs: readonly SentenceRef[],
  definition: SentenceRef | undefined,
  count = 3,
): SentenceRef[] {
  const candidates = refs
    .filter(
      (ref) =>
        ref.sentence !== definition?.sentence &&
        ref.sentence.text.length >= SHORTEST_QUOTE &&
        ref.sentence.text.length <= LONGEST_QUOTE,
    )
    .map((ref, order) => ({ ref, order, score: quoteScore(ref) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: SentenceRef[] = [];
  const articles = new Set<string>();
  for (const pass of [true, false]) {
    for (const { ref } of candidates) {
      if (chosen.length >= count) return chosen;
      if (chosen.includes(ref) || (pass && articles.has(ref.article.id))) continue;
      chosen.push(ref);
      articles.add(ref.article.id);
    }
  }
  return chosen;
}

function quoteScore({ sentence, start }: SentenceRef): number {
  const text = sentence.text;
  let score = 0;
  if (text.length >= 60 && text.length <= 220) score += 2;
  if (start < text.length / 2) score += 1;
  if (start === 0) score += 1;
  if (/["“”]/.test(text)) score += 1;
  if (/[?]$/.test(text.trim())) score -= 2;
  return score;
}

/** The evidence form of a sentence reference. */
export function toEvidence(ref: SentenceRef): EvidenceSentence {
  return {
    passageId: ref.sentence.id,
    articleId: ref.article.id,
    text: ref.sentence.text,
    range: ref.sentence.range,
    mention: { start: ref.start, end: ref.end },
  };
}

/**
 * A piece of `text` of at most `max` characters that keeps `[start, end)`,
 * cut at spaces, with "…" where something was left out, whitespace collapsed.
 */
export function excerpt(text: string, start: number, end: number, max = 220): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  if (text.length <= max) return flat(text.trim());
  const room = Math.max(0, max - (end - start));
  let from = Math.max(0, start - Math.floor(room / 3));
  let to = Math.min(text.length, from + max);
  from = Math.max(0, Math.min(from, to - max));
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, to).trim())}${to < text.length ? '…' : ''}`;
}
