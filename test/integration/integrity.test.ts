import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceCheckResult } from '../../src/vscode/integrity/checkQuotesInWorkspace';
import { quickFixes, sourcebook, waitFor } from './support/extension';

const ARTICLE = 'alibaba-ai-gamble-qwen';
const EXACT =
  'Alibaba is transforming from an e-commerce giant into an artificial intelligence powerhouse, and the stock market is taking notice.';
const SOURCE = 'Developer adoption of the Qwen model suite grew by 150 percent over the last six months';
const ALTERED = SOURCE.replace('150 percent', '15 percent');

const NOTE = [
  '# Quotes',
  '',
  `> "${EXACT}"[^${ARTICLE}]`,
  '',
  `> "${ALTERED}." [@${ARTICLE}]`,
  '',
  `[^${ARTICLE}]: FrontierNews.ai, "Alibaba's AI Gamble Is Paying Off", 2026.`,
  '',
].join('\n');

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sourcebook');

/** Notes written for a test, removed after it. */
const written: vscode.Uri[] = [];

/**
 * Opens a note with `content` in an editor. Each is a file of its own: an
 * untitled document may be handed the name, and even the text, of one
 * closed a moment before.
 */
async function openNote(content: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = vscode.Uri.file(join(tmpdir(), `sourcebook-integrity-${process.pid}-${Date.now()}-${written.length}.md`));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  written.push(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.getText(), content);
  return { document, editor: await vscode.window.showTextDocument(document) };
}

suite('Quote integrity', () => {
  suiteSetup(() => sourcebook());
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const uri of written.splice(0)) await vscode.workspace.fs.delete(uri);
  });

  test('warns on the altered quote only; the quick fix clears it and undo brings it back', async () => {
    const { document, editor } = await openNote(NOTE);
    const quoteStart = NOTE.indexOf(`"${ALTERED}`);
    const altered = new vscode.Range(
      document.positionAt(quoteStart),
      document.positionAt(quoteStart + ALTERED.length + 3),
    );
    const [warning, ...others] = await waitFor(
      'the misquote warning',
      () => ours(document.uri).some((d) => d.range.isEqual(altered)) && ours(document.uri),
    );
    assert.deepEqual(others, []);
    assert.ok(warning);
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.code, 'misquote');
    assert.match(
      warning.message,
      /^Quote does not match the source\. In "Alibaba's AI Gamble Is Paying Off.*" § Why Is Alibaba Sacrificing Short-Term Profits for AI\?: the source says "[^"]+", the quote says "[^"]+"\.$/,
    );
    assert.equal(warning.relatedInformation?.[0]?.location.uri.scheme, 'sourcebook');

    const actions = await quickFixes(document.uri, warning.range, 'Replace with source text');
    const fixes = actions.filter((action) => action.title === 'Replace with source text');
    assert.equal(fixes.length, 1);
    const [fix] = fixes;
    assert.ok(fix?.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(editor.document.getText(), NOTE.replace(ALTERED, SOURCE));
    await waitFor('the warning to clear', () => ours(document.uri).length === 0, 20_000);

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), NOTE);
    const [back] = await waitFor(
      'the warning to return',
      () => ours(document.uri).length > 0 && ours(document.uri),
      20_000,
    );
    assert.ok(back);
    assert.ok(back.range.isEqual(warning.range));
  });

  test('reports a citation of an unknown article as an error', async () => {
    const content = '> "Words nobody wrote." [@no-such-article]\n';
    const { document } = await openNote(content);
    const [error, ...others] = await waitFor(
      'an error',
      () => ours(document.uri).some((d) => d.code === 'unknown-article') && ours(document.uri),
    );
    assert.deepEqual(others, []);
    assert.ok(error);
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /cites an unknown article/);
    assert.ok(error.range.isEqual(new vscode.Range(0, content.indexOf('[@'), 0, content.indexOf(']') + 1)));
  });

  test('turning sourcebook.integrity.enabled off clears the problems, and on brings them back', async () => {
    const { document } = await openNote(NOTE);
    const config = () => vscode.workspace.getConfiguration('sourcebook');
    await waitFor('the misquote warning', () => ours(document.uri).some((d) => d.code === 'misquote'));
    try {
      await config().update('integrity.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor('the problems to clear', () => ours(document.uri).length === 0);
      await config().update('integrity.enabled', true, vscode.ConfigurationTarget.Global);
      await waitFor('the problems to return', () => ours(document.uri).some((d) => d.code === 'misquote'));
    } finally {
      await config().update('integrity.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('checks every Markdown note of the workspace with Check Quotes in Workspace', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const note = vscode.Uri.joinPath(folder.uri, `integrity-check-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(NOTE));
    try {
      const result = await vscode.commands.executeCommand<WorkspaceCheckResult>('sourcebook.checkQuotesInWorkspace');
      assert.ok(result.notes >= 2, `notes checked: ${result.notes}`);
      assert.ok(result.misquotes >= 1);
      const diagnostics = ours(note);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range.start.line]),
        [['misquote', 4]],
      );
    } finally {
      await vscode.workspace.fs.delete(note);
    }
    await waitFor("the deleted note's problems to go", () => ours(note).length === 0);
  });
});
