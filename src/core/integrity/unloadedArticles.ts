import type { QuoteProblem } from './checkNote';

/** How many cited ids the folded message names before "and N more". */
const NAMED = 3;

/** A problem to show, with the problems it stands for (shown as its related places). */
export interface ShownProblem {
  readonly problem: QuoteProblem;
  readonly also: readonly QuoteProblem[];
}

/**
 * The problems of one note as the editor shows them: citations of articles
 * the corpus does not hold become one error, on the first of them, when
 * there are several (a note written against a corpus folder that is not
 * loaded would otherwise show one error per quote) or when the corpus is
 * empty; the message says how many and which, and what to check. Other
 * problems are shown as they are, in note order.
 */
export function foldUnknownArticles(problems: readonly QuoteProblem[], corpusSize: number): ShownProblem[] {
  const unknown = problems.filter((problem) => problem.code === 'unknown-article');
  if (unknown.length < 2 && (unknown.length === 0 || corpusSize > 0))
    return problems.map((problem) => ({ problem, also: [] }));
  const [first, ...rest] = unknown as [QuoteProblem, ...QuoteProblem[]];
  const cited = [...new Set(unknown.map((problem) => problem.articleId).filter((id): id is string => !!id))];
  const named =
    cited.length === 0
      ? ''
      : ` (${cited.slice(0, NAMED).join(', ')}${cited.length > NAMED ? `, and ${cited.length - NAMED} more` : ''})`;
  const quotes = unknown.length === 1 ? 'A quote in this note cites' : `${unknown.length} quotes in this note cite`;
  const message =
    corpusSize === 0
      ? `${quotes} articles${named}, but the corpus is empty: no articles are loaded. Add the folder that holds them to sourcebook.corpus.paths.`
      : `${quotes} articles that are not in the loaded corpus${named}. If they come from a folder Sourcebook does not read, add it to sourcebook.corpus.paths; otherwise check the citations.`;
  const folded: ShownProblem = { problem: { ...first, message }, also: rest };
  return problems.flatMap((problem) =>
    problem === first ? [folded] : problem.code === 'unknown-article' ? [] : [{ problem, also: [] }],
  );
}
