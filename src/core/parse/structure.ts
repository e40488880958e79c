/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Reads packed integers at offsets that `isWellFormed` has checked against the array's length (a persisted
   index is checked before use; a fresh parse writes them in this process). It runs over every integer at
   startup, so the reads stay plain indexing rather than checked helpers. */
import type { BlockKind, Paragraph, SectionText, Sentence, SourceRange } from '../model';

import type { LineIndex } from '../text/lineIndex';

/**
 * An article's sections, paragraphs and sentences as offsets into its text,
 * packed in 32-bit integers: what parsing produces first, what the persisted
 * index stores, and what the `Section` objects are made from on first use.
 *
 * `structure`, for each section: `depth, startLine, startCharacter,
 * startOffset, endLine, endCharacter, endOffset, paragraphCount`, then for
 * each paragraph `kind, start, end, sentenceCount` and each sentence's
 * `start, end`. `titles` holds the section titles, in order.
 */
export interface ArticleStructure {
  readonly titles: readonly string[];
  readonly structure: Int32Array;
}

export const BLOCK_KINDS: readonly BlockKind[] = ['paragraph', 'listItem', 'blockquote', 'tableRow'];

/** Integers before a section's paragraphs, and before a paragraph's sentences. */
export const SECTION_HEAD = 8;
export const PARAGRAPH_HEAD = 4;

/** A section as the structure gives it without the text: where its paragraphs start in the integers. */
export interface SectionHead {
  readonly index: number;
  readonly title: string;
  readonly depth: number;
  readonly range: SourceRange;
  /** Index in `structure` of the section's first paragraph. */
  readonly paragraphsAt: number;
}

/** The section headings of a structure: no text needed. */
export function sectionHeads({ titles, structure: n }: ArticleStructure): SectionHead[] {
  const heads: SectionHead[] = [];
  for (let at = 0, index = 0; index < titles.length; index++) {
    heads.push({
      index,
      title: titles[index]!,
      depth: n[at]!,
      range: {
        start: { line: n[at + 1]!, character: n[at + 2]!, offset: n[at + 3]! },
        end: { line: n[at + 4]!, character: n[at + 5]!, offset: n[at + 6]! },
      },
      paragraphsAt: at + SECTION_HEAD,
    });
    const count = n[at + 7]!;
    at += SECTION_HEAD;
    for (let p = 0; p < count; p++) at += PARAGRAPH_HEAD + 2 * n[at + 3]!;
  }
  return heads;
}

/**
 * Makes every section's paragraphs and sentences from a structure and the
 * text it was made from. Paragraph ids number the article's paragraphs from
 * 0 across sections: `<articleId>#<paragraph>` and `…#<paragraph>.<sentence>`.
 */
export function makeParagraphs(
  heads: readonly SectionHead[],
  n: Int32Array,
  lines: LineIndex,
  articleId: string,
): Paragraph[][] {
  const text = lines.text;
  let next = 0;
  return heads.map((head) => {
    const count = n[head.paragraphsAt - 1]!;
    const paragraphs: Paragraph[] = [];
    for (let p = 0, at = head.paragraphsAt; p < count; p++) {
      const kind = n[at]!;
      const start = n[at + 1]!;
      const end = n[at + 2]!;
      const sentenceCount = n[at + 3]!;
      at += PARAGRAPH_HEAD;
      const id = `${articleId}#${next++}`;
      const sentences: Sentence[] = [];
      for (let s = 0; s < sentenceCount; s++, at += 2) {
        sentences.push({
          id: `${id}.${s}`,
          text: text.slice(n[at], n[at + 1]),
          range: lines.range(n[at]!, n[at + 1]!),
        });
      }
      paragraphs.push({
        id,
        kind: BLOCK_KINDS[kind]!,
        text: text.slice(start, end),
        range: lines.range(start, end),
        sentences,
      });
    }
    return paragraphs;
  });
}

/** Sections with their paragraphs, made at once from a structure and its text. */
export function makeSections(structure: ArticleStructure, lines: LineIndex, articleId: string): SectionText[] {
  const heads = sectionHeads(structure);
  const paragraphs = makeParagraphs(heads, structure.structure, lines, articleId);
  return heads.map(({ index, title, depth, range }, i) => ({ index, title, depth, range, paragraphs: paragraphs[i]! }));
}

/**
 * Whether a structure is well formed for its titles and a text of `length`:
 * counts add up, kinds are known, and every span is in order, inside its
 * paragraph and inside the text. A persisted index is checked with it before
 * any record is trusted.
 */
export function isWellFormed({ titles, structure: n }: ArticleStructure, length: number): boolean {
  // Plain indexed loops, no destructuring: this runs over every integer of an index at startup, before the JIT warms up.
  const size = n.length;
  let at = 0;
  for (let section = 0; section < titles.length; section++) {
    if (at + SECTION_HEAD > size) return false;
    for (let i = at; i < at + SECTION_HEAD; i++) if (n[i]! < 0) return false;
    if (n[at]! > 6 || n[at + 3]! > n[at + 6]! || n[at + 6]! > length) return false;
    const paragraphs = n[at + 7]!;
    at += SECTION_HEAD;
    for (let p = 0; p < paragraphs; p++) {
      if (at + PARAGRAPH_HEAD > size) return false;
      const kind = n[at]!;
      const start = n[at + 1]!;
      const end = n[at + 2]!;
      const sentences = n[at + 3]!;
      if (kind < 0 || kind >= BLOCK_KINDS.length || start < 0 || start > end || end > length || sentences < 0)
        return false;
      at += PARAGRAPH_HEAD;
      const stop = at + 2 * sentences;
      if (stop > size) return false;
      let previous = start;
      for (; at < stop; at += 2) {
        const from = n[at]!;
        const to = n[at + 1]!;
        if (from < previous || from > to || to > end) return false;
        previous = to;
      }
    }
  }
  return at === size;
}
