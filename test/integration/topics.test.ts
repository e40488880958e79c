import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { articleText } from '../../src/core/articleText';
import { formatReference } from '../../src/core/citations';
import type { SourcebookApi } from '../../src/extension';
import type { ArticleNode, GroupNode, SectionNode, TopicsNode } from '../../src/vscode/topics/topicsNodes';
import { sourcebook as activated, waitFor } from './support/extension';

const BUNDLED = ['alibaba-ai-gamble-qwen', 'alibaba-qwen-shareholders'];

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

suite('Topics view', () => {
  let sourcebook: SourcebookApi;
  suiteSetup(async () => {
    sourcebook = await activated();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('sourcebook.topics.clearFilter');
    await vscode.commands.executeCommand('sourcebook.topics.groupByTopic');
  });

  const roots = async () => (await sourcebook.topics.getChildren()) as GroupNode[];
  const articleIds = async () =>
    new Set((await roots()).flatMap((group) => group.articles.map((node) => node.article.id)));

  test('the root children are the topics of the bundled corpus, with their article counts', async () => {
    const topics = (await roots()).map((node) => {
      const item = sourcebook.topics.getTreeItem(node);
      return [label(item), item.description, item.contextValue];
    });
    assert.deepEqual(topics, [
      ['Artificial intelligence', '2 articles', 'sourcebook.topic'],
      ['China tech', '2 articles', 'sourcebook.topic'],
      ['Chips and export controls', '1 article', 'sourcebook.topic'],
      ['Cloud computing', '2 articles', 'sourcebook.topic'],
      ['E-commerce', '1 article', 'sourcebook.topic'],
      ['Markets and investing', '2 articles', 'sourcebook.topic'],
    ]);
  });

  test('expanding reaches every section heading of every article', async () => {
    for (const group of await roots()) {
      for (const article of (await sourcebook.topics.getChildren(group)) as ArticleNode[]) {
        const item = sourcebook.topics.getTreeItem(article);
        assert.equal(item.contextValue, 'sourcebook.article');
        assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
        assert.match(String(item.description), / · /);
        const sections = (await sourcebook.topics.getChildren(article)) as SectionNode[];
        const source = articleText(sourcebook.services.corpus.current.article(article.article.id)!).text;
        // Every `##`-or-deeper heading in the file; the `#` title heading is the article itself.
        const headings = source
          .split('\n')
          .flatMap((line, i) => (/^#{2,6} /.test(line) ? [{ title: line.replace(/^#+ /, ''), line: i + 1 }] : []));
        assert.ok(headings.length > 0);
        assert.deepEqual(
          sections.map((node) => ({ title: label(sourcebook.topics.getTreeItem(node)), line: node.section.line })),
          headings,
          `sections of ${article.article.id}`,
        );
        for (const section of sections)
          assert.equal(sourcebook.topics.getTreeItem(section).contextValue, 'sourcebook.section');
      }
    }
  });

  test('shows the same tree as `sourcebook topics --json`', async () => {
    const extensionPath = vscode.extensions.getExtension('sourcebook.sourcebook')!.extensionPath;
    const cli = JSON.parse(
      execFileSync(process.execPath, [join(extensionPath, 'dist', 'cli.js'), 'topics', '--json'], { encoding: 'utf8' }),
    ) as unknown[];
    const view = [];
    for (const group of await roots()) {
      const articles = [];
      for (const node of (await sourcebook.topics.getChildren(group)) as ArticleNode[]) {
        const sections = (await sourcebook.topics.getChildren(node)) as SectionNode[];
        articles.push({
          ...node.article,
          title: label(sourcebook.topics.getTreeItem(node)),
          sections: sections.map((section) => ({
            ...section.section,
            title: label(sourcebook.topics.getTreeItem(section)),
          })),
        });
      }
      view.push({
        topic: label(sourcebook.topics.getTreeItem(group)),
        key: group.key,
        description: group.description ?? null,
        articles,
      });
    }
    assert.deepEqual(view, cli);
  });

  test('opening a section shows the article read-only as Markdown, with the heading selected', async () => {
    const group = (await roots())[0]!;
    const article = ((await sourcebook.topics.getChildren(group)) as ArticleNode[])[0]!;
    const section = ((await sourcebook.topics.getChildren(article)) as SectionNode[])[1]!;
    const { command } = sourcebook.topics.getTreeItem(section);
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const { document } = editor;
    assert.equal(document.uri.scheme, 'sourcebook');
    assert.equal(document.languageId, 'markdown');
    assert.equal(editor.selection.start.line, section.section.line - 1);
    assert.equal(document.lineAt(editor.selection.start.line).text, `## ${section.section.title}`);
    // Typing (the keyboard's path into the editor) and an editor edit change nothing.
    const before = document.getText();
    await vscode.commands.executeCommand('type', { text: 'typed by accident' });
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'typed by accident'));
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Copy Citation puts the reference of the article, or of the section, in the configured style on the clipboard', async () => {
    const group = (await roots())[0]!;
    const article = ((await sourcebook.topics.getChildren(group)) as ArticleNode[])[0]!;
    const section = ((await sourcebook.topics.getChildren(article)) as SectionNode[])[0]!;
    const source = sourcebook.services.corpus.current.article(article.article.id)!;
    const config = vscode.workspace.getConfiguration('sourcebook');
    const previous = config.inspect<string>('citation.style')?.workspaceValue;
    try {
      await config.update('citation.style', 'footnote', vscode.ConfigurationTarget.Workspace);
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand('sourcebook.topics.copyCitation', section);
      const copied = await vscode.env.clipboard.readText();
      assert.equal(copied, formatReference(source, 'footnote', source.sections[section.section.index]));
      assert.ok(copied.includes(source.title) && copied.includes(section.section.title), copied);

      await config.update('citation.style', 'pandoc', vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('sourcebook.topics.copyCitation', article);
      assert.equal(await vscode.env.clipboard.readText(), `[@${article.article.id}]`);
    } finally {
      await config.update('citation.style', previous, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('Insert Quote from Here quotes a passage of that section into the note', async () => {
    const group = (await roots())[0]!;
    const article = ((await sourcebook.topics.getChildren(group)) as ArticleNode[])[0]!;
    const section = ((await sourcebook.topics.getChildren(article)) as SectionNode[])[1]!;
    const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(note);
    try {
      let done = false;
      let inserted: { passageId: string } | undefined;
      void vscode.commands
        .executeCommand<typeof inserted>('sourcebook.topics.insertQuoteFromHere', section)
        .then((value) => {
          inserted = value;
          done = true;
        });
      // The search opens limited to the section; accept its first passage as a person pressing Enter would.
      await waitFor(
        'the quote search to settle',
        async () => {
          if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          return done || undefined;
        },
        15_000,
      );
      assert.ok(inserted, 'a passage was inserted');
      const passage = sourcebook.services.corpus.current.passage(inserted.passageId);
      assert.ok(passage, `the inserted passage ${inserted.passageId} is in the corpus`);
      assert.equal(passage.articleId, article.article.id);
      assert.equal(passage.sectionIndex, section.section.index);
      assert.match(note.getText(), new RegExp(`^> "[^]*\\[\\^${article.article.id}(?:\\.[^\\]]+)?\\]`, 'm'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('the filter narrows the tree to matching articles and clearing it brings all back', async () => {
    await vscode.commands.executeCommand('sourcebook.topics.filter', 'DingTalk');
    assert.equal(sourcebook.topics.filter, 'DingTalk');
    assert.deepEqual([...(await articleIds())], ['alibaba-qwen-shareholders']);
    assert.deepEqual(sourcebook.topics.counts(), { shown: 1, total: 2 });
    await vscode.commands.executeCommand('sourcebook.topics.filter', 'yi-tian chips');
    assert.deepEqual([...(await articleIds())], ['alibaba-ai-gamble-qwen']);
    await vscode.commands.executeCommand('sourcebook.topics.filter', 'no article says this');
    assert.deepEqual(await roots(), []);
    await vscode.commands.executeCommand('sourcebook.topics.clearFilter');
    assert.equal(sourcebook.topics.filter, undefined);
    assert.deepEqual([...(await articleIds())].sort(), BUNDLED);
  });

  test('groups by publisher and by date', async () => {
    await vscode.commands.executeCommand('sourcebook.topics.groupByPublisher');
    assert.deepEqual(
      (await roots()).map((g) => [g.label, g.articles.length]),
      [
        ['FrontierNews.ai', 1],
        ['Unknown publisher', 1],
      ],
    );
    await vscode.commands.executeCommand('sourcebook.topics.groupByDate');
    assert.deepEqual(
      (await roots()).map((g) => [g.label, g.articles.length]),
      [
        ['2026', 1],
        ['Undated', 1],
      ],
    );
    await vscode.commands.executeCommand('sourcebook.topics.groupByTopic');
    assert.equal((await roots()).length, 6);
  });

  test('items keep their ids across a refresh, so expansion survives', async () => {
    const ids = async () => {
      const result: (string | undefined)[] = [];
      const walk = async (node?: TopicsNode) => {
        for (const child of await sourcebook.topics.getChildren(node)) {
          result.push(sourcebook.topics.getTreeItem(child).id);
          await walk(child);
        }
      };
      await walk();
      return result;
    };
    const before = await ids();
    assert.equal(new Set(before).size, before.length, 'ids are unique');
    await vscode.commands.executeCommand('sourcebook.topics.refresh');
    assert.deepEqual(await ids(), before);
  });

  test('Show in Topics reveals an article', async () => {
    assert.equal(await vscode.commands.executeCommand('sourcebook.showInTopics', { articleId: BUNDLED[1] }), true);
    await vscode.commands.executeCommand('sourcebook.topics.filter', 'Yi-Tian');
    // Hidden by the filter: the filter gives way.
    assert.equal(await vscode.commands.executeCommand('sourcebook.showInTopics', { articleId: BUNDLED[1] }), true);
    assert.equal(sourcebook.topics.filter, undefined);
  });

  test('adding and then deleting an article in a user corpus folder updates the tree by itself', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sourcebook-user-corpus-'));
    const config = vscode.workspace.getConfiguration('sourcebook');
    const previous = config.inspect<string[]>('corpus.paths')?.workspaceValue;
    try {
      await config.update('corpus.paths', [folder], vscode.ConfigurationTarget.Workspace);
      // The setting change reloads the corpus; the article comes after, through the file watcher.
      await waitFor(
        'the corpus to read the new folder',
        () => sourcebook.services.corpus.folders().some((f) => f.root === folder) || undefined,
        15_000,
      );
      await sourcebook.services.corpus.ready;
      const file = join(folder, 'tariffs.md');
      writeFileSync(
        file,
        '---\nid: user-tariffs\ntitle: Tariffs and Chips\ntopics: [semiconductors]\n---\n\nA note on tariffs.\n\n## Outlook\n\nMore to come.\n',
      );
      const group = await waitFor(
        'the new article in the tree',
        async () => {
          const found = (await roots()).find((g) => g.articles.some((a) => a.article.id === 'user-tariffs'));
          return found;
        },
        15_000,
      );
      assert.equal(group.label, 'Chips and export controls');
      assert.equal(sourcebook.topics.getTreeItem(group).description, '2 articles');
      unlinkSync(file);
      await waitFor(
        'the deleted article to leave the tree',
        async () => !(await articleIds()).has('user-tariffs') || undefined,
        15_000,
      );
    } finally {
      await config.update('corpus.paths', previous, vscode.ConfigurationTarget.Workspace);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
