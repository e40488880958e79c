import { describe, expect, it } from 'vitest';
import { CITATION_STYLES, prepareCslStyle } from '../../../src/core/citations';
import { checkNote } from '../../../src/core/integrity/checkNote';
import { applyEdits, renderQuote } from '../../../src/core/quotes';
import { fixtureCorpus } from './fixtures';

// Corpus files the hostile-input fuzz suite found whose inserted quotes did not check clean.
const FILES: Record<string, string> = {
  'a double mark inside a word': '# Size\n\nThe board was 5"3 wide and a"b long.\n',
  'a title of punctuation only': '>\n end of it\n',
  'a title that is a footnote mark': '[^1]\nA line.\n',
  'a title with a stray parenthesis': '**) end\n',
  'an HTML-like run across lines': '0<A| a | b |\n|---|---|> end\n',
  'a literal backslash before an apostrophe': "0\\'0 end\n",
  'a literal backslash before a double mark': '0\\"http://x.test end\n',
};

describe('an inserted quote checks clean, whatever its source holds', () => {
  for (const [what, body] of Object.entries(FILES))
    for (const style of CITATION_STYLES)
      it(`${what}, in ${style} style`, () => {
        if (style === 'apa' || style === 'chicago' || style === 'mla') prepareCslStyle(style);
        const corpus = fixtureCorpus({ f0: body });
        let note = '# Notes\n\n';
        for (const passage of corpus.sentences())
          note = applyEdits(
            note,
            renderQuote(note, passage, corpus.article(passage.articleId)!, style, note.length).edits,
          );
        expect(note).toContain('> "');
        expect(checkNote(note, corpus), note).toEqual([]);
      });
});
