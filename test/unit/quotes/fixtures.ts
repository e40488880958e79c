import { Corpus } from '../../../src/core/corpus';
import type { Article, Passage } from '../../../src/core/model';
import { decodeCorpusFile } from '../../../src/core/parse/decode';
import { joinLines } from '../helpers';

/** Two small articles, one with full metadata and one with none, as corpus files. */
export const ARTICLES = {
  'cloud-wars': joinLines(
    '---',
    'id: cloud-wars',
    'title: "The Cloud Wars Heat Up"',
    'publisher: Example Times',
    'date: 2026-03-14',
    '---',
    '',
    'Alibaba Cloud cut its prices again. Rivals followed within a week.',
    '',
    '## Chips',
    '',
    'Huawei\'s Ascend processors still lag in software. Developers "love the price", one said.',
    '',
    '## Outlook',
    '',
    'Analysts expect the price war to last into 2027.',
  ),
  'untitled-note': joinLines(
    '---',
    'id: untitled-note',
    'title: A Note on Qwen',
    'title_supplied: true',
    'publisher: unknown',
    'date: unknown',
    '---',
    '',
    'Qwen is an open model family.',
    '',
    '## Adoption',
    '',
    'Thousands of enterprises build on Qwen.',
  ),
};

export function fixtureCorpus(files: Record<string, string> = ARTICLES): Corpus {
  const corpus = new Corpus();
  for (const [name, text] of Object.entries(files))
    corpus.setFile(
      { path: `/corpus/${name}.md`, relativePath: `${name}.md` },
      decodeCorpusFile(new TextEncoder().encode(text)),
    );
  return corpus;
}

/** A passage of the fixture corpus, with its article. */
export function passageOf(corpus: Corpus, id: string): { passage: Passage; article: Article } {
  const passage = corpus.passage(id);
  if (!passage) throw new Error(`no passage ${id}`);
  return { passage, article: corpus.article(passage.articleId)! };
}
