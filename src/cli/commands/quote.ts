import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type CitationStyle, CITATION_STYLES, isCitationStyle, toCslItem } from '../../core/citations';
import type { Corpus } from '../../core/corpus';
import type { Article, Passage } from '../../core/model';
import { applyEdits, renderQuote } from '../../core/quotes';
import { searchIndexFor } from '../../core/search';
import { addToBibliographyFile } from '../../node/bibliographyFile';
import type { CliCommand } from '../context';

export const quoteCommand: CliCommand = {
  name: 'quote',
  usage: 'quote <passage-id | query> [--style S] [--into NOTE.md [--bibliography FILE]]',
  summary: 'print the cited quote Insert Cited Quote would insert, or insert it at the end of a note',
  run({ corpus, options, out }) {
    const style = options.style ?? 'footnote';
    if (!isCitationStyle(style)) throw new Error(`--style must be one of ${CITATION_STYLES.join(', ')}`);
    const request = options.positionals.join(' ').trim();
    if (request === '') throw new Error('quote needs a passage id (see `sourcebook search`) or a query');
    if (options.bibliography !== undefined && options.into === undefined)
      throw new Error('--bibliography goes with --into NOTE.md');
    const loaded = corpus();
    const passage = findPassage(loaded, request);
    if (!passage) throw new Error(`no passage "${request}" and no passage matches it as a query`);
    const article = loaded.article(passage.articleId)!;
    if (options.into !== undefined) {
      const inserted = insertInto(options.into, options.bibliography, passage, article, style);
      if (options.json) out(JSON.stringify({ id: passage.id, articleId: article.id, style, ...inserted }, null, 2));
      else out(inserted.quote);
      return 0;
    }
    const markdown = applyEdits('', renderQuote('', passage, article, style, 0).edits);
    if (options.json) out(JSON.stringify({ id: passage.id, articleId: article.id, style, markdown }, null, 2));
    else out(markdown.replace(/\n$/, ''));
    return 0;
  },
};

/**
 * Inserts the quote at the end of the note file exactly as the editor
 * command does with the cursor there (footnote reuse, reference list,
 * front matter), after adding the pandoc style's entry to the bibliography
 * (`references.json` beside the note by default). A bibliography that cannot
 * be read stops the insert before the note is touched.
 */
function insertInto(
  notePath: string,
  bibliographyPath: string | undefined,
  passage: Passage,
  article: Article,
  style: CitationStyle,
): { file: string; quote: string; bibliography?: string; added: readonly string[] } {
  const note = readNote(notePath);
  const bibliography = resolve(bibliographyPath ?? join(dirname(notePath), 'references.json'));
  const named = relative(resolve(dirname(notePath)), bibliography)
    .split('\\')
    .join('/');
  const rendered = renderQuote(note, passage, article, style, note.length, {
    ...(style === 'pandoc' ? { bibliography: named } : {}),
  });
  const added = style === 'pandoc' ? addToBibliographyFile(bibliography, [toCslItem(article)]) : [];
  writeFileSync(notePath, applyEdits(note, rendered.edits));
  return { file: notePath, quote: rendered.quote, ...(style === 'pandoc' ? { bibliography } : {}), added };
}

/** The note's text; empty for a note that does not exist yet. Anything but a regular file is refused. */
function readNote(path: string): string {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
  if (!stats.isFile()) throw new Error(`${path} is not a regular file; nothing was inserted`);
  return readFileSync(path, 'utf8');
}

/** A passage by its id, or else the best hit for the text as a query. */
function findPassage(corpus: Corpus, request: string): Passage | undefined {
  const byId = corpus.passage(request);
  if (byId) return byId;
  const [best] = searchIndexFor(corpus).search(request, { limit: 1 });
  return best && corpus.passage(best.passageId);
}
