import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { toCslItem } from '../../src/core/citations';
import { sourcebook } from './support/extension';

const NOTE = [
  '# Notes',
  '',
  'A remark.[^mine]',
  '',
  '> "Alibaba is transforming from an e-commerce giant." [@alibaba-ai-gamble-qwen, sec. Why Is Alibaba Sacrificing Short-Term Profits for AI?]',
  '',
  '> "Words." [@no-such-article]',
  '',
  '[^mine]: My own footnote.',
  '',
].join('\n');

suite('Markdown preview', () => {
  test("VS Code's Markdown renderer shows footnotes, formatted citations and the references", async () => {
    await sourcebook();
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', NOTE);
    // Footnotes: a numbered reference and the definition at the end, not the raw label.
    assert.match(html, /class="footnote-ref"/);
    assert.match(html, /<section class="footnotes"/);
    assert.doesNotMatch(html, /\[\^mine\]/);
    // The citation in Chicago author-date (the default for notes not in a CSL style), with its locator.
    assert.match(html, /<span class="sourcebook-citation">\(<em>FrontierNews\.ai<\/em> 2026, sec\. Why Is Alibaba/);
    assert.doesNotMatch(html, /\[@alibaba-ai-gamble-qwen/);
    // An unknown key stays visible as what it is.
    assert.match(html, /sourcebook-unknown[^>]*>\[@no-such-article\]/);
    // The reference list of the cited articles, after the note.
    assert.match(html, /<section class="sourcebook-bibliography"><h2>References<\/h2>/);
    assert.match(html, /Alibaba's AI Gamble Is Paying Off/);
  });

  test('formats the citations in the configured CSL style', async () => {
    const config = vscode.workspace.getConfiguration('sourcebook');
    await config.update('citation.style', 'mla', vscode.ConfigurationTarget.Global);
    try {
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', NOTE);
      assert.match(html, /<h2>Works Cited<\/h2>/);
      assert.match(html, /sourcebook-citation">\(“Alibaba's AI Gamble/);
    } finally {
      await config.update('citation.style', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('Export Note… writes the note through pandoc with its citations formatted and the references', async () => {
    const corpus = (await sourcebook()).services.corpus.current;
    const dir = mkdtempSync(join(tmpdir(), 'sourcebook-export-'));
    writeFileSync(join(dir, 'refs.json'), JSON.stringify([toCslItem(corpus.article('alibaba-ai-gamble-qwen')!)]));
    const note = join(dir, 'note.md');
    writeFileSync(
      note,
      '---\nbibliography: refs.json\n---\n\n> "Alibaba is transforming." [@alibaba-ai-gamble-qwen]\n',
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(note));
    const written = await vscode.commands.executeCommand<string | undefined>('sourcebook.exportNote', {
      format: 'html',
    });
    assert.equal(written, join(dir, 'note.html'));
    const html = readFileSync(written, 'utf8');
    // pandoc's own citeproc: the citation resolved (no "???") and the entry listed.
    assert.match(html, /data-cites="alibaba-ai-gamble-qwen">\(<span>“Alibaba[’']s AI Gamble/);
    assert.match(html, /class="csl-entry"[\s\S]*<em>FrontierNews\.ai<\/em>/);
    assert.doesNotMatch(html, /\?\?\?/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
