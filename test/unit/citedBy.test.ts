import { describe, expect, it } from 'vitest';
import { CitedBy, citationsInNote } from '../../src/core/citedBy';
import { CITATION_STYLES } from '../../src/core/citations';
import { entityIndexFor } from '../../src/core/entities';
import { applyEdits, renderQuote } from '../../src/core/quotes';
import { fixtureCorpus, passageOf } from './quotes/fixtures';

const corpus = fixtureCorpus();

/** A note with `passageIds` inserted one after another in `style`, as the insert command writes them. */
function noteWith(style: (typeof CITATION_STYLES)[number], ...passageIds: string[]): string {
  let note = '# Notes\n\nSome prose of my own.\n';
  for (const id of passageIds) {
    const { passage, article } = passageOf(corpus, id);
    note = applyEdits(note, renderQuote(note, passage, article, style, note.length).edits);
  }
  return note;
}

describe('citationsInNote', () => {
  it('finds every inserted quote, in every style, with the article it cites and its line', () => {
    for (const style of CITATION_STYLES) {
      const note = noteWith(style, 'cloud-wars#0.1', 'untitled-note#1.0');
      const places = citationsInNote(note, corpus).filter((p) => p.kind === 'quote');
      expect(
        places.map((p) => p.articleId),
        style,
      ).toEqual(['cloud-wars', 'untitled-note']);
      const [first] = places;
      expect(note.split('\n')[first!.range.start.line]).toContain('Rivals followed within a week.');
      expect(first!.text).toBe('Rivals followed within a week.');
    }
  });

  it('finds cited prose sentences, and leaves uncited prose and other people’s quotes alone', () => {
    const note = [
      '# Notes',
      '',
      'Prices fell again.[^cloud-wars] Nobody cites this one.',
      '',
      '> "To be or not to be." — Shakespeare',
      '',
      '[^cloud-wars]: Example Times, "The Cloud Wars Heat Up", 2026-03-14.',
      '',
    ].join('\n');
    expect(citationsInNote(note, corpus).map((p) => [p.kind, p.articleId, p.text, p.range.start.line])).toEqual([
      ['sentence', 'cloud-wars', 'Prices fell again.[^cloud-wars]', 2],
    ]);
  });

  it('places each cited sentence at its own first character, on its own line', () => {
    const note = [
      '# Notes',
      '',
      'Prices fell again.[^cloud-wars] Rivals followed.[^cloud-wars] And',
      'Analysts expect more.[^cloud-wars]',
      '',
      '[^cloud-wars]: Example Times, "The Cloud Wars Heat Up", 2026-03-14.',
      '',
    ].join('\n');
    const lines = note.split('\n');
    const places = citationsInNote(note, corpus).map((p) => [p.text, p.range.start.line, p.range.start.character]);
    expect(places).toEqual([
      ['Prices fell again.[^cloud-wars]', 2, 0],
      ['Rivals followed.[^cloud-wars]', 2, lines[2]!.indexOf('Rivals')],
      ['And Analysts expect more.[^cloud-wars]', 2, lines[2]!.indexOf('And')],
    ]);
  });

  it('does not take the reference list an APA note ends with for cited prose', () => {
    const note = noteWith('apa', 'cloud-wars#0.1');
    expect(note).toMatch(/^## References$/m);
    expect(citationsInNote(note, corpus).map((p) => p.kind)).toEqual(['quote']);
  });

  it('finds nothing in a note without citations, or citing articles the corpus does not have', () => {
    expect(citationsInNote('# Notes\n\nJust thinking.\n', corpus)).toEqual([]);
    expect(citationsInNote('Said so.[@not-here]\n', corpus)).toEqual([]);
  });
});

describe('CitedBy', () => {
  const a = '/notes/a.md';
  const b = '/notes/b.md';

  it('lists the notes and places citing an article, and counts the notes', () => {
    const cited = new CitedBy();
    cited.set(b, citationsInNote(noteWith('footnote', 'cloud-wars#0.0', 'cloud-wars#2.0'), corpus));
    cited.set(a, citationsInNote(noteWith('pandoc', 'cloud-wars#1.0', 'untitled-note#0.0'), corpus));
    expect(cited.citing('cloud-wars').map((n) => [n.note, n.places.length])).toEqual([
      [a, 1],
      [b, 2],
    ]);
    expect(cited.noteCount('cloud-wars')).toBe(2);
    expect(cited.noteCount('untitled-note')).toBe(1);
    expect(Object.fromEntries(cited.articleCounts())).toEqual({ 'cloud-wars': 2, 'untitled-note': 1 });
  });

  it('follows a note as it changes, and bumps its version only when what it cites changes', () => {
    const cited = new CitedBy();
    cited.set(a, citationsInNote(noteWith('footnote', 'cloud-wars#0.0'), corpus));
    const version = cited.version;
    cited.set(a, citationsInNote(noteWith('footnote', 'cloud-wars#0.0'), corpus));
    expect(cited.version).toBe(version);
    cited.set(a, citationsInNote(noteWith('footnote', 'untitled-note#0.0'), corpus));
    expect(cited.version).toBeGreaterThan(version);
    expect(cited.noteCount('cloud-wars')).toBe(0);
    cited.set(a, []);
    expect(cited.notes()).toEqual([]);
    cited.set(b, citationsInNote(noteWith('apa', 'untitled-note#0.0'), corpus));
    cited.delete(b);
    expect(cited.citing('untitled-note')).toEqual([]);
  });

  it('lists the cited places that mention an entity, by any of its names', () => {
    const cited = new CitedBy();
    cited.set(
      a,
      citationsInNote(noteWith('footnote', 'cloud-wars#0.0', 'cloud-wars#1.0', 'untitled-note#1.0'), corpus),
    );
    const withCatalog = fixtureCorpus();
    withCatalog.setCatalog(
      '/corpus/entities.yaml',
      '- name: Huawei Technologies\n  kind: company\n  aliases: [Huawei]\n',
    );
    const entities = entityIndexFor(withCatalog);
    const huawei = entities.resolve('Huawei');
    expect(huawei).toBeDefined();
    const places = cited.mentioning(huawei!.id, entities).flatMap((n) => n.places.map((p) => p.text));
    expect(places).toEqual(["Huawei's Ascend processors still lag in software."]);
  });
});
