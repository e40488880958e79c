import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { articleText } from '../../src/core/articleText';
import { pageAt } from '../../src/core/readers/extracted';
import type { SourcebookApi } from '../../src/extension';
import type { ArticleNode, GroupNode } from '../../src/vscode/topics/topicsNodes';
import { windReportPdf } from '../support/pdfFixtures';
import { EXTENSION_ID, sourcebook, waitFor, keepWorkspaceSettings } from './support/extension';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

suite('Web pages and PDFs in a corpus folder', () => {
  let api: SourcebookApi;
  let folder: string;
  let restoreSettings: () => void;

  suiteSetup(async () => {
    api = await sourcebook();
    folder = mkdtempSync(join(tmpdir(), 'sourcebook-readers-it-'));
    mkdirSync(join(folder, 'saved'));
    const fixtures = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'fixtures', 'html');
    copyFileSync(join(fixtures, 'news-jsonld.html'), join(folder, 'saved', 'cranes.html'));
    copyFileSync(join(fixtures, 'blog-wordpress.html'), join(folder, 'saved', 'reactors.htm'));
    copyFileSync(join(fixtures, 'login.html'), join(folder, 'saved', 'login.html'));
    writeFileSync(join(folder, 'saved', 'wind-report.pdf'), windReportPdf());
    restoreSettings = keepWorkspaceSettings();
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('corpus.paths', [folder], vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    restoreSettings();
    await api.services.corpus.reload();
    rmSync(folder, { recursive: true, force: true });
  });

  const savedGroup = async () =>
    ((await api.topics.getChildren()) as GroupNode[]).find((group) => group.key === 'saved');

  test('shows each page and PDF in the Topics tree with its title, publisher and date', async () => {
    const group = await waitFor(
      'the saved folder in the tree',
      async () => (await savedGroup())?.articles.length === 3 && savedGroup(),
      30_000,
    );
    const rows = group.articles.map((node: ArticleNode) => {
      const item = api.topics.getTreeItem(node);
      return [label(item), String(item.description)];
    });
    rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
    assert.deepEqual(rows, [
      ['Harbour cranes stall as port strike enters second week', 'Coastline Daily · 2026-03-14'],
      ['Offshore wind auction clears at record low price', 'Unknown publisher · 2026-03-11'],
      ['Why small reactors keep missing their deadlines', 'The Grid Notebook · 2025-11-02'],
    ]);
    assert.ok(
      api.services.corpus.current
        .problems()
        .some((p) => p.path.endsWith('login.html') && p.reason === 'a login page, not an article'),
    );
  });

  test('opens a PDF passage read-only at its page', async () => {
    const article = api.services.corpus.current.articles().find((a) => a.path.endsWith('wind-report.pdf'))!;
    const passage = articleText(article)
      .sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences))
      .find((s) => s.text.startsWith('Grid operators expect'))!;
    assert.equal(pageAt(article.pages, passage.range.start.offset), 3);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('sourcebook.openArticle', {
      articleId: article.id,
      line: passage.range.start.line,
    });
    const active = editor ?? vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.scheme, 'sourcebook');
    const text = active.document.getText();
    const line = active.selection.active.line;
    assert.ok(active.document.lineAt(line).text.includes('Grid operators expect the new cables'));
    const before = text.slice(0, active.document.offsetAt(new vscode.Position(line, 0)));
    assert.equal(
      /\[page (\d+)\](?![\s\S]*\[page \d+\])/.exec(before)?.[1],
      '3',
      'the nearest page marker above is page 3',
    );
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(active.document.uri, new Uint8Array())));
  });
});
