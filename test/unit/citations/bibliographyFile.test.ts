import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addToBibliography, type CslItem } from '../../../src/core/citations';
import { addToBibliographyFile } from '../../../src/node/bibliographyFile';

const item: CslItem = { id: 'new-one', type: 'article-newspaper', title: 'A & B', issued: { 'date-parts': [[2005]] } };

describe('references.json is edited, never rewritten', () => {
  it('keeps comments, formatting, other entries and long numbers byte for byte', () => {
    const existing = [
      '[',
      '    // my own entry, edited by hand',
      '    {"id": "mine", "ISBN": 9781234567890123, "note": "keep   spacing"}',
      ']',
      '',
    ].join('\n');
    const { text, added } = addToBibliography(existing, [item]);
    expect(added).toEqual(['new-one']);
    expect(text.startsWith(existing.slice(0, existing.indexOf('}') + 1))).toBe(true);
    expect(text).toContain('9781234567890123');
    expect(text).toContain('\n    {\n        "id": "new-one",');
    expect(text.endsWith('\n]\n')).toBe(true);
    expect(addToBibliography(text, [item])).toEqual({ text, added: [] });
  });

  it('adds to an empty array', () => {
    expect(JSON.parse(addToBibliography('[]\n', [item]).text)).toEqual([item]);
  });

  it('refuses a malformed file, a non-array, a folder and a read-only file, leaving each untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-bib-'));
    const cases: [string, string | undefined, RegExp][] = [
      ['broken.json', '[{ "id": ', /not valid JSON/],
      ['object.json', '{ "id": "x" }', /not a CSL-JSON array/],
      ['folder.json', undefined, /is a folder/],
      ['readonly.json', '[]', /read-only/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(dir, name);
      if (content === undefined) mkdirSync(path);
      else writeFileSync(path, content);
      if (name === 'readonly.json') chmodSync(path, 0o444);
      expect(() => addToBibliographyFile(path, [item]), name).toThrow(message);
      if (content !== undefined) expect(readFileSync(path, 'utf8')).toBe(content);
    }
  });

  it('creates a missing file and appends to an existing one', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sourcebook-bib-')), 'references.json');
    expect(addToBibliographyFile(path, [item])).toEqual(['new-one']);
    expect(addToBibliographyFile(path, [item])).toEqual([]);
    expect(addToBibliographyFile(path, [{ ...item, id: 'second' }])).toEqual(['second']);
    expect((JSON.parse(readFileSync(path, 'utf8')) as CslItem[]).map((e) => e.id)).toEqual(['new-one', 'second']);
  });
});
