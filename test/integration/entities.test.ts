import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { entityIndexFor } from '../../src/core/entities';
import type { SourcebookApi } from '../../src/extension';
import type { EntityNode, KindNode, MentioningArticleNode } from '../../src/vscode/entities/entitiesNodes';
import type { GroupNode } from '../../src/vscode/topics/topicsNodes';
import { sourcebook as activated } from './support/extension';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

suite('Entities view', () => {
  let sourcebook: SourcebookApi;
  suiteSetup(async () => {
    sourcebook = await activated();
  });
  teardown(() => vscode.commands.executeCommand('sourcebook.topics.clearFilter'));

  const kinds = async () => (await sourcebook.entities.getChildren()) as KindNode[];
  const entityNamed = async (name: string) => {
    for (const kind of await kinds()) {
      const found = ((await sourcebook.entities.getChildren(kind)) as EntityNode[]).find(
        (node) => node.entity.name === name,
      );
      if (found) return found;
    }
    return undefined;
  };

  test('groups the entities the corpus mentions by kind, companies first', async () => {
    const names = (await kinds()).map((node) => label(sourcebook.entities.getTreeItem(node)));
    assert.equal(names[0], 'Company');
    for (const kind of ['Person', 'Product']) assert.ok(names.includes(kind), `${kind} in ${names.join(', ')}`);
    const company = ((await sourcebook.entities.getChildren((await kinds())[0])) as EntityNode[]).map(
      (node) => node.entity.name,
    );
    for (const name of ['Alibaba', 'Alibaba Cloud', 'PDD Holdings'])
      assert.ok(company.includes(name), `${name} in ${company.join(', ')}`);
  });

  test('lists under an entity the articles that mention it, each opening at the first mention', async () => {
    const qwen = await entityNamed('Qwen');
    assert.ok(qwen);
    assert.match(String(sourcebook.entities.getTreeItem(qwen).description), /^2 articles · \d+ mentions/);
    const articles = (await sourcebook.entities.getChildren(qwen)) as MentioningArticleNode[];
    assert.deepEqual(articles.map((node) => node.articleId).sort(), [
      'alibaba-ai-gamble-qwen',
      'alibaba-qwen-shareholders',
    ]);
    for (const node of articles) {
      const { command } = sourcebook.entities.getTreeItem(node);
      assert.ok(command);
      await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(editor.document.uri.scheme, 'sourcebook');
      const selected = editor.document.getText(editor.selection);
      assert.ok(['Qwen', ...qwen.entity.aliases].includes(selected), `selected "${selected}"`);
      // The first mention: no name of Qwen appears earlier in the article's text (front matter and headings aside).
      const before = editor.document.getText(new vscode.Range(new vscode.Position(0, 0), editor.selection.start));
      const body = before
        .slice(before.indexOf('\n---', 3) + 4)
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .join('\n');
      assert.ok(
        !/\bQwen\b|Tongyi Qianwen/.test(body),
        `an earlier mention before line ${editor.selection.start.line + 1}`,
      );
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show in Entities reveals an entity given by any of its names, or the one under the cursor', async () => {
    assert.equal(await vscode.commands.executeCommand('sourcebook.showInEntities', { entity: 'Tongyi Qianwen' }), true);
    assert.equal(
      await vscode.commands.executeCommand('sourcebook.showInEntities', { entity: 'Nobody In Particular' }),
      false,
    );
    const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Why Qwen matters.\n' });
    const editor = await vscode.window.showTextDocument(note);
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    assert.equal(await vscode.commands.executeCommand('sourcebook.showInEntities'), true);
    editor.selection = new vscode.Selection(0, 1, 0, 1);
    assert.equal(await vscode.commands.executeCommand('sourcebook.showInEntities'), false, 'no entity under "Why"');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the Topics filter finds articles by an entity alias the text never uses', async () => {
    const index = entityIndexFor(sourcebook.services.corpus.current);
    const cloud = index.resolve('Aliyun');
    assert.equal(cloud?.name, 'Alibaba Cloud');
    const expected = index
      .articlesMentioning(cloud.id)
      .map((m) => m.articleId)
      .sort();
    assert.ok(expected.length > 0);
    await vscode.commands.executeCommand('sourcebook.topics.filter', 'Aliyun');
    const shown = new Set(
      ((await sourcebook.topics.getChildren()) as GroupNode[]).flatMap((g) => g.articles.map((a) => a.article.id)),
    );
    assert.deepEqual([...shown].sort(), expected);
  });
});
