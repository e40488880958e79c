import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ingestFolders } from '../../src/node/archive/ingest';
import { openPool } from '../../src/node/archive/connection';
import { ARCHIVE_PASSWORD_KEY } from '../../src/vscode/archive/archiveService';
import { sourcebook, waitFor } from './support/extension';

const SOURCE = 'OPEC agreed to cut output by two million barrels a day, its biggest cut since 2020.';
const ALTERED = SOURCE.replace('two million', 'three million');

/**
 * The test PostgreSQL that scripts/host/run-integration.mjs started
 * (scripts/host/postgres.mjs): a run without it fails here, never skips.
 */
function testDatabase(): { url: string; password: string } {
  const url = process.env.SOURCEBOOK_TEST_DB;
  const password = process.env.SOURCEBOOK_TEST_DB_PASSWORD;
  if (!url || !password)
    throw new Error(
      'SOURCEBOOK_TEST_DB is not set: run the suite through scripts/host/run-integration.mjs, which starts PostgreSQL',
    );
  return { url, password };
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sourcebook');

suite('Team archive (PostgreSQL)', () => {
  let dir: string;
  const config = () => vscode.workspace.getConfiguration('sourcebook');

  suiteSetup(async function () {
    this.timeout(120_000);
    const db = testDatabase();
    dir = mkdtempSync(join(tmpdir(), 'sourcebook-archive-it-'));
    const folder = join(dir, 'newsroom');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'opec.md'),
      `---\nid: newsroom-opec-cut\ntitle: "OPEC cuts output"\npublisher: Newsroom Wire\ndate: "2026-02-01"\ntopics: [energy]\n---\n\n${SOURCE}\n`,
    );
    const pool = openPool({ url: db.url, password: db.password });
    try {
      const report = await ingestFolders(pool, [folder]);
      assert.equal(report.added + report.unchanged, 1);
    } finally {
      await pool.end();
    }
  });

  suiteTeardown(async () => {
    const api = await sourcebook();
    await config().update('archive.url', undefined, vscode.ConfigurationTarget.Global);
    await api.services.context.secrets.delete(ARCHIVE_PASSWORD_KEY);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a note citing an archived article is checked against it: the password from SecretStorage, the article fetched by name', async function () {
    this.timeout(60_000);
    const api = await sourcebook();
    const db = testDatabase();
    assert.equal(api.services.corpus.current.article('newsroom-opec-cut'), undefined, 'not in the local corpus');
    // The password never goes into settings: only the URL does, without it.
    await api.services.context.secrets.store(ARCHIVE_PASSWORD_KEY, db.password);
    await config().update('archive.url', db.url, vscode.ConfigurationTarget.Global);
    assert.ok(!JSON.stringify(config().inspect('archive.url')).includes(db.password));

    const note = vscode.Uri.file(join(dir, 'note.md'));
    const text = [
      '# Energy',
      '',
      `> "${SOURCE}"[^newsroom-opec-cut]`,
      '',
      `> "${ALTERED}"[^newsroom-opec-cut]`,
      '',
      '[^newsroom-opec-cut]: Newsroom Wire, "OPEC cuts output", 2026.',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(note);
    await vscode.window.showTextDocument(document);

    const article = await waitFor(
      'the archived article to join the corpus',
      () => api.services.corpus.current.article('newsroom-opec-cut'),
      30_000,
    );
    assert.equal(article.path, 'archive:newsroom/opec.md');
    const [warning, ...others] = await waitFor(
      'the misquote warning on the altered quote',
      () => ours(note).some((d) => d.code === 'misquote') && ours(note),
      30_000,
    );
    assert.deepEqual(others, [], 'the exact quote matches its archived source; nothing cites an unknown article');
    assert.ok(warning);
    assert.equal(document.getText(warning.range).includes('three million'), true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Set Archive Password is a registered command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('sourcebook.archive.setPassword'));
  });
});
