import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../src/core/articleText';
import { Corpus } from '../../src/core/corpus';
import { checkNoteQuotes } from '../../src/core/integrity/checkNote';
import { updateToSource } from '../../src/core/integrity/problems';
import { decodeCorpusFile } from '../../src/core/parse/decode';
import { applyEdits, renderQuote } from '../../src/core/quotes';
import { listArticleFiles, loadFile } from '../../src/node/corpusFiles';

/**
 * Drift: quotes inserted from an article, then the article edited at random —
 * paragraphs moved, words and numbers changed, sentences deleted, whitespace
 * and quote marks retyped — and every quote classified as what happened to
 * its sentence. Each article has near-duplicates: sentences that differ from
 * another in one number only, so a quote whose sentence went must never be
 * re-anchored to its twin.
 */

/** Real prose to build articles from: the bundled corpus's sentences without digits of their own. */
const POOL = (() => {
  const corpus = new Corpus();
  for (const file of listArticleFiles([{ root: join(__dirname, '../../corpus'), bundled: true }]))
    loadFile(corpus, file);
  const seen = new Set<string>();
  const words: string[][] = [];
  for (const article of corpus.articles())
    for (const section of articleText(article).sections)
      for (const paragraph of section.paragraphs)
        for (const sentence of paragraph.sentences) {
          const w = sentence.text
            .replace(/[^A-Za-z' ]+/g, ' ')
            .trim()
            .split(/\s+/);
          const key = w.join(' ').toLowerCase();
          if (/\d/.test(sentence.text) || w.length < 7 || w.length > 30 || seen.has(key)) continue;
          seen.add(key);
          words.push(w);
        }
  return words;
})();

/** 3 sections × 2 paragraphs × 3 sentences. */
const SHAPE = { sections: 3, paragraphs: 2, sentences: 3 };
const COUNT = SHAPE.sections * SHAPE.paragraphs * SHAPE.sentences;

interface Sentence {
  readonly id: number;
  words: string[];
}
type Paragraph = Sentence[];
interface Section {
  readonly title: string | undefined;
  paragraphs: Paragraph[];
}

const articleArb = fc.tuple(
  fc.uniqueArray(fc.nat(POOL.length - 1), { minLength: COUNT, maxLength: COUNT }),
  fc.array(fc.tuple(fc.integer({ min: 10, max: 990 }), fc.nat(6)), { minLength: COUNT, maxLength: COUNT }),
);

function build([picks, numbers]: [number[], [number, number][]]): Section[] {
  let next = 0;
  const sections: Section[] = Array.from({ length: SHAPE.sections }, (_, s) => ({
    title: s === 0 ? undefined : `Part ${['one', 'two', 'three'][s]}`,
    paragraphs: Array.from({ length: SHAPE.paragraphs }, () =>
      Array.from({ length: SHAPE.sentences }, () => {
        const id = next++;
        const w = [...POOL[picks[id]!]!];
        const [number, at] = numbers[id]!;
        w.splice(1 + Math.min(at, w.length - 2), 0, `${number}`, 'percent');
        return { id, words: w };
      }),
    ),
  }));
  // Near-duplicates: the first sentence of each section has a twin, one number apart, at the end of the next section.
  sections.forEach((section, s) => {
    const original = section.paragraphs[0]![0]!;
    const twin = original.words.map((w) => (/^\d+$/.test(w) ? `${Number(w) + 1}` : w));
    sections[(s + 1) % sections.length]!.paragraphs.at(-1)!.push({ id: next++, words: twin });
  });
  return sections;
}

function render(sections: readonly Section[], retype = false): string {
  const sentence = (s: Sentence) => {
    const text = `${s.words.join(' ')}.`;
    return retype ? text.replace(/'/g, '’').replace(/ percent/g, '  percent') : text;
  };
  const body = sections
    .map((section) =>
      [
        ...(section.title ? [`## ${section.title}`] : []),
        ...section.paragraphs.map((p) => p.map(sentence).join(retype ? '\n' : ' ')),
      ].join('\n\n'),
    )
    .join('\n\n');
  return `---\nid: drift\ntitle: Drift Report\n---\n# Drift Report\n\n${body}\n`;
}

function corpusOf(text: string): Corpus {
  const corpus = new Corpus();
  corpus.setFile({ path: '/c/drift.md', relativePath: 'drift.md' }, decodeCorpusFile(new TextEncoder().encode(text)));
  return corpus;
}

type Expected = 'match' | 'moved' | 'changed' | 'gone';

const editArb = fc.record({
  move: fc.nat(),
  change: fc.nat(),
  remove: fc.nat(),
  retype: fc.boolean(),
  style: fc.constantFrom('footnote', 'pandoc', 'inline' as const),
});

describe('re-anchoring after the source changes', { timeout: 120_000 }, () => {
  it('classifies every inserted quote as what happened to its passage, and never anchors to a near-duplicate', () => {
    fc.assert(
      fc.property(articleArb, editArb, (raw, edit) => {
        const sections = build(raw);
        const before = corpusOf(render(sections));
        const article = before.article('drift')!;
        // One quote of every sentence, each remembered by the sentence it came from.
        let note = '# Notes\n';
        const quoted: number[] = [];
        const flat = sections.flatMap((s) => s.paragraphs.flat());
        const passages = articleText(article).sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
        expect(passages).toHaveLength(flat.length);
        passages.forEach((sentence, k) => {
          const passage = before.passage(sentence.id)!;
          note = applyEdits(note, renderQuote(note, passage, article, edit.style, note.length).edits);
          quoted.push(flat[k]!.id);
        });
        expect(checkNoteQuotes(note, before).map((q) => q.status)).toEqual(quoted.map(() => 'match'));

        const expected = new Map<number, Expected>(quoted.map((id) => [id, 'match']));
        // Move a paragraph of a section (not its first: twins are first sentences) to another section.
        const from = sections[1 + (edit.move % 2)]!;
        const moved = from.paragraphs.splice(from.paragraphs.length - 1, 1)[0]!;
        sections[0]!.paragraphs.splice(1, 0, moved);
        for (const s of moved) expected.set(s.id, 'moved');
        // Change the number of one twinned original (a middle word of its sentence stays the anchor's context).
        const changedSection = sections[edit.change % 3]!;
        const changed = changedSection.paragraphs[0]![0]!;
        changed.words = changed.words.map((w) => (/^\d+$/.test(w) ? `${Number(w) + 500}` : w));
        expected.set(changed.id, 'changed');
        // Delete another twinned original: its twin, one number away, must not be named instead.
        const removedSection = sections[(edit.change + 1 + (edit.remove % 2)) % 3]!;
        const removed = removedSection.paragraphs[0]!.shift()!;
        expected.set(removed.id, 'gone');

        const after = corpusOf(render(sections, edit.retype));
        const checked = checkNoteQuotes(note, after);
        expect(checked.map((q) => q.status)).toEqual(quoted.map((id) => expected.get(id)));
        checked.forEach((q, k) => {
          if (q.status !== 'changed') return;
          // The candidate is the edited sentence itself, not its twin.
          const fixed = applyEdits(note, updateToSource(q.problem!).map(toEdit));
          expect(fixed).not.toBe(note);
          expect(q.problem!.fix!.text.toLowerCase().replace(/’/g, "'")).toContain(
            changed.words.slice(0, 3).join(' ').toLowerCase(),
          );
          expect(q.problem!.fix!.text).toContain(changed.words.find((w) => /^\d+$/.test(w))!);
          const again = checkNoteQuotes(fixed, after)[k]!;
          expect(again.status).toBe('match');
        });
      }),
      { numRuns: 60 },
    );
  });
});

function toEdit(fix: { range: { start: { offset: number }; end: { offset: number } }; text: string }) {
  return { start: fix.range.start.offset, end: fix.range.end.offset, text: fix.text };
}
