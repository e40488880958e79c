import type { Article, FileProblem } from './model';
import { type ArticleFile, parseArticle } from './parse/article';
import type { Decoded } from './parse/decode';

/** Files that sit in corpus folders but are not articles. */
const NOT_ARTICLES = /(^|\/)(readme|license|licence|changelog|copying|contributing)(\.[a-z]+)?$/i;

/**
 * What one corpus file comes to before it joins a corpus: an article (with
 * what was read best-effort, and a way to make it again under another id
 * when its own is taken) or the reason it is skipped.
 */
export type PreparedFile =
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: true; readonly article: Article; readonly warning?: string; withId(id: string): Article };

/** Why a README, LICENSE or similar file beside the articles is left out. */
export const NOT_AN_ARTICLE = 'not an article (README, LICENSE or similar)';

/**
 * Whether a problem is only that a file is not meant to be an article (a
 * README beside the articles): worth saying, but nothing is wrong.
 */
export function isExpectedSkip(problem: FileProblem): boolean {
  return problem.outcome === 'skipped' && problem.reason === NOT_AN_ARTICLE;
}

/**
 * Parses one decoded corpus file into an article, or says why it is skipped
 * (not an article by its name, not decodable, empty). Never throws. The
 * article's sections are parsed on first use.
 */
export function prepareFile(file: Omit<ArticleFile, 'text'>, decoded: Decoded): PreparedFile {
  if (NOT_ARTICLES.test(file.relativePath)) return { ok: false, reason: NOT_AN_ARTICLE };
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  let parsed;
  try {
    parsed = parseArticle({ ...file, text });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const warning = [decoded.warning, parsed.warning].filter((w): w is string => w !== undefined).join('; ');
  return {
    ok: true,
    article: parsed.article,
    ...(warning ? { warning } : {}),
    withId: (id) => parseArticle({ ...file, text, id }).article,
  };
}

/** Whether a corpus-relative path names a file that is never an article (README, LICENSE…). */
export function isNotArticle(relativePath: string): boolean {
  return NOT_ARTICLES.test(relativePath);
}
