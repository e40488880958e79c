/**
 * The numbers a text states, normalized so that one quantity written two
 * ways compares equal: `50%` = `50 percent` = `fifty per cent`; `$33 billion`
 * = `33 billion dollars` = `$33bn`; `1.5bn` = `1,500 million`; `Q3` = `third
 * quarter`; `3x` = `three times`. Each keeps how precisely it was written, so
 * `$33 billion` is supported by a source's `$32.7bn` (rounded), not by `$31bn`.
 */

export type NumberUnit = 'percent' | 'money' | 'multiple' | 'quarter' | 'year' | 'count';

/** One number stated in a text. */
export interface NumberMention {
  readonly value: number;
  readonly unit: NumberUnit;
  /** For money: the currency (`$`, `£`, `€`, `¥`), when said. */
  readonly currency?: string;
  /** Half a unit of the last digit written, scaled: how far a source value may be and still round to this one. */
  readonly tolerance: number;
  /** Where it is in the text, and as written. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}; // prettier-ignore
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const WORD_NUMBER = `(?:(?:${TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|${Object.keys(SMALL).join('|')})`;
const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9,
  trillion: 1e12, tn: 1e12, trn: 1e12,
}; // prettier-ignore
const CURRENCY_WORDS: Record<string, string> = {
  dollar: '$', dollars: '$', usd: '$', pound: '£', pounds: '£', gbp: '£', euro: '€', euros: '€', eur: '€',
  yuan: '¥', yen: '¥', renminbi: '¥', rmb: '¥',
}; // prettier-ignore
const ORDINAL_QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const MENTION = new RegExp(
  [
    String.raw`\b(?<quarter>Q[1-4])\b`,
    String.raw`\b(?<ordinal>first|second|third|fourth)[- ]quarter\b`,
    String.raw`(?<sign>US\$|C\$|A\$|HK\$|\$|£|€|¥)\s?(?<money>${NUMBER})(?:\s?(?<moneyScale>hundred|thousand|million|billion|trillion|bn|mn|mln|tn|trn|k|m|b)\b)?`,
    String.raw`(?<![\p{L}\d.,:])(?<number>${NUMBER}|\b${WORD_NUMBER}\b)` +
      String.raw`(?:\s?(?<scale>hundred|thousand|million|billion|trillion|bn|mn|mln|tn|trn|k|m|b)\b)?` +
      String.raw`(?:\s?(?<percent>%|per\s?cent\b|percent\b)|(?<times>x\b|[- ]fold\b|\s(?:times|fold)\b)|\s(?<currency>dollars?|usd|pounds?|gbp|euros?|eur|yuan|yen|renminbi|rmb)\b)?` +
      String.raw`(?![\p{L}\d:])`,
  ].join('|'),
  'giu',
);

/** The numbers `text` states, in order (see the module comment). Pure. */
export function numbersIn(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  MENTION.lastIndex = 0;
  for (let match = MENTION.exec(text); match; match = MENTION.exec(text)) {
    const g = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    const base = { start, end, text: match[0] };
    if (g.quarter || g.ordinal) {
      const value = g.quarter ? Number(g.quarter.slice(1)) : (ORDINAL_QUARTERS[(g.ordinal ?? '').toLowerCase()] ?? 0);
      found.push({ ...base, value, unit: 'quarter', tolerance: 0 });
      continue;
    }
    if (g.money) {
      const scale = scaleOf(g.moneyScale);
      const sign = (g.sign ?? '$').replace(/^(US|C|A|HK)/, '');
      found.push({
        ...base,
        value: parse(g.money) * scale,
        unit: 'money',
        currency: sign,
        tolerance: tolerance(g.money, scale),
      });
      continue;
    }
    const written = g.number;
    if (written === undefined) continue;
    const isWord = !/\d/.test(written);
    // A month's day ("March 14", "14 March") is a date, not a quantity the source must state.
    if (!isWord && nextToMonth(text, start, end)) continue;
    const scale = scaleOf(g.scale);
    // "m" or "b" after a word number ("one m…") is not a scale.
    if (isWord && g.scale && g.scale.length <= 2) continue;
    const value = (isWord ? wordValue(written) : parse(written)) * scale;
    const tol = isWord ? 0 : tolerance(written, scale);
    if (g.percent) found.push({ ...base, value, unit: 'percent', tolerance: tol });
    else if (g.times) found.push({ ...base, value, unit: 'multiple', tolerance: tol });
    else if (g.currency)
      found.push({
        ...base,
        value,
        unit: 'money',
        currency: CURRENCY_WORDS[g.currency.toLowerCase()] ?? '$',
        tolerance: tol,
      });
    else if (!isWord && !g.scale && /^(19|20)\d\d$/.test(written))
      found.push({ ...base, value, unit: 'year', tolerance: 0 });
    else if (isWord && value <= 1)
      continue; // "one of the", "zero-sum": not quantities anyone misquotes
    else found.push({ ...base, value, unit: 'count', tolerance: tol });
  }
  return found;
}

function parse(written: string): number {
  return Number(written.replace(/,/g, ''));
}

function scaleOf(word: string | undefined): number {
  return word ? (SCALES[word.toLowerCase()] ?? 1) : 1;
}

/** Half of the last written digit's place, scaled: "33" ±0.5, "1.5bn" ±0.05bn. */
function tolerance(written: string, scale: number): number {
  const decimals = written.includes('.') ? written.length - written.indexOf('.') - 1 : 0;
  return (0.5 / 10 ** decimals) * scale;
}

function wordValue(written: string): number {
  const parts = written.toLowerCase().split(/[- ]/);
  return parts.reduce((sum, part) => sum + (SMALL[part] ?? 0), 0);
}

const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS})\\.?\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^\\s*(?:${MONTHS})\\b`, 'i');

function nextToMonth(text: string, start: number, end: number): boolean {
  return MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || MONTH_AFTER.test(text.slice(end, end + 12));
}

/**
 * Whether `source` supports `note`: the same kind of quantity (a bare count
 * is supported by any quantity of its value) whose value rounds to the
 * note's as the note writes it.
 */
export function supports(source: NumberMention, note: NumberMention): boolean {
  if (note.unit !== 'count' && source.unit !== note.unit) return false;
  if (note.unit === 'money' && note.currency && source.currency && note.currency !== source.currency) return false;
  return Math.abs(source.value - note.value) <= note.tolerance + 1e-9 * Math.max(1, Math.abs(note.value));
}

/** How a number reads in a message: as the text wrote it. */
export function spoken(mention: NumberMention): string {
  return mention.text.replace(/\s+/g, ' ').trim();
}
