import { CITATION_STYLES, isCitationStyle } from '../../core/citations';
import type { Corpus } from '../../core/corpus';
import type { Passage } from '../../core/model';
import { applyEdits, renderQuote } from '../../core/quotes';
import { searchIndexFor } from '../../core/search';
import type { CliCommand } from '../context';

export const quoteCommand: CliCommand = {
  name: 'quote',
  usage: 'quote <passage-id | query> [--style footnote|inline|pandoc|apa|chicago|mla]',
  summary: 'the Markdown Insert Cited Quote would insert into an empty note',
  run({ corpus, options, out }) {
    const style = options.style ?? 'footnote';
    if (!isCitationStyle(style)) throw new Error(`--style must be one of ${CITATION_STYLES.join(', ')}`);
    const request = options.positionals.join(' ').trim();
    if (request === '') throw new Error('quote needs a passage id (see `sourcebook search`) or a query');
    const loaded = corpus();
    const passage = findPassage(loaded, request);
    if (!passage) throw new Error(`no passage "${request}" and no passage matches it as a query`);
    const article = loaded.article(passage.articleId)!;
    const markdown = applyEdits('', renderQuote('', passage, article, style, 0).edits);
    if (options.json) out(JSON.stringify({ id: passage.id, articleId: article.id, style, markdown }, null, 2));
    else out(markdown.replace(/\n$/, ''));
    return 0;
  },
};

/** A passage by its id, or else the best hit for the text as a query. */
function findPassage(corpus: Corpus, request: string): Passage | undefined {
  const byId = corpus.passage(request);
  if (byId) return byId;
  const [best] = searchIndexFor(corpus).search(request, { limit: 1 });
  return best && corpus.passage(best.passageId);
}
