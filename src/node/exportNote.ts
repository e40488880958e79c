import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { cslStyleXml, type CslStyle } from '../core/citations';
import { REFERENCE_HEADINGS } from '../core/quotes';

export const EXPORT_FORMATS = ['docx', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** How to get pandoc, for the message shown when it is missing. */
export const PANDOC_MISSING =
  'pandoc is not installed, and exporting a note needs it: install it (Debian/Ubuntu: sudo apt-get install pandoc; macOS: brew install pandoc; Windows: winget install JohnMacFarlane.Pandoc; or see https://pandoc.org/installing.html) and try again';

/** Whether pandoc can be run, and its version line. */
export function pandocVersion(): string | undefined {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

/**
 * Exports a note with pandoc and its citeproc, run in the note's folder so
 * the front matter's `bibliography:` resolves as it does for the user:
 * pandoc citations are formatted in `style` (APA, Chicago author-date or
 * MLA, from the CSL files Sourcebook ships) with the reference list at the
 * end, under the style's heading (References, Works Cited). Returns the file written (`NOTE.<format>` beside the note unless
 * `output` is given). Throws with a message saying what to do when pandoc is
 * missing or fails (a PDF needs a LaTeX engine).
 */
export function exportNote(
  notePath: string,
  format: ExportFormat,
  options: { readonly output?: string; readonly style?: CslStyle } = {},
): string {
  if (!pandocVersion()) throw new Error(PANDOC_MISSING);
  const note = resolve(notePath);
  const output = resolve(options.output ?? join(dirname(note), `${basename(note, extname(note))}.${format}`));
  const scratch = mkdtempSync(join(tmpdir(), 'sourcebook-export-'));
  try {
    const csl = join(scratch, `${options.style ?? 'chicago'}.csl`);
    writeFileSync(csl, cslStyleXml(options.style ?? 'chicago'));
    // Without a LaTeX engine, a PDF is printed from pandoc's HTML by Chromium when it is installed.
    const viaBrowser = format === 'pdf' && !hasLatex() ? chromium() : undefined;
    const target = viaBrowser ? join(scratch, 'note.html') : output;
    // The reference list under the heading the style gives it, as the note's own lists have.
    const heading = REFERENCE_HEADINGS[options.style ?? 'chicago'];
    const args = [basename(note), '--citeproc', '--csl', csl, '--standalone', '-o', target];
    args.push('--metadata', `reference-section-title=${heading}`);
    if (format === 'html' || viaBrowser) args.push('--metadata', `pagetitle=${basename(note, extname(note))}`);
    const result = spawnSync('pandoc', args, { cwd: dirname(note), encoding: 'utf8' });
    if (result.error) throw new Error(`pandoc could not be run: ${result.error.message}`);
    if (result.status !== 0) {
      const reason = result.stderr.trim() || `exit code ${result.status}`;
      const hint =
        format === 'pdf' && /pdflatex|latex|engine/i.test(reason)
          ? ' (a PDF needs a LaTeX engine: sudo apt-get install texlive-latex-recommended, or export to docx or html)'
          : '';
      throw new Error(`pandoc could not export ${basename(note)}: ${reason}${hint}`);
    }
    if (viaBrowser) {
      const printed = spawnSync(
        viaBrowser,
        ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${output}`, '--no-pdf-header-footer', target],
        { encoding: 'utf8', timeout: 60_000 },
      );
      if (printed.status !== 0)
        throw new Error(`Chromium could not print ${basename(note)} to PDF: ${printed.stderr.trim()}`);
    }
    return output;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function hasLatex(): boolean {
  return ['pdflatex', 'xelatex', 'lualatex'].some(onPath);
}

function chromium(): string | undefined {
  return ['chromium', 'chromium-browser', 'google-chrome'].find(onPath);
}
