import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { articleText } from '../../src/core/articleText';
import type { SourcebookApi } from '../../src/extension';
import { sourcebook, waitFor, keepWorkspaceSettings } from './support/extension';

const NOTE = '# Notes\n\nThe bet rests on Qwen and on Alibaba Cloud.\n';

function article(body: string): string {
  return `---\nid: persisted-probe\ntitle: Persisted Probe\npublisher: Test Desk\ndate: 2026-02\n---\n\n${body}\n`;
}

/** The text of Sourcebook's card at the first "Qwen" of the note. */
async function qwenCard(note: vscode.TextDocument): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    note.uri,
    note.positionAt(note.getText().indexOf('Qwen') + 1),
  );
  const text = hovers
    .map((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'))
    .find((value) => value.includes('command:sourcebook.'));
  assert.ok(text, 'a Sourcebook card for Qwen');
  return text;
}

const mentionsIn = (card: string) => Number(/\*\*(\d+) mentions? in \d+ articles?\*\*/.exec(card)?.[1] ?? NaN);

suite('Persisted search and entity indexes', () => {
  let api: SourcebookApi;
  let note: vscode.TextDocument;
  let folder: string;
  let restoreSettings: () => void;

  suiteSetup(async () => {
    api = await sourcebook();
    note = await vscode.workspace.openTextDocument({ language: 'markdown', content: NOTE });
    folder = mkdtempSync(join(tmpdir(), 'sourcebook-persisted-it-'));
    writeFileSync(join(folder, 'probe.md'), article('Qwen was mentioned here once.'));
    restoreSettings = keepWorkspaceSettings();
  });

  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    restoreSettings();
    await api.services.corpus.reload();
    rmSync(folder, { recursive: true, force: true });
  });

  test('after a reload, the first search and the first card are answered from the persisted indexes, not rebuilt', async () => {
    const hits = api.indexes.searchNow('cloud prices').map((hit) => hit.passageId);
    assert.ok(hits.length > 0, 'the search finds passages');
    const card = await qwenCard(note);
    assert.equal(api.indexes.persist(), false, 'nothing left unwritten');
    const before = api.services.corpus.current;
    await vscode.commands.executeCommand('sourcebook.reloadCorpus');
    await waitFor('the reloaded corpus', () => api.services.corpus.current !== before);
    const size = api.services.corpus.current.size;

    assert.deepEqual(
      api.indexes.searchNow('cloud prices').map((hit) => hit.passageId),
      hits,
    );
    assert.deepEqual(api.indexes.stats().search, { restored: size, indexed: 0 }, 'every article read from the index');
    assert.equal(await qwenCard(note), card);
    assert.deepEqual(api.indexes.stats().entities, {
      discoveryRestored: true,
      scans: { restored: size, scanned: 0 },
    });
  });

  test('editing one article updates search results and the card within a second', async () => {
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('corpus.paths', [folder], vscode.ConfigurationTarget.Workspace);
    await waitFor(
      'the probe article',
      () => api.services.corpus.current.article('persisted-probe') !== undefined,
      20_000,
    );
    const mentions = mentionsIn(await qwenCard(note));
    assert.ok(mentions > 0);
    // The watcher starts in its own time: wait until it delivers a change, then time the next one.
    const corpus = api.services.corpus;
    writeFileSync(join(folder, 'probe.md'), article('Qwen was mentioned here once. Warm-up.'));
    await waitFor(
      'the watcher',
      () => {
        const probe = corpus.current.article('persisted-probe');
        return probe && articleText(probe).text.includes('Warm-up');
      },
      20_000,
    );
    const batches = corpus.stats.batches;
    // Lower case around the names: a capitalised neighbour could be discovered as a name of its own.
    writeFileSync(
      join(folder, 'probe.md'),
      article('Qwen was mentioned here once. A zebrine note names Qwen, and Qwen again.'),
    );
    const written = performance.now();
    await waitFor('the change to be applied', () => corpus.stats.batches > batches, 10_000);
    const applied = performance.now();
    const hits = api.indexes.searchNow('zebrine');
    const updated = mentionsIn(await qwenCard(note));
    const answered = performance.now();
    assert.deepEqual(
      hits.map((hit) => hit.articleId),
      ['persisted-probe'],
    );
    assert.equal(updated, mentions + 2);
    const fromChange = answered - applied;
    console.log(
      `    edit → applied ${Math.round(applied - written)} ms (watcher and debounce), applied → new search and card ${Math.round(fromChange)} ms`,
    );
    assert.ok(fromChange < 1000, `search and card updated ${Math.round(fromChange)} ms after the change`);
    assert.ok(answered - written < 5000, `end to end ${Math.round(answered - written)} ms`);
  });
});
