import { describe, expect, it } from 'vitest';
import { CITATION_STYLES, formatReference, toCslItem } from '../../../src/core/citations';
import { checkNote } from '../../../src/core/integrity/checkNote';
import { applyEdits, renderQuote } from '../../../src/core/quotes';
import { joinLines } from '../helpers';
import { fixtureCorpus } from '../quotes/fixtures';

// The first use of a CSL style compiles it, which takes seconds on a busy machine.
const CSL_TIMEOUT = 60_000;

/** An article whose title and publisher hold what citeproc and Markdown treat specially. */
function articleTitled(title: string, publisher = 'BBC & Sons') {
  const corpus = fixtureCorpus({
    tricky: joinLines(
      '---',
      'id: tricky',
      `title: ${JSON.stringify(title)}`,
      `publisher: ${JSON.stringify(publisher)}`,
      'date: 2005-03-02',
      '---',
      '',
      'Shares rose 5% after the results.',
    ),
  });
  return { corpus, article: corpus.article('tricky')! };
}

describe('titles in citations', () => {
  // APA keeps a title's case; Chicago and MLA set it in title case, as pandoc's citeproc does with the same style files.
  it('escapes `&` and entities once, so they read as the source wrote them', { timeout: CSL_TIMEOUT }, () => {
    const { article } = articleTitled('Q&A: the &#163;1.8m deal');
    const titles = {
      apa: 'Q&A: the \\&\\#163;1.8m deal',
      chicago: 'Q&A: The \\&\\#163;1.8m Deal',
      mla: 'Q&A: The \\&\\#163;1.8m Deal',
    };
    for (const style of ['apa', 'chicago', 'mla'] as const) {
      const reference = formatReference(article, style);
      expect(reference, style).not.toMatch(/&#38;|&amp;/);
      expect(reference, style).toContain(titles[style]);
      expect(reference, style).toContain('BBC & Sons');
    }
  });

  it('keeps quotes inside a title as written, with no punctuation moved into them', { timeout: CSL_TIMEOUT }, () => {
    const { article } = articleTitled("Rover deal 'absolute disaster'");
    const titles = {
      apa: "Rover deal 'absolute disaster'",
      chicago: "Rover Deal 'absolute Disaster'",
      mla: "Rover Deal 'absolute Disaster'",
    };
    for (const style of ['apa', 'chicago', 'mla'] as const) {
      const reference = formatReference(article, style);
      expect(reference, style).toContain(titles[style]);
      expect(reference, style).not.toMatch(/disaster[.,]'|“absolute/i);
    }
  });

  it('writes titles and publishers on one line in every style and in CSL-JSON', { timeout: CSL_TIMEOUT }, () => {
    const { article } = articleTitled('Line one\n# Injected heading\r\nline\u2028three', 'Wire\nService');
    for (const style of CITATION_STYLES) expect(formatReference(article, style), style).not.toMatch(/[\r\n\u2028]/);
    expect(toCslItem(article).title).toBe('Line one # Injected heading line three');
    expect(toCslItem(article)['container-title']).toBe('Wire Service');
  });

  it(
    'checks a fresh quote of an article with any of these titles clean in every style',
    { timeout: CSL_TIMEOUT },
    () => {
      for (const title of [
        'Q&A: the &#163;1.8m deal',
        "Rover 'absolute disaster'",
        'Says "no" — then yes <b>',
        'A\nB',
      ]) {
        const { corpus, article } = articleTitled(title);
        const passage = corpus.passage('tricky#0')!;
        for (const style of CITATION_STYLES) {
          const note = applyEdits('', renderQuote('', passage, article, style, 0).edits);
          expect(checkNote(note, corpus), `${style}: ${note}`).toEqual([]);
        }
      }
    },
  );
});
