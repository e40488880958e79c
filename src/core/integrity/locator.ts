/**
 * The section a quote's citation names (its locator), and the edits that make
 * it name another: what a `moved` quote's quick fix does. Locators are the
 * cited-quote format's (`citedQuote.ts`): a footnote label per section, `sec.`
 * in pandoc and CSL in-text citations, `§` in inline citations.
 */

import { citedSection } from '../citations/describe';
import { footnoteDefinitionText } from '../citations/plain';
import type { Article, Section } from '../model';
import { footnoteLabel, pandocCitation } from '../quotes/citedQuote';
import type { NoteCitation, NoteScan } from '../quotes/noteScan';
import type { TextEdit } from '../quotes/render';
import { escapeMarkdownText } from '../text/markdownText';
import { wordsOf } from './words';

/** What a citation names: a section's title, the lead (`null`), or nothing that can be told (`undefined`). */
export type CitedLocator = string | null | undefined;

/** The section the citation names, read the way the format writes it. */
export function citedLocator(citation: NoteCitation, scan: NoteScan, article: Article): CitedLocator {
  // An article with pages is cited by page, which a move within the text does not tell: not judged.
  if (article.pages !== undefined) return undefined;
  switch (citation.kind) {
    case 'footnote': {
      for (const section of [undefined, ...article.sections])
        if (footnoteLabel(article, section) === citation.label) return citedSection(article, section) ?? null;
      const definition = scan.footnotes.get(citation.label);
      const named = definition === undefined ? undefined : /§\s*([^;§]+?)\s*\.?$/.exec(definition)?.[1];
      return named === undefined ? undefined : unescape(named);
    }
    case 'pandoc': {
      if (citation.locator === undefined) return null;
      const named = /^sec\.\s+(.+)$/.exec(citation.locator)?.[1];
      return named === undefined ? undefined : unescape(named);
    }
    case 'intext': {
      const named = /(?:^|[\s,”"])sec\.\s+(.+)$/.exec(citation.text)?.[1];
      return named === undefined ? null : unescape(named);
    }
    case 'text': {
      const named = /§\s*(.+)$/.exec(citation.text)?.[1];
      return named === undefined ? null : unescape(named);
    }
  }
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1').trim();
}

/** Whether the citation's locator names `section` (words compared, case and punctuation aside). */
export function locatorNames(locator: CitedLocator, article: Article, section: Section | undefined): boolean {
  const actual = citedSection(article, section);
  if (locator === null || actual === undefined) return locator === null && actual === undefined;
  return sameWords(locator ?? '', actual);
}

function sameWords(a: string, b: string): boolean {
  const words = (text: string) =>
    wordsOf(text)
      .map((w) => w.text)
      .join(' ');
  return words(a) === words(b);
}

/**
 * The edits that make the citation name `section` instead, or undefined when
 * its form is not one Sourcebook writes. A footnote gets the section's label,
 * and its definition when the note has none yet.
 */
export function relocateEdits(
  noteText: string,
  citation: NoteCitation,
  scan: NoteScan,
  article: Article,
  section: Section | undefined,
): TextEdit[] | undefined {
  const name = citedSection(article, section);
  const cited = noteText.slice(citation.start, citation.end);
  switch (citation.kind) {
    case 'footnote': {
      const label = footnoteLabel(article, section);
      const edits: TextEdit[] = [{ start: citation.start, end: citation.end, text: `[^${label}]` }];
      if (!scan.definitions.some((d) => d.label === label)) {
        const eol = noteText.includes('\r\n') ? '\r\n' : '\n';
        const line = `[^${label}]: ${footnoteDefinitionText(article, section ? [section] : [])}`;
        const last = scan.definitions[scan.definitions.length - 1];
        edits.push(
          last
            ? { start: last.end, end: last.end, text: eol + line }
            : { start: noteText.length, end: noteText.length, text: `${eol}${eol}${line}${eol}` },
        );
      }
      return edits;
    }
    case 'pandoc':
      return [
        {
          start: citation.start,
          end: citation.end,
          text: pandocCitation(citation.key, name === undefined ? undefined : { label: 'section', value: name }),
        },
      ];
    case 'text': {
      const at = cited.lastIndexOf('§');
      const kept = at === -1 ? cited : cited.slice(0, at).replace(/,\s*$/, '');
      const text = name === undefined ? kept : `${kept}, § ${escapeMarkdownText(name)}`;
      return [{ start: citation.start, end: citation.end, text }];
    }
    case 'intext': {
      const close = cited.lastIndexOf(')');
      if (close === -1) return undefined;
      const match = /sec\.\s+[^)]*$/.exec(cited.slice(0, close));
      const head = match ? cited.slice(0, match.index) : `${cited.slice(0, close)}, `;
      const text =
        name === undefined
          ? `${head.replace(/[,\s]+$/, '')}${cited.slice(close)}`
          : `${head}sec. ${escapeMarkdownText(name)}${cited.slice(close)}`;
      return [{ start: citation.start, end: citation.end, text }];
    }
  }
}
