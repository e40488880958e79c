import { articleText } from '../articleText';
import type { Article, SourceRange } from '../model';
import { normalizeWord, scanWords } from './words';
import { lastAtOrBefore } from '../text/lineIndex';

/** A sentence of the article, located by offsets, for naming the passage a quote overlaps. */
export interface SentenceSlot {
  readonly id: string;
  readonly sectionIndex: number;
  readonly start: number;
  readonly end: number;
  readonly range: SourceRange;
}

/**
 * The prose of one article as a sequence of normalized words (see `words.ts`),
 * ready for exact search and alignment. Headings, front matter and code are
 * not prose and are left out; paragraphs follow each other in order, so a
 * quote may run from one paragraph into the next.
 *
 * Built for every article a note cites, so it makes one string per article,
 * not one per word: the normalized characters go straight into a buffer.
 */
export class ArticleWords {
  /** Source offsets of each word in the article's text. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** `" w0 w1 … wn "`: a quote's words joined the same way are found with `indexOf`. */
  private readonly joined: string;
  /** Where word `i` starts in `joined`. */
  private readonly joinedStarts: Int32Array;
  private sentenceSlots?: readonly SentenceSlot[];
  private wordList?: readonly string[];

  constructor(readonly article: Article) {
    const { text, sections } = articleText(article);
    const out = new CharBuffer(text.length + 2);
    const starts: number[] = [];
    const ends: number[] = [];
    const joinedStarts: number[] = [];
    out.push(32);
    const add = (start: number, end: number, ascii: boolean) => {
      starts.push(start);
      ends.push(end);
      joinedStarts.push(out.length);
      if (ascii) out.pushLowerAscii(text, start, end);
      else out.pushString(normalizeWord(text.slice(start, end)));
      out.push(32);
    };
    for (const section of sections) {
      for (const paragraph of section.paragraphs)
        scanWords(text, paragraph.range.start.offset, paragraph.range.end.offset, add);
    }
    this.starts = Int32Array.from(starts);
    this.ends = Int32Array.from(ends);
    this.joinedStarts = Int32Array.from(joinedStarts);
    this.joined = out.toString();
  }

  get length(): number {
    return this.starts.length;
  }

  /** The normalized words joined by single spaces, with a space before the first and after the last. */
  get text(): string {
    return this.joined;
  }

  /** Index of the first word that starts in `text` at or after `at` (a character offset of `text`), or `length`. */
  wordAtText(at: number): number {
    return firstAtOrAfter(this.joinedStarts, at);
  }

  /** Where word `i` starts in `text`. */
  textStart(i: number): number {
    return this.joinedStarts[i] ?? this.joined.length;
  }

  /** Index of the first word that ends after source offset `offset` (the word holding it, or the next), or `length`. */
  wordAtSource(offset: number): number {
    return firstAtOrAfter(this.ends, offset + 1);
  }

  /**
   * Index of the first word of the earliest exact occurrence of `words` at or
   * after word `from`, or -1.
   */
  find(words: readonly string[], from = 0): number {
    if (words.length === 0) return from;
    const joinedFrom = this.joinedStarts[from];
    if (joinedFrom === undefined) return -1;
    const at = this.joined.indexOf(` ${words.join(' ')} `, joinedFrom - 1);
    return at === -1 ? -1 : this.wordAtJoined(at + 1);
  }

  /** The normalized words, for alignment (made on first use: only a misquote needs them). */
  words(): readonly string[] {
    this.wordList ??= this.length === 0 ? [] : this.joined.slice(1, -1).split(' ');
    return this.wordList;
  }

  /** The sentences that overlap source offsets `[start, end)`, in order. */
  sentencesOverlapping(start: number, end: number): SentenceSlot[] {
    const sentences = this.sentences();
    let low = 0;
    let high = sentences.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sentences[mid]?.end ?? Infinity) <= start) low = mid + 1;
      else high = mid;
    }
    const found: SentenceSlot[] = [];
    for (let i = low; i < sentences.length; i++) {
      const sentence = sentences[i];
      if (!sentence || sentence.start >= end) break;
      found.push(sentence);
    }

    return found;
  }

  /** The article's sentences in order; only a misquote needs them, so they are listed on first use. */
  private sentences(): readonly SentenceSlot[] {
    this.sentenceSlots ??= articleText(this.article).sections.flatMap((section) =>
      section.paragraphs.flatMap((paragraph) =>
        paragraph.sentences.map((sentence) => ({
          id: sentence.id,
          sectionIndex: section.index,
          start: sentence.range.start.offset,
          end: sentence.range.end.offset,
          range: sentence.range,
        })),
      ),
    );
    return this.sentenceSlots;
  }

  private wordAtJoined(at: number): number {
    return lastAtOrBefore(this.joinedStarts, at);
  }
}

/** Index of the first value of sorted `values` that is at least `at`, or `values.length`. */
function firstAtOrAfter(values: Int32Array, at: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] ?? at) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A growable buffer of UTF-16 code units that becomes one string. One buffer
 * is reused for every article (building is synchronous), and it is decoded
 * with `TextDecoder`: both are many times faster than allocating per article
 * and `String.fromCharCode`.
 */
class CharBuffer {
  private static codes = new Uint16Array(1 << 16);
  private static readonly littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  private static readonly decoder = new TextDecoder(CharBuffer.littleEndian ? 'utf-16le' : 'utf-16be');
  length = 0;

  constructor(capacity: number) {
    if (CharBuffer.codes.length < capacity) CharBuffer.codes = new Uint16Array(capacity);
  }

  push(code: number): void {
    this.reserve(1)[this.length++] = code;
  }

  /** Appends `text[start, end)`, all ASCII, in lower case. */
  pushLowerAscii(text: string, start: number, end: number): void {
    const codes = this.reserve(end - start);
    let at = this.length;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      codes[at++] = c >= 65 && c <= 90 ? c + 32 : c;
    }
    this.length = at;
  }

  pushString(text: string): void {
    const codes = this.reserve(text.length);
    for (let i = 0; i < text.length; i++) codes[this.length++] = text.charCodeAt(i);
  }

  private reserve(count: number): Uint16Array {
    if (this.length + count > CharBuffer.codes.length) {
      const grown = new Uint16Array(Math.max(CharBuffer.codes.length * 2, this.length + count));
      grown.set(CharBuffer.codes.subarray(0, this.length));
      CharBuffer.codes = grown;
    }
    return CharBuffer.codes;
  }

  toString(): string {
    return CharBuffer.decoder.decode(CharBuffer.codes.subarray(0, this.length));
  }
}

// Articles are immutable: a changed file becomes a new Article object, so a
// weak map keyed on the article is always current and frees itself.
const cache = new WeakMap<Article, ArticleWords>();

/** The article's words, computed once per article object. */
export function articleWords(article: Article): ArticleWords {
  let words = cache.get(article);
  if (!words) cache.set(article, (words = new ArticleWords(article)));
  return words;
}
