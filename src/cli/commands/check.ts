import { existsSync, readdirSync, statSync } from 'node:fs';
import { readNoteText } from '../../node/corpusPaths';
import { join } from 'node:path';
import { checkNote, type QuoteProblem } from '../../core/integrity/checkNote';
import type { CliCommand } from '../context';
import { githubAnnotation } from '../githubAnnotations';

const NOTE_EXTENSIONS = /\.(md|markdown)$/i;

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

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check <files or folders…> [--format text|json|github]',
  summary: 'check the cited quotes of notes against their sources (exit 1 on a problem)',
  run({ corpus, options, out }) {
    const format = options.format ?? (options.json ? 'json' : 'text');
    if (!['text', 'json', 'github'].includes(format))
      throw new Error(`--format must be text, json or github, not "${format}"`);
    const files = noteFiles(options.positionals);
    const entries: CheckEntry[] = [];
    for (const file of files) {
      for (const problem of checkNote(readNoteText(file), corpus())) entries.push(toEntry(file, problem));
    }
    if (format === 'json') out(JSON.stringify(entries, null, 2));
    else {
      if (format === 'github') for (const e of entries) out(githubAnnotation(e));
      else for (const e of entries) out(`${e.file}:${e.line}:${e.column}: ${e.severity}: ${e.message}`);
      const noted = new Set(entries.map((e) => e.file)).size;
      out(
        entries.length === 0
          ? `Every cited quote matches its source (${files.length} file${files.length === 1 ? '' : 's'} checked).`
          : `${entries.length} problem${entries.length === 1 ? '' : 's'} in ${noted} of ${files.length} file${files.length === 1 ? '' : 's'}.`,
      );
    }
    return entries.length === 0 ? 0 : 1;
  },
};

/** The files to check: each argument, or the Markdown files under an argument that is a folder. Throws for a missing path. */
function noteFiles(paths: readonly string[]): string[] {
  if (paths.length === 0)
    throw new Error('check needs at least one note file or folder, e.g. `sourcebook check notes/*.md`');
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`file not found: ${path}`);
    if (statSync(path).isDirectory()) files.push(...markdownUnder(path));
    else files.push(path);
  }
  return files;
}

function markdownUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownUnder(path));
    else if (entry.isFile() && NOTE_EXTENSIONS.test(entry.name)) found.push(path);
  }
  return found;
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
