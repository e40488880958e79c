import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { sourcebook, waitFor } from './support/extension';

const NOTE = [
  '# Alibaba notes',
  '',
  'The bet rests on Qwen, which the company still calls Tongyi Qianwen in China,',
  'and on Alibaba Cloud turning model adoption into infrastructure revenue.',
].join('\n');

/** The hovers Sourcebook gives at the first occurrence of `word` (plus `offset` characters) in the document. */
async function sourcebookHovers(document: vscode.TextDocument, word: string, offset = 1): Promise<vscode.Hover[]> {
  const at = document.getText().indexOf(word);
  assert.notEqual(at, -1, `"${word}" is in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    document.positionAt(at + offset),
  );
  return hovers.filter((hover) => markdownOf(hover).includes('command:sourcebook.'));
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

async function cardAt(
  document: vscode.TextDocument,
  word: string,
  offset = 1,
): Promise<{ hover: vscode.Hover; value: string }> {
  const hovers = await sourcebookHovers(document, word, offset);
  assert.equal(hovers.length, 1, `one entity card for "${word}"`);
  return { hover: hovers[0]!, value: markdownOf(hovers[0]!) };
}

suite('Entity hover cards', () => {
  let api: SourcebookApi;
  let note: vscode.TextDocument;
  suiteSetup(async () => {
    api = await sourcebook();
    note = await vscode.workspace.openTextDocument({ language: 'markdown', content: NOTE });
  });

  test('"Qwen" shows the Qwen card: kind, aliases, evidence, related entities and actions', async () => {
    const { hover, value } = await cardAt(note, 'Qwen');
    assert.match(value, /^\*\*Qwen\*\* — \*product\*/);
    assert.match(value, /Tongyi Qianwen/);
    assert.match(value, /Alibaba\\'s family of open\\-source large language models/);
    assert.match(value, /\*\*\d+ mentions in 2 articles\*\*/);
    assert.match(value, /\*Introduced:\*/);
    assert.ok((value.match(/^> /gm) ?? []).length >= 2, 'at least two quotes');
    assert.match(value, /\*Related:\* .*Alibaba Cloud/);
    assert.match(value, /\[Insert a quote about Qwen…\]\(command:sourcebook\.insertCitedQuote\?/);
    assert.match(value, /\[Show in Entities\]\(command:sourcebook\.showInEntities\?/);
    assert.match(value, /\[Open article\]\(command:sourcebook\.openArticle\?/);
    const range = hover.range!;
    assert.equal(note.getText(range), 'Qwen');
  });

  test('"Tongyi Qianwen" is an alias: it shows the Qwen card', async () => {
    const { hover, value } = await cardAt(note, 'Tongyi Qianwen');
    assert.match(value, /^\*\*Qwen\*\* — \*product\*/);
    assert.equal(note.getText(hover.range), 'Tongyi Qianwen');
  });

  test('"Alibaba Cloud" shows the Alibaba Cloud card, not Alibaba\'s', async () => {
    const { hover, value } = await cardAt(note, 'Alibaba Cloud', 2);
    assert.match(value, /^\*\*Alibaba Cloud\*\* — \*company\*/);
    assert.equal(note.getText(hover.range), 'Alibaba Cloud');
  });

  test('a plain word gives no card', async () => {
    assert.deepEqual(await sourcebookHovers(note, 'infrastructure', 3), []);
    assert.deepEqual(await sourcebookHovers(note, 'company', 2), []);
  });

  test('cards trust only Sourcebook commands and render no HTML', async () => {
    const { hover } = await cardAt(note, 'Qwen');
    for (const content of hover.contents) {
      if (!(content instanceof vscode.MarkdownString)) continue;
      assert.notEqual(content.isTrusted, true);
      const enabled = typeof content.isTrusted === 'object' ? content.isTrusted.enabledCommands : [];
      for (const command of enabled) assert.match(command, /^sourcebook\./);
      assert.notEqual(content.supportHtml, true);
    }
  });

  test('corpus articles open as Markdown and have cards too', async () => {
    const article = await vscode.workspace.openTextDocument(
      vscode.Uri.parse('sourcebook:/alibaba-qwen-shareholders.md'),
    );
    const { value } = await cardAt(article, 'DingTalk');
    assert.match(value, /^\*\*DingTalk\*\* — \*platform\*/);
  });

  test('the setting sourcebook.hover.enabled turns cards off', async () => {
    const config = vscode.workspace.getConfiguration('sourcebook');
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.deepEqual(await sourcebookHovers(note, 'Qwen'), []);
    } finally {
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await cardAt(note, 'Qwen');
  });

  test('a 1 MB single-line document answers at once, with the card under the cursor only', async () => {
    const line = `${'lorem ipsum '.repeat(45_000)}Qwen${' dolor sit'.repeat(50_000)}`;
    const big = await vscode.workspace.openTextDocument({ language: 'markdown', content: line });
    assert.ok(big.getText().length > 1_000_000);
    const { value } = await cardAt(big, 'Qwen');
    assert.match(value, /^\*\*Qwen\*\*/);
    assert.deepEqual(await sourcebookHovers(big, 'dolor', 2), []);
  });

  suite('with a hostile article in the corpus', () => {
    let folder: string;
    suiteSetup(async () => {
      folder = mkdtempSync(join(tmpdir(), 'sourcebook-hostile-'));
      writeFileSync(
        join(folder, 'hostile.md'),
        [
          '---',
          'id: hostile',
          'title: "Evil <b>Title</b> [x](command:workbench.action.terminal.new)"',
          '---',
          '',
          'Zyxcorp Holdings (ZYXC) says: click [run](command:workbench.action.terminal.new) now, or see <img src=x onerror=alert(1)> here.',
          '',
          'Critics of Zyxcorp Holdings <a href="command:workbench.action.terminal.new">said</a> nothing about <script>alert(1)</script> it.',
          '',
        ].join('\n'),
      );
      await vscode.workspace
        .getConfiguration('sourcebook')
        .update('corpus.paths', [folder], vscode.ConfigurationTarget.Global);
      await waitFor('the hostile article to load', () => api.services.corpus.current.article('hostile'), 20_000);
    });
    suiteTeardown(async () => {
      await vscode.workspace
        .getConfiguration('sourcebook')
        .update('corpus.paths', undefined, vscode.ConfigurationTarget.Global);
      await waitFor(
        'the corpus without the hostile article',
        () => !api.services.corpus.current.article('hostile'),
        20_000,
      );
      rmSync(folder, { recursive: true, force: true });
    });

    test('its text is shown escaped: no live command link, no HTML', async () => {
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: 'Who are Zyxcorp Holdings?',
      });
      const { hover, value } = await cardAt(document, 'Zyxcorp Holdings');
      assert.match(value, /discovered in the corpus/);
      assert.ok(
        value.includes('\\[run\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)'),
        'the link is escaped text',
      );
      assert.doesNotMatch(value, /\]\(command:workbench/);
      assert.doesNotMatch(value, /(^|[^\\])</, 'every < is escaped');
      assert.ok(value.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), 'the HTML is escaped text');
      for (const content of hover.contents) {
        if (!(content instanceof vscode.MarkdownString) || typeof content.isTrusted !== 'object') continue;
        assert.ok(!content.isTrusted.enabledCommands.some((command) => command.startsWith('workbench.')));
      }
    });
  });
});
