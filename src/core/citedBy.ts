/**
 * Who cites what: the places in notes that cite a corpus article — its cited
 * quotes (a blockquote or an inline quote with a Sourcebook citation) and its
 * cited sentences (prose carrying a footnote reference, a pandoc key or an
 * in-text citation) — gathered per note and looked up per article or entity,
 * as Foam and Dendron show backlinks.
 */

import type { Corpus } from './corpus';
import { resolveCitation } from './integrity/citedArticle';
import { citedSentences } from './integrity/citedProse';
import type { SourceRange } from './model';
import { scanNote } from './quotes/noteScan';
import { LineIndex } from './text/lineIndex';

/** One place a note cites an article. */
export interface Citing {
  readonly articleId: string;
  /** A cited quote, or a sentence of prose that carries a citation. */
  readonly kind: 'quote' | 'sentence';
  /** Where in the note: the quote's text, or the sentence. */
  readonly range: SourceRange;
  /** That text on one line (a list shortens it with `briefText`). */
  readonly text: string;
}

/** A note and the places it cites one article (or mentions one entity), in note order. */
export interface CitingNote {
  readonly note: string;
  readonly places: readonly Citing[];
}

/** Every place `noteText` cites an article of the corpus, in note order. Pure; never throws. */
export function citationsInNote(noteText: string, corpus: Corpus): Citing[] {
  const scan = scanNote(noteText);
  const lines = new LineIndex(noteText);
  const found: { at: number; citing: Citing }[] = [];
  const add = (articleId: string, kind: Citing['kind'], start: number, end: number) =>
    found.push({
      at: start,
      citing: { articleId, kind, range: lines.range(start, end), text: oneLine(noteText.slice(start, end)) },
    });
  for (const quote of scan.quotes) {
    const cited = resolveCitation(quote.citation, scan, corpus);
    if (cited.kind !== 'article') continue;
    for (const article of cited.articles) add(article.id, 'quote', quote.textStart, quote.textEnd);
  }
  for (const sentence of citedSentences(noteText, scan, corpus))
    for (const article of sentence.articles) add(article.id, 'sentence', sentence.start, sentence.end);
  return found.sort((a, b) => a.at - b.at).map((f) => f.citing);
}

/** What `CitedBy` needs of the entity index: the entities a text mentions. */
export interface MentionFinder {
  findMentions(text: string): readonly { readonly entityId: string }[];
}

/**
 * The citations of a set of notes, kept per note so one changed note is read
 * again alone, and looked up per article (the places that cite it) or per
 * entity (the cited places whose text mentions it).
 */
export class CitedBy {
  private readonly byNote = new Map<string, readonly Citing[]>();
  private changeCount = 0;

  /** Bumped by every change: a view refreshes when it moves. */
  get version(): number {
    return this.changeCount;
  }

  /** Sets what one note cites (a note citing nothing is forgotten). */
  set(note: string, places: readonly Citing[]): void {
    const before = this.byNote.get(note);
    if (places.length === 0) {
      if (this.byNote.delete(note)) this.changeCount++;
      return;
    }
    if (before && sameCitations(before, places)) return;
    this.byNote.set(note, places);
    this.changeCount++;
  }

  delete(note: string): void {
    if (this.byNote.delete(note)) this.changeCount++;
  }

  clear(): void {
    if (this.byNote.size === 0) return;
    this.byNote.clear();
    this.changeCount++;
  }

  /** The notes known to cite anything. */
  notes(): string[] {
    return [...this.byNote.keys()].sort();
  }

  /** The notes that cite an article, each with its places, notes by name. */
  citing(articleId: string): CitingNote[] {
    return this.select((place) => place.articleId === articleId);
  }

  /** How many notes cite an article. */
  noteCount(articleId: string): number {
    let count = 0;
    for (const places of this.byNote.values()) if (places.some((p) => p.articleId === articleId)) count++;
    return count;
  }

  /** The ids of the articles cited by any note, with how many notes cite each. */
  articleCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const places of this.byNote.values())
      for (const id of new Set(places.map((p) => p.articleId))) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }

  /** The cited places whose text mentions an entity (by any of its names), per note. */
  mentioning(entityId: string, entities: MentionFinder): CitingNote[] {
    return this.select((place) => entities.findMentions(place.text).some((m) => m.entityId === entityId));
  }

  private select(keep: (place: Citing) => boolean): CitingNote[] {
    const found: CitingNote[] = [];
    for (const note of this.notes()) {
      const places = (this.byNote.get(note) ?? []).filter(keep);
      if (places.length > 0) found.push({ note, places: dedupe(places) });
    }
    return found;
  }
}

/** One place per range: a quote citing two articles of one title is listed once for each article, not twice for one. */
function dedupe(places: readonly Citing[]): Citing[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.articleId}\u0000${p.range.start.offset}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameCitations(a: readonly Citing[], b: readonly Citing[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.articleId === y.articleId &&
        x.kind === y.kind &&
        x.text === y.text &&
        x.range.start.offset === y.range.start.offset
      );
    })
  );
}

function oneLine(text: string): string {
  return text
    .replace(/\s*\n\s*(?:>\s?)*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A place's text shortened to `limit` characters for a list. */
export function briefText(text: string, limit = 120): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}
