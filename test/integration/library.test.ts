import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { citationKeyOf } from '../../src/core/library/match';
import { sourcebook, waitFor, keepWorkspaceSettings } from './support/extension';

const ENTRY = {
  id: 'shareholders2026',
  type: 'article-newspaper',
  title: 'Alibaba at a Critical Juncture',
  'container-title': 'Analyst Weekly',
  author: [{ family: 'Okafor', given: 'Ines' }],
  issued: { 'date-parts': [[2026, 2]] },
};

suite('The reference library', () => {
  let api: SourcebookApi;
  let dir: string;
  let restoreSettings: () => void;

  suiteSetup(async () => {
    api = await sourcebook();
    dir = mkdtempSync(join(tmpdir(), 'sourcebook-library-it-'));
    restoreSettings = keepWorkspaceSettings();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('library.paths', undefined, vscode.ConfigurationTarget.Workspace);
    restoreSettings();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a CSL-JSON library matched by citekey gives the article its key; [@ completes it; a changed file is read again', async () => {
    const file = join(dir, 'library.json');
    // The bundled article's id is its key unless the library names it: matched here by id.
    writeFileSync(
      file,
      JSON.stringify([
        { ...ENTRY, id: 'alibaba-qwen-shareholders' },
        { ...ENTRY, id: 'okafor2025ports', title: 'Ports in 2025' },
      ]),
    );
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('library.paths', [file], vscode.ConfigurationTarget.Workspace);
    const article = () => api.services.corpus.current.article('alibaba-qwen-shareholders')!;
    await waitFor('the library to load', () => api.services.corpus.current.library.items.length === 2, 20_000);
    assert.equal(citationKeyOf(article()), 'alibaba-qwen-shareholders');

    const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'See [@' });
    await vscode.window.showTextDocument(note);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      note.uri,
      new vscode.Position(0, 6),
      '@',
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('okafor2025ports'), `library key offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('alibaba-ai-gamble-qwen'), 'corpus keys are offered too');

    const hovered = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'As argued [@okafor2025ports].',
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      hovered.uri,
      new vscode.Position(0, 15),
    );
    const shown = hovers
      .flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/&nbsp;/g, ' ');
    assert.match(shown, /Ports in 2025/);
    assert.match(shown, /Ines Okafor/);

    // Better BibTeX rewrites the export: the new key is used without a reload.
    writeFileSync(file, JSON.stringify([{ ...ENTRY, id: 'okafor2026juncture' }]));
    await waitFor(
      'the changed library to be read',
      () => api.services.corpus.current.library.item('okafor2026juncture') !== undefined,
      20_000,
    );
  });
});
