import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { isCslStyle, type CslStyle } from '../../core/citations';
import type { Services } from '../services';
import { Commands } from '../commandIds';
import { styleInForce } from '../quotes/citationStyleSetting';
import { exportActiveNote } from './exportNoteCommand';
import { citationsPlugin } from './markdownItCitations';

/**
 * The Markdown preview and *Export Note…*. The preview: what `activate` returns as `extendMarkdownIt`, which
 * VS Code's built-in Markdown extension calls because package.json sets
 * `markdown.markdownItPlugins`. Pandoc citations are formatted in the
 * configured CSL style (`sourcebook.citation.style` when it is APA, Chicago or
 * MLA, else Chicago author-date, pandoc's own default).
 */
export function activatePreview(services: Services): { extendMarkdownIt: (md: MarkdownIt) => MarkdownIt } {
  const style = (): CslStyle => {
    const { style: configured } = styleInForce();
    return isCslStyle(configured) ? configured : 'chicago';
  };
  services.context.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportNote, exportActiveNote),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sourcebook.citation.style'))
        void vscode.commands.executeCommand('markdown.preview.refresh');
    }),
  );
  return {
    extendMarkdownIt: (md) => {
      citationsPlugin(md, { article: (id) => services.corpus.current.article(id), style });
      return md;
    },
  };
}
