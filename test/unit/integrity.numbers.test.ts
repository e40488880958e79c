import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { Corpus } from '../../src/core/corpus';
import { checkNoteNumbers } from '../../src/core/integrity/checkNumbers';
import { numbersIn, supports } from '../../src/core/integrity/numbers';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { emptyCorpus, listArticleFiles, loadFile } from '../../src/node/corpusFiles';

const ARTICLE = [
  '---',
  'id: adoption',
  'title: Adoption report',
  'publisher: Example News',
  'date: 2026-03-02',
  '---',
  '# Adoption report',
  '',
  'Developer adoption grew 150 percent in 2025, the company said. Revenue reached $33 billion in the third quarter.',
  '',
  'The unit now has 1.5bn users, up 50% on a year earlier, and three times as many paying customers.',
  '',
].join('\n');

function corpusOf(text: string): Corpus {
  const corpus = new Corpus();
  corpus.setFile(
    { path: '/c/adoption.md', relativePath: 'adoption.md' },
    decodeCorpusFile(new TextEncoder().encode(text)),
  );
  return corpus;
}

const corpus = corpusOf(ARTICLE);
const footnote = '\n\n[^adoption]: Example News, "Adoption report", 2026.\n';
const mismatches = (note: string, c = corpus) =>
  checkNoteNumbers(note, c).flatMap((n) => (n.problem ? [n.problem.message] : []));

describe('numbers in a text', () => {
  it('reads one quantity written in different forms as the same', () => {
    const same = (a: string, b: string) => {
      const [x] = numbersIn(a);
      const [y] = numbersIn(b);
      expect(x && y && supports(x, y) && supports(y, x), `${a} = ${b}`).toBe(true);
    };
    same('50%', '50 percent');
    same('50 per cent', 'fifty percent');
    same('$33 billion', '33 billion dollars');
    same('$33bn', 'US$33 billion');
    same('1.5bn', '1,500 million');
    same('Q3', 'third quarter');
    same('3x', 'three times');
    expect(numbersIn('On March 14 it rose')).toEqual([]);
    expect(numbersIn('the M1 chip and 5nm nodes')).toEqual([]);
    expect(numbersIn('in 2025').map((n) => n.unit)).toEqual(['year']);
  });

  it('lets a rounded number stand for the precise one, not a different one', () => {
    const [source] = numbersIn('$32.7bn');
    expect(supports(source!, numbersIn('$33 billion')[0]!)).toBe(true);
    expect(supports(source!, numbersIn('$31 billion')[0]!)).toBe(false);
    expect(supports(numbersIn('150 percent')[0]!, numbersIn('105 percent')[0]!)).toBe(false);
  });
});

describe('checkNoteNumbers', () => {
  it('is silent on numbers the source states, in any form', () => {
    const note = [
      '# Notes',
      '',
      'Adoption grew 150% in 2025.[^adoption] Revenue was 33 billion dollars in Q3[^adoption].',
      '',
      '- The unit has 1,500 million users, up fifty per cent, with 3x the paying customers.[^adoption]',
    ].join('\n');
    expect(mismatches(note + footnote)).toEqual([]);
    expect(checkNoteNumbers(note + footnote, corpus).filter((n) => n.status === 'match').length).toBeGreaterThan(5);
  });

  it('flags a changed number in a cited sentence or list item, naming both', () => {
    expect(mismatches(`Adoption grew 105 percent[^adoption].${footnote}`)).toEqual([
      'Number does not match the source: source says 150 percent, note says 105 percent ("Adoption report").',
    ]);
    expect(mismatches(`- Revenue reached $38 billion in the third quarter [@adoption]\n`)).toEqual([
      'Number does not match the source: source says $33 billion, note says $38 billion ("Adoption report").',
    ]);
  });

  it('leaves uncited sentences, quotes, headings and code alone', () => {
    const note = [
      '# 105 reasons',
      '',
      'Adoption grew 105 percent, I think.',
      '',
      '> "Developer adoption grew 105 percent in 2025, the company said."[^adoption]',
      '',
      '```',
      'grew 105 percent[^adoption]',
      '```',
      '',
      'Adoption grew 150 percent[^adoption]. It will grow 900 percent, I guess.',
    ].join('\n');
    expect(mismatches(note + footnote)).toEqual([]);
  });

  it('raises no false alarm on the bundled sample notes', () => {
    const folders = [{ root: join(__dirname, '../../corpus'), bundled: true }];
    const bundled = emptyCorpus(folders);
    listArticleFiles(folders).forEach((file) => loadFile(bundled, file));
    const dir = join(__dirname, '../../samples/notes');
    const notes = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(notes.length).toBeGreaterThan(2);
    for (const name of notes) expect(mismatches(readFileSync(join(dir, name), 'utf8'), bundled), name).toEqual([]);
  });

  it('raises no false alarm on corpus sentences cited as prose (every one states its own numbers)', () => {
    const bbc = join(__dirname, '../../../shared/corpora/bbc');
    const folders = [
      { root: join(__dirname, '../../corpus'), bundled: true },
      ...(existsSync(bbc) ? [{ root: bbc }] : []),
    ];
    const sample = emptyCorpus(folders);
    listArticleFiles(folders).forEach((file, i) => {
      if (file.bundled || i % 20 === 0) loadFile(sample, file);
    });
    let checked = 0;
    const alarms: string[] = [];
    for (const article of sample.articles())
      for (const section of articleText(article).sections)
        for (const paragraph of section.paragraphs)
          for (const sentence of paragraph.sentences) {
            if (!/\d/.test(sentence.text) || /[[\]`<>]/.test(sentence.text)) continue;
            const note = `${sentence.text.replace(/\s+/g, ' ')}[^${article.id}]\n`;
            const result = checkNoteNumbers(note, sample);
            checked += result.length;
            for (const n of result) if (n.problem) alarms.push(`${n.problem.message} in ${note}`);
          }
    expect(checked).toBeGreaterThan(50);
    expect(alarms).toEqual([]);
  });
});
