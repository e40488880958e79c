/**
 * The corpus model: the types every feature shares. Positions are 0-based
 * (`line`, `character`) like VS Code's, plus the UTF-16 `offset` into the file
 * text, so `text.slice(range.start.offset, range.end.offset)` is the source.
 */

export interface SourcePosition {
  readonly line: number;
  readonly character: number;
  readonly offset: number;
}

export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/** Who said a metadata value: the file itself, or the corpus editor filling a gap. */
export type Provenance = 'source' | 'editor';

export interface ArticleMeta {
  /** Stable slug; from front matter, else derived from the path. */
  readonly id: string;
  readonly title: string;
  /** `editor` when the title is not in the article's text but supplied by the corpus editor. */
  readonly titleProvenance: Provenance;
  /** Undefined when unknown: never guessed. */
  readonly publisher?: string;
  /**
   * What is known of the date, as precise as the text allows: `2026`, `2026-03`,
   * `2026-03-14`, or `2026-Q1`. Undefined when unknown.
   */
  readonly date?: string;
  readonly url?: string;
  readonly topics: readonly string[];
  readonly summary?: string;
  readonly authors?: readonly string[];
  /** The article's language (BCP 47), from its front matter or page, else its folder's `sourcebook.yaml`. */
  readonly language?: string;
  /** A citation key the front matter names (`citekey`), to match the analyst's reference library. */
  readonly citekey?: string;
  /** A DOI from the front matter or the page, to match the library. */
  readonly doi?: string;
}

export interface Sentence {
  /** Stable passage id: `<articleId>#<paragraph>.<sentence>`. */
  readonly id: string;
  readonly text: string;
  readonly range: SourceRange;
}

export type BlockKind = 'paragraph' | 'listItem' | 'blockquote' | 'tableRow';

export interface Paragraph {
  /** Stable passage id: `<articleId>#<paragraph>`. */
  readonly id: string;
  readonly kind: BlockKind;
  /** The exact source text of the block (without list or quote markers). */
  readonly text: string;
  readonly range: SourceRange;
  readonly sentences: readonly Sentence[];
}

/** A section's heading, as an article lists it without its text. */
export interface Section {
  /** Index within the article; 0 is the lead (text before the first heading). */
  readonly index: number;
  /** Heading text, or the article title for the lead. */
  readonly title: string;
  /** Heading depth (1–6); 0 for the lead, which has no heading. */
  readonly depth: number;
  /** The heading's range, or the first paragraph's for the lead. */
  readonly range: SourceRange;
}

/** A section with its paragraphs, as an `ArticleText` has it. */
export interface SectionText extends Section {
  readonly paragraphs: readonly Paragraph[];
}

/**
 * An article as the corpus lists it: its metadata and its section headings.
 * Its text is not here: `articleText` (`src/core/articleText.ts`) gives it.
 */
export interface Article extends ArticleMeta {
  /** Where it came from: a file path, or a path inside the extension for bundled articles. */
  readonly path: string;
  readonly bundled: boolean;
  /** Section headings in document order; parsed on first use. */
  readonly sections: readonly Section[];
  /** For a PDF: the offset in the text where each page starts (page 1 first). */
  readonly pages?: readonly number[];
}

/**
 * An article's text and what is made of it: its sections with their
 * paragraphs and sentences (the same sections, by index, as the article's).
 */
export interface ArticleText {
  readonly article: Article;
  /** The whole file text, front matter included: ranges index into it. */
  readonly text: string;
  readonly sections: readonly SectionText[];
  /**
   * Whether the text read is not the one the article was indexed from (its
   * file changed after it was listed): the paragraphs then come from parsing
   * the text as it is, under the listed headings.
   */
  readonly stale: boolean;
}

/** Where a command, a link or a search points: an article, optionally one of its sections. */
export interface ArticlePlace {
  readonly articleId: string;
  /** Index into the article's `sections`. */
  readonly sectionIndex?: number;
}

/** A quotable unit: a sentence or a whole paragraph, with where it lives. */
export interface Passage {
  readonly id: string;
  readonly articleId: string;
  readonly sectionIndex: number;
  readonly kind: 'sentence' | 'paragraph';
  readonly text: string;
  readonly range: SourceRange;
}

export interface Topic {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

/** A file that could not be loaded, or was loaded only in part. */
export interface FileProblem {
  readonly path: string;
  readonly reason: string;
  /** `skipped`: not loaded. `recovered`: loaded best-effort (e.g. decoded as Windows-1252). */
  readonly outcome: 'skipped' | 'recovered';
}

/** Splits a passage id into its article id and the position inside the article. */
export function parsePassageId(id: string): { articleId: string; paragraph: number; sentence?: number } | undefined {
  const [, articleId, paragraph, sentence] = /^(.+)#(\d+)(?:\.(\d+))?$/.exec(id) ?? [];
  if (articleId === undefined) return undefined;
  return {
    articleId,

    paragraph: Number(paragraph),
    ...(sentence === undefined ? {} : { sentence: Number(sentence) }),
  };
}
