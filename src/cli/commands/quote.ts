import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type CitationStyle, CITATION_STYLES, isCitationStyle, toCslItem } from '../../core/citations';
import type { Corpus } from '../../core/corpus';
import { corpusView } from '../../core/corpusView';
import { type Article, type Passage, parsePassageId } from '../../core/model';
import { type CorpusSource, localEntityNames, searchSources } from '../../core/sources';
import { applyEdits, renderQuote } from '../../core/quotes';
import { searchIndexFor } from '../../core/search';
import { addToBibliographyFile } from '../../node/bibliographyFile';
import { type CliCommand, type CliContext, sourcesOf } from '../context';

export const quoteCommand: CliCommand = {
  name: 'quote',
  usage: 'quote <passage-id | query> [--style S] [--into NOTE.md [--bibliography FILE]]',
  summary: 'print the cited quote Insert Cited Quote would insert, or insert it at the end of a note',
  // Not async: bad options throw at once, before anything is read.
  run(context) {
    const { corpus, options } = context;
    const style = options.style ?? 'footnote';
    if (!isCitationStyle(style)) throw new Error(`--style must be one of ${CITATION_STYLES.join(', ')}`);
    const request = options.positionals.join(' ').trim();
    if (request === '') throw new Error('quote needs a passage id (see `sourcebook search`) or a query');
    if (options.bibliography !== undefined && options.into === undefined)
      throw new Error('--bibliography goes with --into NOTE.md');
    const archive = context.archive?.();
    if (!archive) return quoteFrom(corpus(), undefined, request, style, context);
    return withArchived(corpus(), request, archive, () => sourcesOf(context)).then(({ corpus: view, passageId }) =>
      quoteFrom(view, passageId, request, style, context),
    );
  },
};

/** Prints (or inserts) the quote of the passage of that id, else of the best hit of the request. */
function quoteFrom(
  loaded: Corpus,
  passageId: string | undefined,
  request: string,
  style: CitationStyle,
  { options, out }: CliContext,
): number {
  const passage = passageId === undefined ? findPassage(loaded, request) : loaded.passage(passageId);
  if (!passage) throw new Error(`no passage "${request}" and no passage matches it as a query`);
  const article = loaded.article(passage.articleId);
  if (!article) throw new Error(`passage "${passage.id}" names no article in the corpus`);
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
}

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

/**
 * With an archive (`--db`): the corpus with, from the archive, only the
 * article a passage id names, or else the article of the best hit of all
 * sources for the request as a query, and that hit's passage id.
 */
async function withArchived(
  loaded: Corpus,
  request: string,
  archive: CorpusSource | undefined,
  sources: () => CorpusSource[],
): Promise<{ corpus: Corpus; passageId?: string }> {
  if (!archive || loaded.passage(request)) return { corpus: loaded };
  const ref = parsePassageId(request);
  const named = ref ? await archive.articles([ref.articleId]) : [];
  if (named.length > 0) return { corpus: corpusView(loaded, named), passageId: request };
  const found = await searchSources(sources(), request, { limit: 1, entities: localEntityNames(loaded) });
  const best = found.hits[0];
  return { corpus: corpusView(loaded, found.articles), ...(best ? { passageId: best.passageId } : {}) };
}

/** A passage by its id, or else the best hit for the text as a query. */
function findPassage(corpus: Corpus, request: string): Passage | undefined {
  const byId = corpus.passage(request);
  if (byId) return byId;
  const [best] = searchIndexFor(corpus).search(request, { limit: 1 });
  return best && corpus.passage(best.passageId);
}
