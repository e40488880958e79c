import * as vscode from 'vscode';
import type { EntityIndex } from '../../core/entities';
import { KeyedDebouncer } from '../debouncer';

/** Lines longer than this are not decorated (minified text, data): scanning them buys nothing. */
const LONGEST_LINE = 10_000;
/** Lines above and below the visible range that are decorated too, so scrolling a little shows no gap. */
const MARGIN_LINES = 100;
const TYPING_DELAY_MS = 200;
const SCROLL_DELAY_MS = 80;

/**
 * A subtle dotted underline under entity mentions in visible Markdown
 * editors, kept up to date as the user types and scrolls (debounced). Only
 * the visible lines (with a margin) are scanned, one line at a time, with
 * the same matcher as the hover, so what is underlined is what hovers.
 */
export class EntityDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    light: { textDecoration: 'underline dotted rgba(0, 0, 0, 0.4)' },
    dark: { textDecoration: 'underline dotted rgba(255, 255, 255, 0.4)' },
  });
  private readonly pending = new KeyedDebouncer<vscode.TextEditor>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly index: () => EntityIndex,
    private readonly isEnabled: () => boolean,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => this.schedule(textEditor, SCROLL_DELAY_MS)),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        for (const editor of vscode.window.visibleTextEditors)
          if (editor.document === document) this.schedule(editor, TYPING_DELAY_MS);
      }),
    ];
    this.refresh();
  }

  /** Redecorates every visible editor soon (the corpus or the settings changed). */
  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor, 0);
  }

  private schedule(editor: vscode.TextEditor, delay: number): void {
    this.pending.schedule(editor, delay, () => this.decorate(editor));
  }

  private decorate(editor: vscode.TextEditor): void {
    const { document } = editor;
    if (document.isClosed || !vscode.window.visibleTextEditors.includes(editor)) return;
    if (!this.isEnabled() || document.languageId !== 'markdown') {
      editor.setDecorations(this.type, []);
      return;
    }
    const index = this.index();
    const ranges: vscode.Range[] = [];
    for (const line of visibleLines(editor)) {
      const text = document.lineAt(line).text;
      if (text.length > LONGEST_LINE) continue;
      for (const mention of index.findMentions(text))
        ranges.push(new vscode.Range(line, mention.start, line, mention.end));
    }
    editor.setDecorations(this.type, ranges);
  }

  dispose(): void {
    this.pending.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.type.dispose();
  }
}

/** The line numbers of the editor's visible ranges and a margin around them, each once, in order. */
function visibleLines(editor: vscode.TextEditor): number[] {
  const last = editor.document.lineCount - 1;
  const lines = new Set<number>();
  for (const range of editor.visibleRanges) {
    const from = Math.max(0, range.start.line - MARGIN_LINES);
    const to = Math.min(last, range.end.line + MARGIN_LINES);
    for (let line = from; line <= to; line++) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}
