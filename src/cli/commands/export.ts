import { isCslStyle } from '../../core/citations';
import { EXPORT_FORMATS, exportNote, isExportFormat } from '../../node/exportNote';
import type { CliCommand } from '../context';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export NOTE.md --to docx|html|pdf [--style apa|chicago|mla] [-o FILE]',
  summary: 'export a note through pandoc with citeproc: formatted citations and the reference list',
  run({ options, out }) {
    const [note, ...rest] = options.positionals;
    if (!note || rest.length > 0) throw new Error('export needs one note, e.g. `sourcebook export note.md --to docx`');
    if (!isExportFormat(options.to)) throw new Error(`--to must be one of ${EXPORT_FORMATS.join(', ')}`);
    const style = options.style ?? 'chicago';
    if (!isCslStyle(style as never)) throw new Error('--style must be one of apa, chicago, mla for an export');
    const written = exportNote(note, options.to, {
      style: style as 'apa' | 'chicago' | 'mla',
      ...(options.output === undefined ? {} : { output: options.output }),
    });
    out(options.json ? JSON.stringify({ file: written, format: options.to }) : written);
    return 0;
  },
};
