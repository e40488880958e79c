/**
 * Text from the corpus written into a note as Markdown: one line, and
 * escaped so that it renders as exactly these characters in CommonMark, GFM,
 * markdown-it and pandoc's Markdown. No link, image, HTML tag, entity,
 * footnote, emphasis, code span, math, citation or heading can come out of
 * it, wherever a formatter later wraps the line.
 *
 * Every escape is a backslash before ASCII punctuation, which every one of
 * those readers turns back into the character; the quote check reads the
 * backslash as a separator between words, so the words are unchanged.
 */

/** Control characters, line and paragraph separators: nothing a one-line value may hold. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A metadata value (title, publisher, summary, author) on one line: line
 * breaks, tabs and other control characters become single spaces, runs of
 * spaces one space, and the ends are trimmed.
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * What is escaped: characters that can open inline syntax in one reader or
 * another wherever they stand; `&` where it would start an entity
 * (`&amp;`, `&#163;`); `@` where pandoc would read a citation (not inside a
 * word, as in an e-mail address).
 */
const SPECIAL = /[\\`*_[\]<>^~#|]|&(?=#?[A-Za-z0-9]+;)|(?<![\p{L}\p{N}_])@/gu;

/**
 * Escapes one line of text for Markdown (see the module comment). `$` is
 * escaped only when there are two of them to pair up as pandoc math, and
 * parentheses only when they do not nest, so ordinary prose keeps its look:
 * `Q&A`, `$33m`, `x@y.com`, `(Reuters)`.
 */
export function escapeMarkdownText(text: string): string {
  const line = oneLine(text);
  let escaped = line.replace(SPECIAL, '\\$&');
  // A stray parenthesis would close a citation's `(…)` early when the note is read back.
  if (!parenthesesNest(line)) escaped = escaped.replace(/[()]/g, '\\$&');
  return escaped.indexOf('$') !== escaped.lastIndexOf('$') ? escaped.replace(/\$/g, '\\$$') : escaped;
}

/** Whether every `(` of a line is closed by a later `)` and no `)` closes nothing. */
function parenthesesNest(line: string): boolean {
  let depth = 0;
  for (const ch of line) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** The characters `escapeMarkdownText` may put a backslash before. */
const ESCAPED = /\\([\\`*_[\]<>^~#|&@$!"'()+\-.:{}=])/g;

/** Undoes backslash escapes of ASCII punctuation, as Markdown readers do (for reading a note back). */
export function unescapeMarkdownText(text: string): string {
  return text.replace(ESCAPED, '$1');
}
