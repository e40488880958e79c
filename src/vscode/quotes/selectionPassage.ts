import { articleText } from '../../core/articleText';
import type { Article, Passage, SectionText } from '../../core/model';

/**
 * The passage a selection in an article's document stands for. The quoted
 * text is the selected prose of each paragraph the selection touches (so
 * heading lines and list or quote markers between them are left out), joined
 * by spaces. An empty selection stands for the sentence at the cursor. The id
 * is that of the sentence where the selection starts.
 */
export function selectionPassage(article: Article, start: number, end: number): Passage | undefined {
  if (end < start) [start, end] = [end, start];
  const parts: string[] = [];
  let first: { section: SectionText; id: string; range: Passage['range'] } | undefined;
  let last: Passage['range'] | undefined;
  const source = articleText(article);
  for (const section of source.sections) {
    for (const paragraph of section.paragraphs) {
      for (const sentence of paragraph.sentences) {
        const from = sentence.range.start.offset;
        const to = sentence.range.end.offset;
        const touches = start === end ? start >= from && start <= to : from < end && to > start;
        if (!touches) continue;
        const text = start === end ? sentence.text : source.text.slice(Math.max(from, start), Math.min(to, end));
        if (text.trim() === '') continue;
        parts.push(text.trim());
        first ??= { section, id: sentence.id, range: sentence.range };
        last = sentence.range;
        if (start === end) break;
      }
      if (start === end && first) break;
    }
    if (start === end && first) break;
  }
  if (!first || !last) return undefined;
  return {
    id: first.id,
    articleId: article.id,
    sectionIndex: first.section.index,
    kind: parts.length > 1 ? 'paragraph' : 'sentence',
    text: parts.join(' '),
    range: { start: first.range.start, end: last.end },
  };
}
