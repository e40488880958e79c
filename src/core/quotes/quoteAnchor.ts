/**
 * The anchor of a cited quote: what it takes to find the quoted passage again
 * after its article changes. It is a hidden HTML comment written right after
 * the quote's citation, on the quote's own line:
 *
 * `> "…"[^label] <!-- sourcebook h=3f9a02c1 b=the+company+said a=it+added -->`
 *
 * - `h`: a content hash of the passage's words (see `hashWords`);
 * - `b`, `a`: up to a few words of the article just before and just after
 *   the passage (normalized, joined by `+`), the context that tells a passage
 *   from a near-duplicate of it;
 * - `kept`, `k`: set by *Keep as quoted*: the date the analyst kept the quote
 *   although the source had changed, and the hash of the source passage then.
 *
 * Why a comment beside the quote, not the footnote: a footnote definition is
 * shared by every quote of one section, and the in-text styles have none;
 * the comment travels with its quote when the quote is moved, renders as
 * nothing (Markdown preview, pandoc, GitHub), and survives formatters:
 * prettier and pandoc keep inline HTML verbatim and never break inside it,
 * and should one wrap it anyway it is read across the line break. Its values
 * hold no spaces, `-` or `>`, so it cannot end early. Quotes without one are
 * checked as before.
 */

/** What an anchor records (the quote's exact text is the quote itself). */
export interface QuoteAnchor {
  /** Hash of the passage's normalized words at insertion. */
  readonly hash: string;
  /** Normalized article words just before and just after the passage. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** *Keep as quoted*: the day (YYYY-MM-DD) and the hash of the source passage as it was then. */
  readonly keptOn?: string;
  readonly keptHash?: string;
}

/** An anchor as read from a note: where its comment is. */
export interface NoteAnchor extends QuoteAnchor {
  readonly start: number;
  readonly end: number;
}

/** How an anchor comment starts; the reader recognizes only comments that start so. */
export const ANCHOR_OPEN = '<!-- sourcebook ';
const ANCHOR_CLOSE = '-->';

/** The anchor comment for `anchor` (one line, no spaces inside values). */
export function formatAnchor(anchor: QuoteAnchor): string {
  const fields = [`h=${anchor.hash}`];
  if (anchor.before.length > 0) fields.push(`b=${anchor.before.map(safeWord).join('+')}`);
  if (anchor.after.length > 0) fields.push(`a=${anchor.after.map(safeWord).join('+')}`);
  if (anchor.keptOn !== undefined) fields.push(`kept=${anchor.keptOn}`);
  if (anchor.keptHash !== undefined) fields.push(`k=${anchor.keptHash}`);
  return `${ANCHOR_OPEN}${fields.join(' ')} ${ANCHOR_CLOSE}`;
}

/** A normalized word holds no separator, but a word from elsewhere is made safe all the same. */
function safeWord(word: string): string {
  return word.replace(/[\s+<>-]/g, '');
}

/**
 * Reads the anchor comment that starts at `at` in `text` (which may have
 * line breaks inside it), or undefined when there is none there or it has no
 * hash. Returns where the comment ends.
 */
export function readAnchor(text: string, at: number): { anchor: QuoteAnchor; end: number } | undefined {
  if (!text.startsWith(ANCHOR_OPEN, at)) return undefined;
  const close = text.indexOf(ANCHOR_CLOSE, at + ANCHOR_OPEN.length);
  if (close === -1) return undefined;
  const fields = new Map<string, string>();
  for (const field of text.slice(at + ANCHOR_OPEN.length, close).split(/[\s>]+/)) {
    const eq = field.indexOf('=');
    if (eq > 0) fields.set(field.slice(0, eq), field.slice(eq + 1));
  }
  const hash = fields.get('h');
  if (!hash || !/^[0-9a-f]{1,16}$/.test(hash)) return undefined;
  const words = (value: string | undefined) => (value ? value.split('+').filter((w) => w !== '') : []);
  const keptOn = fields.get('kept');
  const keptHash = fields.get('k');
  return {
    anchor: {
      hash,
      before: words(fields.get('b')),
      after: words(fields.get('a')),
      ...(keptOn && /^\d{4}-\d{2}-\d{2}$/.test(keptOn) ? { keptOn } : {}),
      ...(keptHash && /^[0-9a-f]{1,16}$/.test(keptHash) ? { keptHash } : {}),
    },
    end: close + ANCHOR_CLOSE.length,
  };
}

/**
 * A short content hash of normalized words (FNV-1a, 32 bits, hex): enough to
 * tell that a passage is not what was quoted, without storing it twice.
 */
export function hashWords(words: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = words.join(' ');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
