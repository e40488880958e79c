import * as vscode from 'vscode';
import { isExpectedSkip } from '../../core/preparedFile';
import { Commands } from '../commandIds';
import type { LoadState } from '../corpus/corpusService';
import { trustedMarkdown } from '../hover/entityHoverProvider';
import { SafeMarkdown } from '../hover/safeMarkdown';
import { chooseCitationStyle, describeStyle, styleInForce, styleName } from '../quotes/citationStyleSetting';
import type { Services } from '../services';
import { isNote } from '../notes';

/**
 * The status bar item, as rust-analyzer has one: the corpus' size and state
 * (loading with its progress, ready, problems, failed) and the citation style
 * of the note in front. Its tooltip links to the log, a reload, the corpus
 * folders and the style choice; clicking it shows the log.
 */
export function activateStatus(services: Services): void {
  const { corpus, context } = services;
  const item = vscode.window.createStatusBarItem('sourcebook.status', vscode.StatusBarAlignment.Left, 0);
  item.name = 'Sourcebook';
  item.command = Commands.showLog;

  const update = () => {
    const state = corpus.loadState;
    const editor = vscode.window.activeTextEditor;
    const note = editor && isNote(editor.document, corpus.current) ? editor.document.uri : undefined;
    const style = styleInForce(note);
    const size = corpus.current.size;
    const problems = corpus.fileProblems().filter((problem) => !isExpectedSkip(problem));
    const skipped = problems.filter((problem) => problem.outcome === 'skipped').length;
    item.text = `${statusIcon(state, skipped)} ${statusText(state, size)} · ${styleName(style.style)}`;
    item.backgroundColor = state.kind === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;

    const tip = new SafeMarkdown().markup('**Sourcebook**\n\n');
    tip.text(stateSentence(state, size, problems.length, skipped)).markup('\n\n');
    tip.text(`Citation style: ${describeStyle(style)}`).markup('\n\n');
    tip.commandLink('Show Log', Commands.showLog).markup(' · ');
    tip.commandLink('Reload Corpus', Commands.reloadCorpus).markup(' · ');
    tip.commandLink('Configure Corpus Folders', Commands.configureCorpusPaths).markup(' · ');
    tip.commandLink('Choose Citation Style', Commands.chooseCitationStyle);
    item.tooltip = trustedMarkdown(tip);
    item.show();
  };

  context.subscriptions.push(
    item,
    corpus.onDidChangeLoadState(update),
    corpus.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sourcebook.citation.style')) update();
    }),
    vscode.commands.registerCommand(Commands.chooseCitationStyle, async () => {
      const editor = vscode.window.activeTextEditor;
      await chooseCitationStyle(editor && isNote(editor.document, corpus.current) ? editor.document.uri : undefined);
    }),
  );
  update();
}

function statusIcon(state: LoadState, skipped: number): string {
  switch (state.kind) {
    case 'loading':
      return '$(sync~spin)';
    case 'failed':
      return '$(error)';
    case 'ready':
      return skipped > 0 ? '$(warning)' : '$(book)';
  }
}

function statusText(state: LoadState, size: number): string {
  switch (state.kind) {
    case 'loading':
      return state.total > 0 ? `Loading ${Math.floor((state.done / state.total) * 100)}%` : 'Loading corpus';
    case 'failed':
      return 'Corpus failed to load';
    case 'ready':
      return `${size.toLocaleString('en')} article${size === 1 ? '' : 's'}`;
  }
}

function stateSentence(state: LoadState, size: number, problems: number, skipped: number): string {
  switch (state.kind) {
    case 'loading':
      return state.total > 0
        ? `Loading the corpus: ${state.done.toLocaleString('en')} of ${state.total.toLocaleString('en')} files read.`
        : 'Loading the corpus.';
    case 'failed':
      return `The corpus could not be loaded: ${state.message}`;
    case 'ready': {
      const files =
        problems === 0
          ? 'every file read.'
          : `${skipped} file${skipped === 1 ? '' : 's'} skipped, ${problems - skipped} read best-effort (see Show Log).`;
      return `${size.toLocaleString('en')} article${size === 1 ? '' : 's'} loaded; ${files}`;
    }
  }
}
