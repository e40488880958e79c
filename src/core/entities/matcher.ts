import type { Mention } from './types';

/** One name to look for, and the entity it stands for. */
export interface AliasEntry {
  readonly alias: string;
  readonly entityId: string;
  /** Match only with this exact capitalization. */
  readonly caseSensitive: boolean;
}

interface TrieNode {
  /** How many characters of an alias lead here. */
  readonly depth: number;
  next?: Map<number, TrieNode>;
  /** Aliases that end here, in priority order (the first added wins a tie). */
  entries?: AliasEntry[];
  /** Aliases through here not yet placed in `next` or `entries`: the trie grows where text leads it. */
  pending?: AliasEntry[];
}

const SPACE = 32;
/** How far back from a match the URL check looks for the start of the URL. */
const URL_LOOKBACK = 2048;

/**
 * Finds entity names in text in one left-to-right pass, with a character
 * trie of every alias rather than a regular expression per alias: at each
 * word start it follows the trie as far as the text allows and keeps the
 * longest alias that ends on a word boundary ("Alibaba Cloud" over
 * "Alibaba"), then resumes after it. Case is folded except for aliases
 * marked case-sensitive; runs of whitespace, curly apostrophes and
 * non-breaking hyphens match their plain forms. Names inside URLs are not
 * mentions. The cost is linear in the text times the longest alias.
 *
 * The trie is built lazily: an added alias waits at the root, and a node
 * sorts the aliases through it into its children the first time a scan
 * reaches it. Making a matcher of tens of thousands of names is then a list
 * of them, and a scan builds only the branches its text walks.
 */
export class AliasMatcher {
  private readonly root: TrieNode = { depth: 0 };
  private longest = 0;
  /** By UTF-16 code: 1 if a case-sensitive alias starts with it, 2 if a case-folded one starts with its folded form. */
  private readonly starts = new Uint8Array(65536);

  constructor(entries: Iterable<AliasEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  /** Adds an alias; a second alias with the same folded text and entity is ignored. */
  add(entry: AliasEntry): void {
    const alias = normalizeName(entry.alias);
    if (alias === '' || !isWordChar(alias.charCodeAt(0))) return;
    (this.root.pending ??= []).push({ entityId: entry.entityId, caseSensitive: entry.caseSensitive, alias });
    this.longest = Math.max(this.longest, alias.length);
    const first = alias.charCodeAt(0);
    const at = entry.caseSensitive ? first : fold(first);
    this.starts[at] = (this.starts[at] ?? 0) | (entry.caseSensitive ? 1 : 2);
  }

  /** The length of the longest alias: a mention never spans more (plus extra whitespace). */
  get maxAliasLength(): number {
    return this.longest;
  }

  /** Every mention in `text[from, to)`, left to right, never overlapping. */
  scan(text: string, from = 0, to = text.length): Mention[] {
    const mentions: Mention[] = [];
    this.each(
      text,
      (entityId, start, end) => mentions.push({ entityId, start, end, text: text.slice(start, end) }),
      from,
      to,
    );
    return mentions;
  }

  /** Calls `found` for every mention in `text[from, to)`, as `scan` finds them, without building objects. */
  each(text: string, found: (entityId: string, start: number, end: number) => void, from = 0, to = text.length): void {
    let i = from;
    let previousIsWord = i > 0 && isWordChar(text.charCodeAt(i - 1));
    while (i < to) {
      const code = text.charCodeAt(i);
      const isWord = isWordChar(code);
      if (!isWord || previousIsWord) {
        previousIsWord = isWord;
        i++;
        continue;
      }
      const starts = (this.starts[code] ?? 0) | ((this.starts[fold(code)] ?? 0) & 2);
      const end = starts ? this.longestAt(text, i, to) : -1;

      if (end !== -1 && !insideUrl(text, i)) {
        found(this.matchedId, i, end);
        i = end;
        previousIsWord = true;
      } else {
        previousIsWord = true;
        i++;
      }
    }
  }

  /**
   * The mention that covers `offset`, looking only near it: the cost does not
   * grow with the length of the text, so a megabyte-long line answers at once.
   */
  mentionAt(text: string, offset: number): Mention | undefined {
    const reach = 2 * this.longest + 2;
    const from = Math.max(0, offset - reach);
    const to = Math.min(text.length, offset + reach);
    let touching: Mention | undefined;
    for (const mention of this.scan(text, from, to)) {
      if (mention.start > offset) break;
      if (offset < mention.end) return mention;
      if (offset === mention.end) touching = mention;
    }
    return touching;
  }

  /** The entity of the last match `longestAt` found. */
  private matchedId = '';

  /** Where the longest alias at `start` ends (its entity in `matchedId`), or -1. */
  private longestAt(text: string, start: number, to: number): number {
    let node: TrieNode | undefined = grown(this.root);
    let best = -1;
    let j = start;
    while (j < to && node?.next) {
      const code = fold(text.charCodeAt(j));
      // A run of whitespace in the text matches the single space of an alias.
      if (code === SPACE && j > start && fold(text.charCodeAt(j - 1)) === SPACE) {
        j++;
        continue;
      }
      node = node.next.get(code);
      if (node) grown(node);
      j++;
      if (node?.entries && (j >= text.length || !isWordChar(text.charCodeAt(j)))) {
        const entry = pick(node.entries, text, start, j);
        if (entry) {
          best = j;
          this.matchedId = entry.entityId;
        }
      }
    }
    return best;
  }
}

/**
 * Places a node's pending aliases: those that end here join its entries (in
 * the order added, the same entity and folded text once), the rest go to the
 * child of their next character, to be placed when a scan reaches it.
 */
function grown(node: TrieNode): TrieNode {
  const pending = node.pending;
  if (!pending) return node;
  delete node.pending;
  for (const entry of pending) {
    if (entry.alias.length === node.depth) {
      const entries = (node.entries ??= []);
      if (!entries.some((e) => e.entityId === entry.entityId && sameFold(e, entry))) entries.push(entry);
      continue;
    }
    const code = fold(entry.alias.charCodeAt(node.depth));
    node.next ??= new Map();
    let child = node.next.get(code);
    if (!child) node.next.set(code, (child = { depth: node.depth + 1 }));
    (child.pending ??= []).push(entry);
  }
  return node;
}

/** Whether two aliases of one node (one folded text) are the same name to match: both folded, or the same exact text. */
function sameFold(a: AliasEntry, b: AliasEntry): boolean {
  return a.caseSensitive === b.caseSensitive && (!a.caseSensitive || a.alias === b.alias);
}

/**
 * A case-sensitive alias must match exactly, except on a line with no
 * lower-case letter (a headline, a dateline: "LONDON", "NEW YORK"), where
 * every name is in capitals; there a short acronym ("AN", "IT") is a word
 * like any other and does not match. Otherwise the first alias added wins.
 */
function pick(entries: readonly AliasEntry[], text: string, start: number, end: number): AliasEntry | undefined {
  let exact: string | undefined;
  let loose: AliasEntry | undefined;
  let capitals: boolean | undefined;
  const onCapitalLine = () => (capitals ??= isCapitalLine(text, start, end));
  for (const entry of entries) {
    if (!entry.caseSensitive) {
      loose ??= entry;
      continue;
    }
    exact ??=
      end - start === entry.alias.length && text.startsWith(entry.alias, start)
        ? entry.alias
        : normalizeName(text.slice(start, end));
    if (exact === entry.alias) {
      if (entry.alias.length <= 2 && onCapitalLine()) continue;
      return entry;
    }
    if (entry.alias.length > 2 && !hasLower(exact) && onCapitalLine()) return entry;
  }
  return loose;
}

/** How far either way the capital-line check looks: a longer line is prose. */
const LINE_REACH = 400;

/** Whether the line around `[start, end)` has letters but no lower-case one. */
function isCapitalLine(text: string, start: number, end: number): boolean {
  let from = start;
  const stop = Math.max(0, start - LINE_REACH);
  while (from > stop && text.charCodeAt(from - 1) !== 10) from--;
  let to = end;
  const limit = Math.min(text.length, end + LINE_REACH);
  while (to < limit && text.charCodeAt(to) !== 10) to++;
  if ((from === stop && stop > 0) || (to === limit && limit < text.length)) return false;
  return !hasLower(text.slice(from, to));
}

function hasLower(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) return true;
    if (code >= 128 && /\p{Ll}/u.test(text.charAt(i))) return true;
  }
  return false;
}

/** Whether the name at `start` is part of a URL or an e-mail address (`https://www.alibaba.com`). */
function insideUrl(text: string, start: number): boolean {
  let i = start - 1;
  const stop = Math.max(0, start - URL_LOOKBACK);
  while (i >= stop && !isSpace(text.charCodeAt(i))) i--;
  const prefix = text.slice(i + 1, start);
  return prefix.includes('://') || prefix.includes('@') || /^[<([]?www\./i.test(prefix) || /\]\(www\./i.test(prefix);
}

/** Trims, collapses whitespace and straightens apostrophes and hyphens, keeping case. */
export function normalizeName(name: string): string {
  if (!NEEDS_NORMALIZING.test(name)) return name;
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2010\u2011]/g, '-');
}

/** What `normalizeName` would change: whitespace at either end, in a run or other than a space; curly apostrophes; Unicode hyphens. */
const NEEDS_NORMALIZING = /^\s|\s$|\s\s|[^\S ]|[\u2018\u2019\u2010\u2011]/;

/** Characters `foldString` must look at one by one: tabs and line breaks, and anything beyond ASCII. */
const NOT_PLAIN_ASCII = /[\t\n\r]|[^ -~]/;

/** `normalizeName` with case folded the way the matcher folds it. */
export function foldString(name: string): string {
  if (!NOT_PLAIN_ASCII.test(name)) return name.toLowerCase();
  let folded = '';
  for (let i = 0; i < name.length; i++) folded += String.fromCharCode(fold(name.charCodeAt(i)));
  return folded;
}

const lowerCache = new Map<number, number>();

/** Folds one UTF-16 code unit: lower case, whitespace to space, curly apostrophes and hyphens to plain. */
function fold(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code < 128) return code === 9 || code === 10 || code === 13 ? SPACE : code;
  if (code === 0xa0 || code === 0x2009 || code === 0x202f) return SPACE;
  if (code === 0x2018 || code === 0x2019) return 39;
  if (code === 0x2010 || code === 0x2011) return 45;
  let lower = lowerCache.get(code);
  if (lower === undefined) {
    const folded = String.fromCharCode(code).toLowerCase();
    lower = folded.length === 1 ? folded.charCodeAt(0) : code;
    lowerCache.set(code, lower);
  }
  return lower;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Letters and digits (any script); `_` is not, so Markdown `_Qwen_` still has a mention. */
export function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return WORD.test(String.fromCharCode(code));
}

function isSpace(code: number): boolean {
  return code === SPACE || code === 9 || code === 10 || code === 13 || code === 0xa0;
}
