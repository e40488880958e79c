import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, footnoteLabel, quoteText, renderQuote, scanNote } from '../../../src/core/quotes';
import { joinLines, withCursor } from '../helpers';
import { fixtureCorpus, passageOf } from './fixtures';

const corpus = fixtureCorpus();
const lead = passageOf(corpus, 'cloud-wars#0.0');
const chips = passageOf(corpus, 'cloud-wars#1.0');
const outlook = passageOf(corpus, 'cloud-wars#2.0');
const other = passageOf(corpus, 'untitled-note#1.0');

function insert(
  note: string,
  at: number,
  { passage, article } = lead,
  style: Parameters<typeof renderQuote>[3] = 'footnote',
  replaceEnd?: number,
): string {
  return applyEdits(
    note,
    // Placement and format: the anchor comment (tested below) is left out here.
    renderQuote(note, passage, article, style, at, {
      anchor: false,
      ...(replaceEnd === undefined ? {} : { replaceEnd }),
    }).edits,
  );
}

describe('renderQuote', () => {
  it('ends the quote line with its hidden anchor unless told not to', () => {
    const rendered = renderQuote('', lead.passage, lead.article, 'footnote', 0);
    expect(rendered.quote).toMatch(/^> "[^"]+"\[\^cloud-wars\] <!-- sourcebook h=[0-9a-f]{8} (?:b=\S+ )?a=\S+ -->$/);
    expect(renderQuote('', lead.passage, lead.article, 'footnote', 0, { anchor: false }).quote).not.toContain('<!--');
  });

  it('reports where the quote lands even when a definition is added above it', () => {
    const note = joinLines('[^mine]: A note of my own.', '', 'Some text.', '', 'More text.', '');
    const rendered = renderQuote(note, lead.passage, lead.article, 'footnote', note.length);
    const result = applyEdits(note, rendered.edits);
    expect(result.slice(rendered.quoteOffset, rendered.quoteOffset + rendered.quote.length)).toBe(rendered.quote);
  });

  it('reports where the quote lands for every cursor position (property)', () => {
    const note = joinLines('# Notes', '', '[^mine]: Mine.', '', 'Text here.', '', '[^x]: Other.', '');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: note.length }),
        fc.constantFrom('footnote', 'inline', 'pandoc') as fc.Arbitrary<'footnote'>,
        (at, style) => {
          const rendered = renderQuote(note, chips.passage, chips.article, style, at);
          const result = applyEdits(note, rendered.edits);
          expect(result.slice(rendered.quoteOffset, rendered.quoteOffset + rendered.quote.length)).toBe(rendered.quote);
        },
      ),
    );
  });

  it('writes a footnoted blockquote and its definition into an empty note', () => {
    expect(insert('', 0)).toBe(
      joinLines(
        '> "Alibaba Cloud cut its prices again."[^cloud-wars]',
        '',
        '[^cloud-wars]: Example Times, "The Cloud Wars Heat Up", March 14, 2026.',
        '',
      ),
    );
  });

  it('puts the quote at the cursor between blank lines and the definition at the end', () => {
    const { text, offset } = withCursor(joinLines('# Notes', '', 'Pricing matters.$CURSOR$', '', 'More text.', ''));
    expect(insert(text, offset, chips)).toBe(
      joinLines(
        '# Notes',
        '',
        'Pricing matters.',
        '',
        '> "Huawei\'s Ascend processors still lag in software."[^cloud-wars.chips]',
        '',
        'More text.',
        '',
        '[^cloud-wars.chips]: Example Times, "The Cloud Wars Heat Up", March 14, 2026, § Chips.',
        '',
      ),
    );
  });

  it('never splits a paragraph, list or quote: a cursor inside one inserts after it', () => {
    const { text, offset } = withCursor(
      joinLines('First line of a', 'para$CURSOR$graph that wraps.', '', '- item one', '- item two', ''),
    );
    expect(insert(text, offset, lead, 'pandoc')).toBe(
      joinLines(
        '---',
        'bibliography: references.json',
        '---',
        '',
        'First line of a',
        'paragraph that wraps.',
        '',
        '> "Alibaba Cloud cut its prices again." [@cloud-wars]',
        '',
        '- item one',
        '- item two',
        '',
      ),
    );
    const atStart = joinLines('Para one.', '', 'Para two.');
    expect(insert(atStart, atStart.indexOf('Para two'), lead, 'pandoc')).toBe(
      joinLines(
        '---',
        'bibliography: references.json',
        '---',
        '',
        'Para one.',
        '',
        '> "Alibaba Cloud cut its prices again." [@cloud-wars]',
        '',
        'Para two.',
      ),
    );
  });

  it('replaces a selection', () => {
    const note = joinLines('Before.', '', 'REPLACE ME', '', 'After.');
    const start = note.indexOf('REPLACE');
    const result = insert(note, start, lead, 'pandoc', start + 'REPLACE ME'.length);
    expect(result).toBe(
      joinLines(
        '---',
        'bibliography: references.json',
        '---',
        '',
        'Before.',
        '',
        '> "Alibaba Cloud cut its prices again." [@cloud-wars]',
        '',
        'After.',
      ),
    );
  });

  it('gives each section of an article its own footnote, reused when that section is quoted again', () => {
    const once = insert('', 0, chips);
    const twice = insert(once, once.indexOf('\n\n[^cloud-wars'), outlook);
    const thrice = insert(twice, twice.indexOf('\n\n[^cloud-wars'), chips);
    expect(thrice.match(/^\[\^cloud-wars\.chips\]:/gm)).toHaveLength(1);
    expect(thrice).toContain('[^cloud-wars.chips]: Example Times, "The Cloud Wars Heat Up", March 14, 2026, § Chips.');
    expect(thrice).toContain(
      '[^cloud-wars.outlook]: Example Times, "The Cloud Wars Heat Up", March 14, 2026, § Outlook.',
    );
    expect(thrice.match(/\[\^cloud-wars\.chips\]/g)).toHaveLength(3);
  });

  it('reuses a definition a formatter renumbered, rather than adding a second one', () => {
    const once = insert('', 0, chips).replace(/cloud-wars\.chips/g, '1');
    const twice = insert(once, 0, chips);
    expect(twice.match(/^\[\^/gm)).toHaveLength(1);
    expect(twice.match(/\[\^1\]/g)).toHaveLength(3);
  });

  it('keeps a definition the user wrote for the label as it is', () => {
    const note = joinLines('Text.', '', '[^cloud-wars]: My own reference, edited by hand.', '');
    const result = insert(note, 'Text.'.length, chips);
    expect(result).toContain('[^cloud-wars]: My own reference, edited by hand.');
    expect(result.match(/^\[\^cloud-wars\]:/gm)).toHaveLength(1);
  });

  it('adds a new definition after the existing ones and leaves them intact', () => {
    const note = joinLines(
      'Text[^1].',
      '',
      '[^1]: First note.',
      '[^long]: A long note',
      '    that continues here.',
      '',
    );
    const result = insert(note, 'Text[^1].'.length, other);
    expect(result).toBe(
      joinLines(
        'Text[^1].',
        '',
        '> "Thousands of enterprises build on Qwen."[^untitled-note.adoption]',
        '',
        '[^1]: First note.',
        '[^long]: A long note',
        '    that continues here.',
        '[^untitled-note.adoption]: "\\[A Note on Qwen\\]", publisher unknown, undated, § Adoption.',
        '',
      ),
    );
  });

  it('moves an insert at the end of a note above its footnote definitions', () => {
    const note = joinLines('Text[^1].', '', '[^1]: First note.', '');
    const result = insert(note, note.length, lead, 'inline');
    expect(result).toBe(
      joinLines(
        'Text[^1].',
        '',
        '> "Alibaba Cloud cut its prices again." — *The Cloud Wars Heat Up*, Example Times, March 14, 2026',
        '',
        '[^1]: First note.',
        '',
      ),
    );
  });

  it('ignores footnote-like lines inside fenced code', () => {
    const note = joinLines('```', '[^cloud-wars]: not a definition', '```', '');
    expect(scanNote(note).definitions).toHaveLength(0);
    const result = insert(note, note.length);
    expect(scanNote(result).definitions.map((d) => d.label)).toEqual(['cloud-wars']);
    expect(result.startsWith(note)).toBe(true);
  });

  it('keeps CRLF line endings', () => {
    const result = insert('Line one.\r\n', 'Line one.\r\n'.length);
    expect(result).toBe(
      'Line one.\r\n\r\n> "Alibaba Cloud cut its prices again."[^cloud-wars]\r\n\r\n[^cloud-wars]: Example Times, "The Cloud Wars Heat Up", March 14, 2026.\r\n',
    );
  });

  it('quotes on one line, with inner double quotes made single', () => {
    expect(quoteText('Developers "love\n  the price", one said.')).toBe("Developers 'love the price', one said.");
    expect(quoteText('“Intelligence Era”')).toBe('‘Intelligence Era’');
  });
});

describe('renderQuote properties', () => {
  const passages = [lead, chips, outlook, other, passageOf(corpus, 'untitled-note#0.0')];
  const existingDefinition = fc.record({
    label: fc.stringMatching(/^[a-z0-9]{1,8}$/).filter((label) => !['cloud-wars', 'untitled-note'].includes(label)),
    text: fc.stringMatching(/^[A-Za-z0-9 ,.]{1,30}$/).map((t) => t.trim() || 'x'),
  });
  const prose = fc.array(fc.stringMatching(/^[A-Za-z ,.]{0,40}$/), { maxLength: 5 }).map((lines) => lines.join('\n'));
  const step = fc.record({ passage: fc.constantFrom(...passages), at: fc.double({ min: 0, max: 1, noNaN: true }) });

  it('keeps footnote labels unique, reuses them per article and section and keeps other definitions intact', () => {
    fc.assert(
      fc.property(
        prose,
        fc.uniqueArray(existingDefinition, { selector: (d) => d.label, maxLength: 4 }),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        (body, definitions, steps) => {
          const own = definitions.map((d) => `[^${d.label}]: ${d.text}`);
          let note = definitions.length > 0 ? `${body}\n\n${own.join('\n')}\n` : body;
          for (const { passage, at } of steps) note = insert(note, Math.floor(at * note.length), passage);
          const labels = scanNote(note).definitions.map((d) => d.label);
          expect(new Set(labels).size).toBe(labels.length);
          const label = ({ passage, article }: (typeof steps)[number]['passage']) =>
            footnoteLabel(article, article.sections[passage.sectionIndex]);
          for (const quoted of new Set(steps.map((s) => label(s.passage))))
            expect(labels.filter((l) => l === quoted)).toHaveLength(1);
          for (const line of own) expect(note.split('\n')).toContain(line);
          for (const { passage } of steps)
            expect(note).toContain(`> "${quoteText(passage.passage.text)}"[^${label(passage)}]`);
          // Definitions stay together at the end of the note.
          const trailing = scanNote(note).trailingFootnotesStart;
          expect(trailing).toBeDefined();
          expect(
            note
              .slice(trailing)
              .split('\n')
              .every((line) => line === '' || line.startsWith('[^')),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
