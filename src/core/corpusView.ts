import { Corpus } from './corpus';
import type { Article, Topic } from './model';

/**
 * A corpus of the loaded one's articles and some more (from an archive),
 * for a command that works on a `Corpus`: the loaded articles first, so one
 * of theirs keeps its id and an extra article of the same id is left out.
 * The loaded corpus is not changed (its indexes and caches stay its own).
 */
export function corpusView(base: Corpus, extra: readonly Article[], topics: readonly Topic[] = []): Corpus {
  const ids = new Set<string>();
  const view = new Corpus([...topics, ...base.topics()]);
  for (const { path, text } of base.catalogs()) view.setCatalog(path, text);
  for (const article of [...base.articles(), ...extra]) {
    if (ids.has(article.id)) continue;
    ids.add(article.id);
    view.setPrepared({ path: article.path }, { ok: true, article, withId: () => article });
  }
  view.setLibrary(base.library);
  return view;
}
