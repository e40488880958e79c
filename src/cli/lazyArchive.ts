import type { CorpusStats } from '../core/corpus';
import type { Article, Topic } from '../core/model';
import type { CorpusSource, SourceHits, SourceSearchOptions } from '../core/sources';
import type { PostgresArchive } from '../node/archive/archive';
import { redactedUrl } from '../node/archive/url';

/** The archive of `--db` as the commands use it. */
export interface ArchiveHandle extends CorpusSource {
  topics(): Promise<Topic[]>;
  close(): Promise<void>;
}

/**
 * The archive, with its client loaded on first use: a command that never
 * asks it anything (or a run without `--db`) does not load `pg` at all,
 * which keeps a plain `search` process short.
 */
export function lazyArchive(url: string): ArchiveHandle {
  let opened: Promise<PostgresArchive> | undefined;
  const archive = () =>
    (opened ??= import('../node/archive/archive').then(({ PostgresArchive }) => PostgresArchive.open({ url })));
  return {
    label: `archive ${redactedUrl(url)}`,
    search: (query: string, options?: SourceSearchOptions): Promise<SourceHits> =>
      archive().then((a) => a.search(query, options)),
    articles: (ids: readonly string[]): Promise<Article[]> => archive().then((a) => a.articles(ids)),
    allArticles: (): Promise<Article[]> => archive().then((a) => a.allArticles()),
    stats: (): Promise<CorpusStats> => archive().then((a) => a.stats()),
    topics: (): Promise<Topic[]> => archive().then((a) => a.topics()),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
