import { pageAt } from '../../core/readers/extracted';
import type { Corpus } from '../../core/corpus';
import { corpusView } from '../../core/corpusView';
import type { PassageHit } from '../../core/search';
import { localEntityNames, searchSources } from '../../core/sources';
import { type CliCommand, sourcesOf } from '../context';

/** A search hit as `search --json` prints it (product §5). */
export interface SearchHitJson {
  readonly id: string;
  readonly articleId: string;
  readonly title: string;
  readonly section: string;
  readonly text: string;
  /** 1-based line where the passage starts in its article file. */
  readonly line: number;
  readonly score: number;
  readonly kind: PassageHit['kind'];
  readonly matches: readonly (readonly [number, number])[];
  /** 1-based page of a PDF article; absent for other formats. */
  readonly page?: number;
  /** The article's URL, when known. */
  readonly url?: string;
  /** For a hit from the team archive: PostgreSQL's excerpt of its paragraph (`ts_headline`, matches in «»). */
  readonly headline?: string;
}

export function hitJson(corpus: Corpus, hit: PassageHit): SearchHitJson {
  const article = corpus.article(hit.articleId);
  const passage = corpus.passage(hit.passageId);
  const page = passage ? pageAt(article?.pages, passage.range.start.offset) : undefined;
  return {
    id: hit.passageId,
    articleId: hit.articleId,
    title: article?.title ?? hit.articleId,
    section: article?.sections[hit.sectionIndex]?.title ?? '',
    text: hit.text,
    line: (passage?.range.start.line ?? 0) + 1,
    score: Math.round(hit.score * 1000) / 1000,
    kind: hit.kind,
    matches: hit.matches,
    ...(page === undefined ? {} : { page }),
    ...(article?.url === undefined ? {} : { url: article.url }),
    ...('headline' in hit && typeof hit.headline === 'string' ? { headline: hit.headline } : {}),
  };
}

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search <query> [--limit n]',
  summary: 'ranked passages matching a query ("quoted phrases", entity aliases)',
  async run(context) {
    const { corpus, options, out } = context;
    const query = options.positionals.join(' ').trim();
    if (query === '') throw new Error('search needs a query, e.g. sourcebook search "cloud prices"');
    const loaded = corpus();
    // The local folders and the archive (`--db`), each asked for its best hits; entity names expand from the local index.
    const found = await searchSources(sourcesOf(context), query, {
      limit: options.limit ?? 10,
      entities: localEntityNames(loaded),
    });
    const view = found.articles.every((a) => loaded.article(a.id) === a) ? loaded : corpusView(loaded, found.articles);
    const hits = found.hits.map((hit) => hitJson(view, hit));
    if (options.json) {
      out(JSON.stringify(hits, null, 2));
      return 0;
    }
    if (hits.length === 0) out(`No passages match "${query}".`);
    for (const hit of hits) {
      out(`${hit.id}  (score ${hit.score.toFixed(2)})`);
      out(`  ${hit.text.replace(/\s+/g, ' ')}`);
      const place = hit.page === undefined ? `line ${hit.line}` : `p. ${hit.page}`;
      out(`  — ${hit.title}${hit.section && hit.section !== hit.title ? ` § ${hit.section}` : ''}, ${place}`);
    }
    return 0;
  },
};
