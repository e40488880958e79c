import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { checkNote } from '../../src/core/integrity/checkNote';
import { foldUnknownArticles } from '../../src/core/integrity/unloadedArticles';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { joinLines } from './helpers';

const corpus = new Corpus();
corpus.setFile(
  { path: '/c/port.md', relativePath: 'port.md' },
  decodeCorpusFile(new TextEncoder().encode('# Port\n\nThe harbour reopened on Monday after the storm.')),
);

const note = joinLines(
  '# Notes',
  '',
  '> "The harbour reopened on Monday after the storm." [^port]',
  '',
  '> "Ships queued for a week." [^ships]',
  '',
  '> "Cranes were idle." [^cranes]',
  '',
  '> "Freight rates fell." [^rates]',
  '',
  '> "The harbour reopened in June." [^port]',
  '',
  '[^port]: Port, port.md',
  '[^ships]: Ships, ships.md',
  '[^cranes]: Cranes, cranes.md',
  '[^rates]: Rates, rates.md',
);

describe('citations of articles that are not loaded', () => {
  it('are shown as one error naming them, with the other problems as they are', () => {
    const problems = checkNote(note, corpus);
    expect(problems.filter((p) => p.code === 'unknown-article')).toHaveLength(3);
    const shown = foldUnknownArticles(problems, corpus.size);
    expect(shown.map(({ problem }) => problem.code)).toEqual(['unknown-article', 'misquote']);
    const [folded] = shown;
    expect(folded!.problem.message).toBe(
      '3 quotes in this note cite articles that are not in the loaded corpus (ships, cranes, rates). ' +
        'If they come from a folder Sourcebook does not read, add it to sourcebook.corpus.paths; otherwise check the citations.',
    );
    expect(folded!.problem.range.start.line).toBe(4);
    expect(folded!.also.map((p) => p.articleId)).toEqual(['cranes', 'rates']);
  });

  it('leave a single unknown citation as it is, unless the corpus is empty', () => {
    const one = joinLines('> "Ships queued." [^ships]', '', '[^ships]: Ships, ships.md');
    const problems = checkNote(one, corpus);
    expect(foldUnknownArticles(problems, corpus.size)).toEqual([{ problem: problems[0], also: [] }]);
    const [empty] = foldUnknownArticles(checkNote(one, new Corpus()), 0);
    expect(empty!.problem.message).toMatch(/^A quote in this note cites articles \(ships\), but the corpus is empty/);
  });

  it('name at most three and count the rest', () => {
    const many = joinLines(
      ...['a', 'b', 'c', 'd', 'e'].flatMap((id) => [`> "Words of ${id}." [^${id}]`, '']),
      ...['a', 'b', 'c', 'd', 'e'].map((id) => `[^${id}]: ${id.toUpperCase()}, ${id}.md`),
    );
    const [folded] = foldUnknownArticles(checkNote(many, corpus), corpus.size);
    expect(folded!.problem.message).toMatch(/^5 quotes in this note cite .* \(a, b, c, and 2 more\)\./);
    expect(folded!.also).toHaveLength(4);
  });
});
