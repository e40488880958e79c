import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyEdits, renderQuote } from '../../src/core/quotes';
import type { SourcebookApi } from '../../src/extension';
import type { ArticleNode } from '../../src/vscode/topics/topicsNodes';
import { sourcebook as activated, waitFor } from './support/extension';

const ARTICLE = 'alibaba-ai-gamble-qwen';
const PASSAGE = 'alibaba-ai-gamble-qwen#10.0';

suite('Cited by', () => {
  let sourcebook: SourcebookApi;
  let uri: vscode.Uri;

  suiteSetup(async () => {
    sourcebook = await activated();
    const corpus = sourcebook.services.corpus.current;
    const passage = corpus.passage(PASSAGE)!;
    const note = applyEdits(
      '# Cited\n',
      renderQuote('# Cited\n', passage, corpus.article(ARTICLE)!, 'footnote', '# Cited\n'.length).edits,
    );
    // A note in the workspace, found by the first scan or by the file watcher.
    uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'cited-by-probe.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(note));
    await sourcebook.services.citedBy.ready;
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  const notesCiting = () => sourcebook.services.citedBy.citing(ARTICLE).map((n) => n.note);

  test('lists the note under the article it quotes, and opens it at the quote', async () => {
    await waitFor('the note among those citing the article', () => notesCiting().includes(uri.toString()), 15_000);
    assert.equal(await vscode.commands.executeCommand('sourcebook.showCitedBy', { articleId: ARTICLE }), true);
    const roots = sourcebook.citedBy.roots();
    const note = roots.find((n) => n.kind === 'note' && n.uri.toString() === uri.toString());
    assert.ok(note && note.kind === 'note');
    const [place] = await sourcebook.citedBy.getChildren(note);
    assert.ok(place && place.kind === 'place');
    assert.equal(place.place.kind, 'quote');
    const item = sourcebook.citedBy.getTreeItem(place);
    assert.equal(item.description, `line ${place.place.range.start.line + 1}`);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.match(editor.document.getText(editor.selection), /^Open-Source Model Distribution/);
  });

  test('Topics says how many notes cite each article', async () => {
    const groups = await sourcebook.topics.getChildren();
    const article = groups
      .flatMap((g) => (g.kind === 'group' ? [...g.articles] : []))
      .find((a): a is ArticleNode => a.article.id === ARTICLE)!;
    const description = await waitFor(
      'the count in Topics',
      () => {
        const text = String(sourcebook.topics.getTreeItem(article).description);
        return /cited in \d+ notes?$/.test(text) && text;
      },
      15_000,
    );
    assert.match(description, /· cited in [1-9]\d* notes?$/);
  });

  test('an entity lists the notes that quote a passage naming it; a note that stops citing leaves', async () => {
    assert.equal(await vscode.commands.executeCommand('sourcebook.showCitedBy', { entity: 'Qwen' }), true);
    assert.ok(
      sourcebook.citedBy.roots().some((n) => n.kind === 'note' && n.uri.toString() === uri.toString()),
      'the note quotes a passage naming Qwen',
    );
    // Typing the quote away, unsaved, takes the note out of the list after the pause.
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(0, 0, document.lineCount, 0), '# Cited\n\nNothing now.\n'),
    );
    await waitFor('the note to leave', () => !notesCiting().includes(uri.toString()) || undefined, 10_000);
    assert.equal(
      await vscode.commands.executeCommand('sourcebook.showCitedBy', { articleId: 'no-such-article' }),
      false,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the saved note to cite again', () => notesCiting().includes(uri.toString()) || undefined, 10_000);
  });
});
