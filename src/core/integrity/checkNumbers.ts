/**
 * Numbers in cited prose: a sentence or list item of a note that carries a
 * Sourcebook citation (a footnote reference, a pandoc key, an in-text
 * citation) and states a number is checked against the cited article. A
 * number the article does not state, in any form (`numbers.ts`), is a
 * warning naming both: the source's number from the sentence closest to the
 * note's, and the note's. Blockquotes are the quote check's; sentences
 * without a citation are left alone.
 */

import { articleText } from '../articleText';
import type { Corpus } from '../corpus';
import type { Article } from '../model';
import { type NoteScan, scanNote } from '../quotes/noteScan';
import { LineIndex } from '../text/lineIndex';
import { CITATION, citedSentences } from './citedProse';
import { type NumberMention, numbersIn, spoken, supports } from './numbers';
import type { QuoteProblem } from './problems';
import { wordsOf } from './words';

/** A number of a cited sentence, checked. */
export interface CheckedNumber {
  readonly status: 'match' | 'mismatch';
  readonly range: QuoteProblem['range'];
  readonly articleId: string;
  readonly text: string;
  readonly problem?: QuoteProblem;
}

/** Every number of the note's cited sentences, in note order (see the module comment). Pure; never throws. */
export function checkNoteNumbers(
  noteText: string,
  corpus: Corpus,
  scan: NoteScan = scanNote(noteText),
): CheckedNumber[] {
  const lines = new LineIndex(noteText);
  const checked: CheckedNumber[] = [];
  for (const sentence of citedSentences(noteText, scan, corpus)) {
    const cited = sentence.articles;
    const first = cited[0];
    if (!first) continue;
    const text = blankMarkup(noteText.slice(sentence.start, sentence.end));
    for (const mention of numbersIn(text)) {
      const at = sentence.start + mention.start;
      const range = lines.range(at, at + mention.text.length);
      const supporting = cited.find((article) => sourceNumbers(article).some((s) => supports(s, mention)));
      const article = supporting ?? first;
      if (supporting) {
        checked.push({ status: 'match', range, articleId: article.id, text: mention.text });
        continue;
      }
      const said = sourceSays(article, text, mention);
      const problem: QuoteProblem = {
        code: 'number-mismatch',
        severity: 'warning',
        message: said
          ? `Number does not match the source: source says ${spoken(said)}, note says ${spoken(mention)} ("${brief(article.title)}").`
          : `Number not in the source: "${brief(article.title)}" does not state ${spoken(mention)}.`,
        range,
        articleId: article.id,
      };
      checked.push({ status: 'mismatch', range, articleId: article.id, text: mention.text, problem });
    }
  }
  return checked;
}

/** The sentence's text with citations, link destinations and code blanked (same length, so offsets hold). */
function blankMarkup(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return text
    .replace(CITATION, blank)
    .replace(/\]\([^)\s]*\)/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/<[^<>\n]*>/g, blank);
}

interface SourceSentence {
  readonly text: string;
  readonly numbers: readonly NumberMention[];
  /** The sentence's words, made when a mismatch needs them (most numbers match). */
  words?: ReadonlySet<string>;
}

const sourceCache = new WeakMap<Article, { numbers: NumberMention[]; sentences: SourceSentence[] }>();

function source(article: Article) {
  let cached = sourceCache.get(article);
  if (!cached) {
    const sentences: SourceSentence[] = [];
    for (const section of articleText(article).sections)
      for (const paragraph of section.paragraphs)
        for (const sentence of paragraph.sentences)
          sentences.push({ text: sentence.text, numbers: numbersIn(sentence.text) });
    const numbers = [
      ...sentences.flatMap((s) => s.numbers),
      ...numbersIn(article.title),
      ...(article.date ? numbersIn(article.date.replace(/-/g, ' ')) : []),
    ];
    sourceCache.set(article, (cached = { numbers, sentences }));
  }
  return cached;
}

function sourceNumbers(article: Article): readonly NumberMention[] {
  return source(article).numbers;
}

/** The source's number of the same kind in the sentence that shares the most words with the note's. */
function sourceSays(article: Article, noteSentence: string, mention: NumberMention): NumberMention | undefined {
  const words = wordsOf(noteSentence).map((w) => w.text);
  let best: { said: NumberMention; shared: number } | undefined;
  for (const sentence of source(article).sentences) {
    const said = sentence.numbers.find((n) => n.unit === mention.unit);
    if (!said) continue;
    sentence.words ??= new Set(wordsOf(sentence.text).map((w) => w.text));
    const own = sentence.words;
    const shared = words.filter((w) => own.has(w)).length;
    if (!best || shared > best.shared) best = { said, shared };
  }
  return best && best.shared >= 2 ? best.said : undefined;
}

function brief(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79).trimEnd()}…`;
}
