import { ArticleBase } from '../articleBase';
import type { Article, ArticleMeta, ArticleText, Section } from '../model';
import { LineIndex } from '../text/lineIndex';
import { splitSentences } from '../text/sentences';
import type { FolderDefaults } from '../folderDefaults';
import type { ExtractedDocument } from '../readers/extracted';
import type { Block } from './blocks';
import { articleMeta } from './articleMeta';
import { readFrontMatter } from './frontMatter';
import { markdownBlocks } from './markdownBlocks';
import { MAX_MARKDOWN_NESTING, markdownNesting } from './nesting';
import { plainTextBlocks } from './plainTextBlocks';
import { type ArticleStructure, BLOCK_KINDS, makeSections, sectionHeads } from './structure';

/** A corpus file handed to the parser: its text and where it sits. */
export interface ArticleFile {
  /** The path shown to the user and used to open the file. */
  readonly path: string;
  /** Path relative to its corpus folder, with `/` separators: gives the default id and topic. */
  readonly relativePath: string;
  readonly text: string;
  readonly bundled?: boolean;
  /** Overrides the id from front matter or path (the corpus uses it to resolve clashes). */
  readonly id?: string;
  /** Read a Markdown file as plain text (its Markdown parse failed or went over its budget). */
  readonly plainText?: boolean;
  /** What the folder's `sourcebook.yaml` gives where the file is silent. */
  readonly defaults?: FolderDefaults;
  /** For a web page or PDF: the text a reader view extracted, its blocks and metadata (`text` is then that text). */
  readonly extracted?: ExtractedDocument;
}

export interface ParsedArticle {
  readonly article: Article;
  /** Something in the file that was read best-effort (e.g. broken front matter). */
  readonly warning?: string;
}

/**
 * Builds an article from a Markdown or plain-text file. Front matter gives the
 * metadata; a file without it still loads (title from the first heading or
 * line, topic from its folder, publisher unknown, id from its path). The body
 * is parsed on first access to `sections`, so listing a large corpus is cheap.
 * Throws only for a file with no text at all.
 */
export function parseArticle(file: ArticleFile): ParsedArticle {
  if (file.text.trim() === '') throw new Error('file is empty');
  if (file.extracted) {
    const meta = articleMeta(file, { ...file.extracted.meta }, 0, false);
    const article = new LazyArticle(meta, file, 0, false);
    return file.extracted.warning ? { article, warning: file.extracted.warning } : { article };
  }
  const front = readFrontMatter(file.text);
  const warnings = front.error ? [`${front.error}; read without it`] : [];
  const isMarkdownFile = !/\.txt$/i.test(file.path);
  let markdown = isMarkdownFile && !file.plainText;
  if (markdown && markdownNesting(file.text) > MAX_MARKDOWN_NESTING) {
    markdown = false;
    warnings.push(`Markdown nested more than ${MAX_MARKDOWN_NESTING} levels deep; read as plain text`);
  }
  const meta = articleMeta(file, front.data, front.bodyStart, isMarkdownFile);
  const article = new LazyArticle(meta, file, front.bodyStart, markdown);
  return warnings.length > 0 ? { article, warning: warnings.join('; ') } : { article };
}

class LazyArticle extends ArticleBase {
  private parsedStructure?: ArticleStructure;
  private heads?: readonly Section[];

  constructor(
    meta: ArticleMeta,
    file: ArticleFile,
    private readonly bodyStart: number,
    private readonly markdown: boolean,
  ) {
    super(meta, file.path, file.bundled ?? false);
    this.text = file.text;
    this.blocks = file.extracted?.blocks;
    if (file.extracted?.pages) this.pages = file.extracted.pages;
  }

  private readonly text: string;
  private readonly blocks: readonly Block[] | undefined;
  readonly pages?: readonly number[];

  /** Why the body was read as plain text although it is Markdown: its Markdown parse failed. */
  fallbackReason: string | undefined;

  /**
   * The parse as offsets; made on first use, before (and without) any
   * `Section` object. Never throws: a Markdown parse that fails (whatever
   * the text holds) falls back to plain text, and that to no sections.
   */
  get structure(): ArticleStructure {
    if (this.parsedStructure) return this.parsedStructure;
    try {
      this.parsedStructure = buildStructure(
        this,
        this.text,
        this.blocksOf(this.markdown),
        this.markdown || !!this.blocks,
      );
    } catch (error) {
      this.fallbackReason = `Markdown could not be parsed (${errorMessage(error)}); read as plain text`;
      try {
        this.parsedStructure = buildStructure(this, this.text, this.blocksOf(false), false);
      } catch {
        this.parsedStructure = { titles: [], structure: new Int32Array(0) };
      }
    }
    return this.parsedStructure;
  }

  /** The blocks a reader gave, or those of parsing the text as Markdown or plain text. */
  private blocksOf(markdown: boolean): readonly Block[] {
    if (this.blocks) return this.blocks;
    return markdown ? markdownBlocks(this.text) : plainTextBlocks(this.text, this.bodyStart);
  }

  get sections(): readonly Section[] {
    this.heads ??= sectionHeads(this.structure).map(({ index, title, depth, range }) => ({
      index,
      title,
      depth,
      range,
    }));
    return this.heads;
  }

  /** The file's text (`parsedText`). */
  get fileText(): string {
    return this.text;
  }

  openText(): ArticleText {
    const sections = makeSections(this.structure, new LineIndex(this.text), this.id);
    return { article: this, text: this.text, sections, stale: false };
  }
}

/** Why an article made here was read as plain text after its Markdown parse failed, if it was (parsing it if it is not yet). */
export function parseFallbackReason(article: Article): string | undefined {
  if (!(article instanceof LazyArticle)) return undefined;
  void article.structure;
  return article.fallbackReason;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The text of a parsed article, without making its paragraphs; undefined for an article this module did not make. */
export function parsedText(article: Article): string | undefined {
  return article instanceof LazyArticle ? article.fileText : undefined;
}

/** The structure of a parsed article (parsing it if it is not yet), or undefined for an article this module did not make. */
export function parsedStructure(article: Article): ArticleStructure | undefined {
  return article instanceof LazyArticle ? article.structure : undefined;
}

/**
 * Parses an article's body into its structure: Markdown through remark,
 * plain text by blank lines, a web page or PDF by its reader; sentences by `splitSentences`. Sections are made
 * at headings; text before the first heading is the lead (section 0, titled
 * with the article's title), present only when it has paragraphs.
 */
function buildStructure(
  article: Article,
  text: string,
  parsedBlocks: readonly Block[],
  structured: boolean,
): ArticleStructure {
  const lines = new LineIndex(text);
  let blocks = parsedBlocks;
  // A plain-text article's first line is its title, not its first paragraph.
  if (
    !structured &&
    article.titleProvenance === 'source' &&
    blocks[0] &&
    text.slice(blocks[0].start, blocks[0].end).split('\n', 1).join('').trim() === article.title
  ) {
    const first = blocks[0];
    const newline = text.indexOf('\n', first.start);
    blocks =
      newline === -1 || newline >= first.end
        ? blocks.slice(1)
        : [{ ...first, start: skipBlank(text, newline) }, ...blocks.slice(1)];
  }

  const titles: string[] = [];
  const out: number[] = [];
  /** Where the open section's paragraph count is, and how many it has so far. */
  let countAt = -1;
  let count = 0;
  const pushRange = (start: number, end: number) => {
    const from = lines.position(start);
    const to = lines.position(end);
    out.push(from.line, from.character, from.offset, to.line, to.character, to.offset);
  };
  const openSection = (title: string, depth: number, start: number, end: number) => {
    if (countAt !== -1) out[countAt] = count;
    titles.push(title);
    out.push(depth);
    pushRange(start, end);
    countAt = out.length;
    out.push(0);
    count = 0;
  };
  for (const block of blocks) {
    if (block.type === 'heading') {
      openSection(block.title, block.depth, block.start, block.end);
      continue;
    }
    // Text before any heading opens the lead, whose range is its first paragraph's.
    if (countAt === -1) openSection(article.title, 0, block.start, block.end);
    const sentences = splitSentences(text, block.start, block.end);
    out.push(BLOCK_KINDS.indexOf(block.kind), block.start, block.end, sentences.length);
    for (const span of sentences) out.push(span.start, span.end);
    count++;
  }
  if (countAt !== -1) out[countAt] = count;
  return { titles, structure: Int32Array.from(out) };
}

function skipBlank(text: string, from: number): number {
  while (from < text.length && /\s/.test(text.charAt(from))) from++;
  return from;
}
