import { readNoteText } from '../../node/corpusPaths';
import { type CheckedQuote, checkNoteQuotes, type QuoteProblem } from '../../core/integrity/checkNote';
import type { Corpus } from '../../core/corpus';
import { corpusView } from '../../core/corpusView';
import { citedNames } from '../../core/quotes/citedNames';
import type { CorpusSource } from '../../core/sources';
import { type CheckedNumber, checkNoteNumbers } from '../../core/integrity/checkNumbers';
import type { CliCommand } from '../context';
import { githubAnnotation } from '../githubAnnotations';
import { noteFiles } from '../noteFiles';

/** One entry of `check --json` (product §5): the contract fields, then extras. */
interface CheckEntry {
  readonly file: string;
  /** 1-based line (and column) where the quote, or for an unknown article the citation, starts. */
  readonly line: number;
  readonly column: number;
  readonly severity: QuoteProblem['severity'];
  readonly message: string;
  readonly articleId: string | null;
  /** The source sentence(s) closest to a misquote; null when none is close or the article is unknown. */
  readonly closest: string | null;
  readonly code: QuoteProblem['code'];
  readonly closestPassageId: string | null;
  /** What *Replace with source text* would put between the quote marks. */
  readonly replacement: string | null;
}

/** One entry of `check --json --all`: every cited quote, with its status. */
interface QuoteEntry {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: QuoteProblem['severity'] | 'info';
  readonly status: CheckedQuote['status'] | CheckedNumber['status'];
  readonly message: string;
  readonly articleId: string | null;
  readonly closest: string | null;
  /** What was checked: a quote (numbers in cited sentences are `number`). */
  readonly kind: 'quote' | 'number';
  /** How the quote is cited: footnote, pandoc, intext, text (a dash citation); null when unreadable. */
  readonly citation: string | null;
  /** Confidence in the passage found (1: word for word); null when unresolved. */
  readonly score: number | null;
  readonly code: QuoteProblem['code'] | null;
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check <files or folders…> [--format text|json|github] [--all]',
  summary:
    'check the cited quotes of notes against their sources (exit 1 on a changed, gone or unresolved quote; 0 when only moved)',
  async run({ corpus, options, out, archive }) {
    const archived = archive?.();
    const format = options.format ?? (options.json ? 'json' : 'text');
    if (!['text', 'json', 'github'].includes(format))
      throw new Error(`--format must be text, json or github, not "${format}"`);
    const files = noteFiles(options.positionals, 'check');
    const problems: CheckEntry[] = [];
    const quotes: QuoteEntry[] = [];
    const numbers: QuoteEntry[] = [];
    const all: QuoteEntry[] = [];
    for (const file of files) {
      const text = readNoteText(file);
      const cited = await citedCorpus(corpus(), text, archived);
      const checked = [
        ...checkNoteQuotes(text, cited).map((quote) => ({
          entry: toQuoteEntry(file, quote),
          problem: quote.problem,
        })),
        ...checkNoteNumbers(text, cited).map((number) => ({
          entry: toNumberEntry(file, number),
          problem: number.problem,
        })),
      ].sort((a, b) => a.entry.line - b.entry.line || a.entry.column - b.entry.column);
      for (const { entry, problem } of checked) {
        if (entry.kind === 'quote') quotes.push(entry);
        else numbers.push(entry);
        all.push(entry);
        if (problem) problems.push(toEntry(file, problem));
      }
    }
    if (format === 'json') out(JSON.stringify(options.all ? all : problems, null, 2));
    else {
      if (format === 'github') for (const e of problems) out(githubAnnotation(e));
      else for (const e of problems) out(`${e.file}:${e.line}:${e.column}: ${e.severity}: ${e.message}`);
      out(summary(quotes, files.length));
      if (numbers.length > 0) {
        const wrong = numbers.filter((n) => n.status !== 'match').length;
        out(
          `${numbers.length} number${numbers.length === 1 ? '' : 's'} in cited sentences checked: ${wrong} not in the source`,
        );
      }
    }
    // A moved quote is still the source's words: it is reported, and does not fail the check.
    return problems.every((p) => p.severity === 'information') ? 0 : 1;
  },
};

/**
 * The corpus a note is checked against: the loaded one, and with an archive
 * (`--db`) the archived articles the note may cite that are not loaded —
 * asked for by name, so the archive is never read whole.
 */
async function citedCorpus(loaded: Corpus, note: string, archive: CorpusSource | undefined): Promise<Corpus> {
  if (!archive) return loaded;
  const wanted = citedNames(note).filter((name) => !loaded.article(name));
  const found = await archive.articles(wanted);
  return found.length === 0 ? loaded : corpusView(loaded, found);
}

/** `16 quotes checked in 3 notes: 15 match, 1 misquoted, 0 unresolved` (moved quotes count as matching, and are said). */
function summary(quotes: readonly QuoteEntry[], notes: number): string {
  const count = (statuses: readonly string[]) => quotes.filter((q) => statuses.includes(q.status)).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `${plural(quotes.length, 'quote')} checked in ${plural(notes, 'note')}: ` +
    `${count(['match', 'moved'])} match${count(['moved']) > 0 ? ` (${count(['moved'])} moved)` : ''}, ` +
    `${count(['changed', 'gone'])} misquoted, ${count(['unknown-article', 'unparsed'])} unresolved`
  );
}

function toEntry(file: string, problem: QuoteProblem): CheckEntry {
  return {
    file,
    line: problem.range.start.line + 1,
    column: problem.range.start.character + 1,
    severity: problem.severity,
    message: problem.message,
    articleId: problem.articleId ?? null,
    closest: problem.closest?.text ?? null,
    code: problem.code,
    closestPassageId: problem.closest?.passageId ?? null,
    replacement: problem.fix?.text ?? null,
  };
}

function toQuoteEntry(file: string, quote: CheckedQuote): QuoteEntry {
  return {
    file,
    line: quote.range.start.line + 1,
    column: quote.range.start.character + 1,
    severity: quote.problem?.severity ?? 'info',
    status: quote.status,
    message: quote.problem?.message ?? 'Quote matches its source.',
    articleId: quote.articleId ?? quote.problem?.articleId ?? null,
    closest: quote.problem?.closest?.text ?? null,
    kind: 'quote',
    citation: quote.kind ?? null,
    score: quote.score === undefined ? null : Math.round(quote.score * 1000) / 1000,
    code: quote.problem?.code ?? null,
  };
}

function toNumberEntry(file: string, number: CheckedNumber): QuoteEntry {
  return {
    file,
    line: number.range.start.line + 1,
    column: number.range.start.character + 1,
    severity: number.problem?.severity ?? 'info',
    status: number.status,
    message: number.problem?.message ?? `The source states ${number.text}.`,
    articleId: number.articleId,
    closest: null,
    kind: 'number',
    citation: null,
    score: null,
    code: number.problem?.code ?? null,
  };
}
