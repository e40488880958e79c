import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, sourcebook } from './support/extension';

suite('Activation', () => {
  test('the extension activates lazily and its corpus loads with the two bundled articles', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const events = (extension.packageJSON as { activationEvents: string[] }).activationEvents;

    assert.ok(!events.includes('*'), 'never activates on *');
    assert.ok(events.includes('onLanguage:markdown'));

    const api = await sourcebook();
    assert.equal(extension.isActive, true);
    const corpus = api.services.corpus.current;
    const bundled = corpus.articles().filter((article) => article.bundled);
    assert.deepEqual(bundled.map((article) => article.id).sort(), [
      'alibaba-ai-gamble-qwen',
      'alibaba-qwen-shareholders',
    ]);
    assert.ok(corpus.stats().passages > 50, 'the articles are split into passages');
  });

  test('bundled articles open read-only as Markdown', async () => {
    await sourcebook();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('sourcebook.openArticle', {
      articleId: 'alibaba-ai-gamble-qwen',
      sectionIndex: 1,
    });
    assert.ok(editor, 'openArticle returns the editor');
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(editor.document.uri.scheme, 'sourcebook');
    assert.equal(
      editor.document.lineAt(editor.selection.start.line).text,
      '## Why Is Alibaba Sacrificing Short-Term Profits for AI?',
    );
    // Served by a read-only file system: nothing can be written back to the article.
    assert.equal(vscode.workspace.fs.isWritableFileSystem('sourcebook'), false);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 0), 'x');
    await vscode.workspace.applyEdit(edit);
    assert.equal(await editor.document.save(), false, 'saving an article is refused');
    const onDisk = readFileSync(join(extension.extensionPath, 'corpus', 'alibaba-ai-gamble-qwen.md'), 'utf8');
    assert.ok(onDisk.startsWith('---\nid: alibaba-ai-gamble-qwen'), 'the corpus file is unchanged');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
