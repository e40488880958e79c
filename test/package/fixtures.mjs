// A team's project as the package tests set it up: a corpus folder with one
// article (text written for these tests) and a notes folder whose notes cite it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ARTICLE_ID = 'harbour-cranes';
export const EXACT =
  '> "Three electric cranes now unload container ships at night, when the tide is highest." [@harbour-cranes]';
/** Line 5 of notes/port.md: a quote that says "Four" where the source says "Three". */
export const ALTERED =
  '> "Four electric cranes now unload container ships at night, when the tide is highest." [@harbour-cranes]';

export function writeProject(dir) {
  mkdirSync(path.join(dir, 'research/corpus'), { recursive: true });
  mkdirSync(path.join(dir, 'notes'), { recursive: true });
  writeFileSync(
    path.join(dir, 'research/corpus/harbour-cranes.md'),
    [
      '---',
      `id: ${ARTICLE_ID}`,
      'title: "Cranes Return to the Old Harbour"',
      'publisher: Harbour Gazette',
      'date: "2026-03-14"',
      'topics: [ports]',
      '---',
      '',
      '# Cranes Return to the Old Harbour',
      '',
      '## The quay',
      '',
      'The port authority reopened the northern quay on Monday after eighteen months of repairs. Three electric cranes now unload container ships at night, when the tide is highest.',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'notes/harbour.md'), ['# Harbour', '', EXACT, ''].join('\n'));
  writeFileSync(path.join(dir, 'notes/port.md'), ['# Port', '', EXACT, '', ALTERED, ''].join('\n'));
}
