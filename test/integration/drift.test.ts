import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { applyEdits, renderQuote } from '../../src/core/quotes';
import type { SourcebookApi } from '../../src/extension';
import { quickFixes, sourcebook as activated, waitFor } from './support/extension';

const ID = 'drift-probe';
const FRONT = ['---', `id: ${ID}`, 'title: Drift Probe', 'publisher: Example Wire', 'date: 2026-05-01', '---', ''];
const MOVES = 'Shipments of the new accelerator began in April across three regions.';
const CHANGES = 'Revenue from cloud services rose 12 percent in the first quarter.';
const GOES = 'Analysts had expected a slower start to the year for the unit.';
const article = (...lines: string[]) => [...FRONT, ...lines, ''].join('\n');
const BEFORE = article(
  '## Products',
  '',
  `${MOVES} The launch was delayed once.`,
  '',
  '## Results',
  '',
  `Sales were flat in Europe. ${CHANGES} Margins held steady.`,
  '',
  `${GOES} That view has changed.`,
  '',
  '## Outlook',
  '',
  'The company expects more.',
);
// The first sentence moves to Outlook, a number in the second changes, the third is deleted.
const AFTER = article(
  '## Products',
  '',
  'The launch was delayed once.',
  '',
  '## Results',
  '',
  `Sales were flat in Europe. ${CHANGES.replace('12 percent', '21 percent')} Margins held steady.`,
  '',
  'That view has changed.',
  '',
  '## Outlook',
  '',
  `${MOVES} The company expects more.`,
);

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sourcebook');

suite('Quotes when their source changes', () => {
  let sourcebook: SourcebookApi;
  let folder: string;
  let previous: string[] | undefined;
  const config = () => vscode.workspace.getConfiguration('sourcebook');

  suiteSetup(async () => {
    sourcebook = await activated();
    folder = mkdtempSync(join(tmpdir(), 'sourcebook-drift-'));
    writeFileSync(join(folder, `${ID}.md`), BEFORE);
    previous = config().inspect<string[]>('corpus.paths')?.workspaceValue;
    await config().update('corpus.paths', [folder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the probe article', () => sourcebook.services.corpus.current.article(ID), 20_000);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await config().update('corpus.paths', previous, vscode.ConfigurationTarget.Workspace);
    rmSync(folder, { recursive: true, force: true });
  });

  test('an open note’s quotes turn moved, changed and gone within a second of the edit, and each fix is one undo step', async () => {
    // The three quotes as Insert Cited Quote writes them (footnotes with anchors).
    const corpus = sourcebook.services.corpus.current;
    const source = corpus.article(ID)!;
    let note = '# Drift\n';
    for (const sentence of [MOVES, CHANGES, GOES]) {
      const passage = [...corpus.sentences()].find((p) => p.articleId === ID && p.text === sentence)!;
      note = applyEdits(note, renderQuote(note, passage, source, 'footnote', note.length).edits);
    }
    const uri = vscode.Uri.file(join(tmpdir(), `sourcebook-drift-note-${process.pid}-${Date.now()}.md`));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(note));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    // Checked clean first (the check has run once there is a result to wait for: none).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(ours(uri), []);

    const edited = Date.now();
    writeFileSync(join(folder, `${ID}.md`), AFTER);
    const codes = () => ours(uri).map((d) => d.code);
    await waitFor('moved, changed and gone', () => codes().length === 3 || undefined, 10_000);
    const elapsed = Date.now() - edited;
    console.log(`      (diagnostics updated ${elapsed} ms after the article changed)`);
    const byCode = new Map(ours(uri).map((d) => [d.code as string, d]));
    assert.deepEqual([...byCode.keys()].sort(), ['gone', 'moved', 'source-changed']);
    assert.equal(byCode.get('moved')!.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(byCode.get('source-changed')!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(byCode.get('source-changed')!.message, /the source says "21", the quote says "12"/);
    assert.equal(byCode.get('gone')!.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(elapsed <= 1000, `diagnostics took ${elapsed} ms after the article changed`);

    // Each fix is one edit, undone by one undo.
    const fixes: [string, RegExp][] = [
      ['moved', /^Update citation to § Outlook$/],
      ['source-changed', /^Update quote to the current source$/],
      ['source-changed', /^Keep as quoted \(mark as of /],
    ];
    for (const [code, title] of fixes) {
      const diagnostic = await waitFor(code, () => ours(uri).find((d) => d.code === code));
      const before = document.getText();
      const fix = (await quickFixes(uri, diagnostic.range, title)).find((action) => title.test(action.title))!;
      assert.ok(fix.edit, fix.title);
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.notEqual(document.getText(), before, fix.title);
      await waitFor(`${fix.title} to clear its problem`, () => !ours(uri).some((d) => d.code === code) || undefined);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before, `one undo takes back ${fix.title}`);
      await waitFor(`${code} to come back`, () => ours(uri).some((d) => d.code === code) || undefined);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
