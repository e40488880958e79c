import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { articleText } from '../../src/core/articleText';
import type { SourcebookApi } from '../../src/extension';
import { sourcebook as activated, waitFor } from './support/extension';

suite('Hostile corpus folder', () => {
  let sourcebook: SourcebookApi;
  suiteSetup(async () => {
    sourcebook = await activated();
  });

  test('a 3 KB blockquote run and a `**a*` file leave the good articles, the host stays responsive, a link out never loads', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sourcebook-hostile-corpus-'));
    const outside = mkdtempSync(join(tmpdir(), 'sourcebook-hostile-outside-'));
    writeFileSync(join(outside, 'secret.md'), '# Secret\n\nOUTSIDE-TEXT.\n');
    writeFileSync(join(folder, 'good.md'), '---\nid: hostile-good\ntitle: Good\n---\n\nRates rose. Then fell.\n');
    writeFileSync(join(folder, 'q.md'), `# N\n\n${'>'.repeat(3000)} x\n`);
    writeFileSync(join(folder, 'stars.md'), `# Stars\n\n${'**a*'.repeat(60_000)}\n`);
    const config = vscode.workspace.getConfiguration('sourcebook');
    const previous = config.inspect<string[]>('corpus.paths')?.workspaceValue;
    // The longest gap between timer ticks of this thread (the extension host's) while the folder loads.
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 20);
    try {
      await config.update('corpus.paths', [folder], vscode.ConfigurationTarget.Workspace);
      await waitFor(
        'the corpus to read the folder',
        () => sourcebook.services.corpus.folders().some((f) => f.root === folder) || undefined,
        30_000,
      );
      const corpus = await sourcebook.services.corpus.ready;
      clearInterval(ticker);
      assert.equal(corpus.article('hostile-good')?.title, 'Good');
      assert.equal(corpus.articleAt(join(folder, 'q.md'))?.title, 'N');
      assert.equal(corpus.articleAt(join(folder, 'stars.md'))?.title, 'Stars');
      assert.ok(corpus.article('alibaba-ai-gamble-qwen'), 'the bundled corpus is still there');
      const reasons = new Map(corpus.problems().map((p) => [p.path, p.reason]));
      assert.match(reasons.get(join(folder, 'q.md')) ?? '', /nested more than 100 levels deep/);
      assert.match(reasons.get(join(folder, 'stars.md')) ?? '', /parsing took over 2 s; read as plain text/);
      assert.ok(longestGap < 200, `the extension host was blocked ${Math.round(longestGap)} ms`);

      // A link out of the folder, made while VS Code runs: the watcher sees it, and it never becomes an article.
      const link = join(folder, 'passwd.md');
      symlinkSync(join(outside, 'secret.md'), link);
      await waitFor(
        'the link to be reported',
        () => sourcebook.services.corpus.current.problems().some((p) => p.path === link) || undefined,
        20_000,
      );
      const now = sourcebook.services.corpus.current;
      assert.equal(now.articleAt(link), undefined);
      assert.ok(!now.articles().some((article) => articleText(article).text.includes('OUTSIDE-TEXT')));
      assert.match(
        now.problems().find((p) => p.path === link)?.reason ?? '',
        /outside the corpus folder; not followed/,
      );
    } finally {
      clearInterval(ticker);
      await config.update('corpus.paths', previous, vscode.ConfigurationTarget.Workspace);
      rmSync(folder, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('during a long load a command answers within 200 ms, and stopping the load takes effect within a second', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sourcebook-long-load-'));
    writeFileSync(join(folder, 'a-good.md'), '---\nid: long-load-good\ntitle: Good\n---\n\nRates rose.\n');
    // Each takes its whole parse budget (2 s) in a worker: the load runs for many seconds.
    for (let i = 0; i < 12; i++)
      writeFileSync(join(folder, `stars-${i}.md`), `# Stars ${i}\n\n${'**a*'.repeat(60_000)}\n`);
    const config = vscode.workspace.getConfiguration('sourcebook');
    const previous = config.inspect<string[]>('corpus.paths')?.workspaceValue;
    const corpus = sourcebook.services.corpus;
    try {
      await config.update('corpus.paths', [folder], vscode.ConfigurationTarget.Workspace);
      await waitFor(
        'the load of the folder to be under way',
        () => (corpus.loadState.kind === 'loading' && corpus.loadState.total >= 13) || undefined,
        30_000,
      );
      const answers: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await vscode.commands.executeCommand('sourcebook.showLog');
        answers.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const median = [...answers].sort((a, b) => a - b)[2]!;
      assert.ok(median < 200, `commands answered in ${answers.map(Math.round).join(', ')} ms during the load`);
      assert.equal(corpus.loadState.kind, 'loading', 'the load was still running when stopped');

      const stopping = performance.now();
      assert.equal(await vscode.commands.executeCommand('sourcebook.stopCorpusLoad'), true);
      const loaded = await corpus.ready;
      const stoppedMs = performance.now() - stopping;
      assert.ok(stoppedMs < 1000, `the load stopped ${Math.round(stoppedMs)} ms after it was asked to`);
      assert.equal(corpus.stats.cancelled, true);
      assert.ok(corpus.stats.parsed < 13, `${corpus.stats.parsed} files were parsed: the load did not stop`);
      assert.equal(loaded.article('long-load-good')?.title, 'Good', 'what was read before the stop is kept');
      assert.equal(await vscode.commands.executeCommand('sourcebook.stopCorpusLoad'), false);
    } finally {
      await config.update('corpus.paths', previous, vscode.ConfigurationTarget.Workspace);
      await corpus.ready;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
