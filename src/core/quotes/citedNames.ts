import { scanNote } from './noteScan';

/**
 * What the cited quotes of a note may name an article by: footnote labels,
 * pandoc keys and the URLs in the note. An archive is asked for just these,
 * never read whole, to check the note.
 */
export function citedNames(noteText: string): string[] {
  const scan = scanNote(noteText);
  const names = new Set<string>();
  for (const { citation } of scan.quotes) {
    if (citation.kind === 'footnote') names.add(citation.label);
    else if (citation.kind === 'pandoc') names.add(citation.key);
  }
  for (const match of noteText.matchAll(/https?:\/\/[^\s<>()[\]"'`]+/g)) names.add(match[0].replace(/[.,;:!?]+$/, ''));
  return [...names];
}
