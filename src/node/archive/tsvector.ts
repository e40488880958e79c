import type { ParsedQuery } from '../../core/search';
import { termSpans } from '../../core/search/terms';

/** PostgreSQL keeps word positions up to this; later words keep it (they still match, without a place). */
const MAX_POSITION = 16383;

/**
 * A paragraph's `tsvector` literal made of the local index's own words
 * (`termSpans`: letters and digits, lower case, accents folded), each at its
 * word position. Stop words are kept so that quoted phrases can be matched
 * with `<->` where the local index checks them against the text. Built here,
 * not by `to_tsvector`, so the archive and the local index find the same
 * words: PostgreSQL's parser splits and folds differently (no accent folding
 * without the `unaccent` extension, hyphenated compounds, URLs).
 */
export function tsvectorOf(text: string): string {
  const positions = new Map<string, number[]>();
  termSpans(text).forEach((span, i) => {
    const at = Math.min(i + 1, MAX_POSITION);
    const list = positions.get(span.word);
    if (!list) positions.set(span.word, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  });
  return [...positions].map(([word, at]) => `${lexeme(word)}:${at.join(',')}`).join(' ');
}

/**
 * The `tsquery` for a parsed query, as the local index reads it: groups
 * AND-ed; an entity's names OR-ed, a name of several words as all of them;
 * the word being typed as a prefix (`:*`); each quoted phrase as words in
 * order (`<->`), its last word a prefix as the local index allows. Undefined
 * when the query has nothing to match.
 */
export function tsqueryOf(parsed: ParsedQuery): string | undefined {
  const parts = parsed.groups.map((group) => {
    const alternatives = group.alternatives.map((words) => {
      const terms = words.map((word, i) => lexeme(word) + (group.prefix && i === words.length - 1 ? ':*' : ''));
      return terms.length === 1 ? terms.join('') : `(${terms.join(' & ')})`;
    });
    return alternatives.length === 1 ? alternatives.join('') : `(${alternatives.join(' | ')})`;
  });
  for (const phrase of parsed.phrases)
    parts.push(`(${phrase.map((word, i) => lexeme(word) + (i === phrase.length - 1 ? ':*' : '')).join(' <-> ')})`);
  return parts.length === 0 ? undefined : parts.join(' & ');
}

/** A lexeme quoted for tsvector/tsquery text (words are letters and digits, but quote anyway). */
function lexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
