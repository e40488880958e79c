import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { articleText } from '../../src/core/articleText';
import type { SourcebookApi } from '../../src/extension';
import { indexStoreFor } from '../../src/vscode/corpus/corpusFolders';
import { CorpusService } from '../../src/vscode/corpus/corpusService';
import type { GroupNode } from '../../src/vscode/topics/topicsNodes';
import { sourcebook, waitFor, keepWorkspaceSettings } from './support/extension';

const TOPIC = 'user-research';

function article(id: string, title: string, sections: readonly string[]): string {
  const body = sections
    .map((section) => `## ${section}\n\nWhat ${title} says about ${section.toLowerCase()}. It is a test.\n`)
    .join('\n');
  return `---\nid: ${id}\ntitle: ${title}\npublisher: Test Desk\ndate: 2026-01\ntopics: [${TOPIC}]\n---\n\nLead of ${title}.\n\n${body}`;
}

suite('User corpus folders', () => {
  let api: SourcebookApi;
  let folder: string;
  let restoreSettings: () => void;

  suiteSetup(async () => {
    api = await sourcebook();
    folder = mkdtempSync(join(tmpdir(), 'sourcebook-corpus-it-'));
    writeFileSync(join(folder, 'rates.md'), article('user-rates', 'Rates Outlook', ['Inflation', 'Housing']));
    writeFileSync(join(folder, 'chips.md'), article('user-chips', 'Chip Supply', ['Fabs']));
    mkdirSync(join(folder, 'wire'));
    writeFileSync(
      join(folder, 'wire', 'oil.txt'),
      'Oil slips on supply news\n\nOil prices fell on Monday. Traders sold.\n',
    );
    // The workspace settings file is the sample workspace's own: it is put back byte for byte.
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

  /**
   * VS Code gives no signal when a new file watcher is live: a probe file is
   * written and removed until the corpus has seen both, so the changes a test
   * then makes are not lost to the watcher's start.
   */
  const watcherLive = async () => {
    const probe = join(folder, 'probe.md');
    writeFileSync(probe, article('user-probe', 'Probe', ['Only']));
    await waitFor(
      'the watcher to see a new file',
      () => api.services.corpus.current.article('user-probe') !== undefined,
      20_000,
    );
    unlinkSync(probe);
    await waitFor(
      'the watcher to see it go',
      () => api.services.corpus.current.article('user-probe') === undefined,
      20_000,
    );
  };

  const userGroup = async () => ((await api.topics.getChildren()) as GroupNode[]).find((group) => group.key === TOPIC);
  const articleNode = async (id: string) => (await userGroup())?.articles.find((node) => node.article.id === id);
  const sectionTitles = async (id: string) => (await articleNode(id))?.sections.map((node) => node.section.title);

  test('a workspace setting naming a folder brings its articles into the Topics tree', async () => {
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('corpus.paths', [folder], vscode.ConfigurationTarget.Workspace);
    const group = await waitFor('the user topic in the tree', userGroup);
    assert.deepEqual(group.articles.map((node) => node.article.title).sort(), ['Chip Supply', 'Rates Outlook']);
    assert.deepEqual(await sectionTitles('user-rates'), ['Inflation', 'Housing']);
    // The .txt article has no front matter: its topic is its folder.
    const wire = ((await api.topics.getChildren()) as GroupNode[]).find((g) => g.key === 'wire');
    assert.deepEqual(
      wire?.articles.map((node) => node.article.title),
      ['Oil slips on supply news'],
    );
  });

  test('editing an article changes its sections in the tree, and only that file is read again', async () => {
    await watcherLive();
    const before = api.services.corpus.stats.batches;
    const chips = api.services.corpus.current.article('user-chips');
    writeFileSync(
      join(folder, 'rates.md'),
      article('user-rates', 'Rates Outlook', ['Inflation', 'Revised outlook', 'Risks']),
    );
    await waitFor('the new sections', async () => (await sectionTitles('user-rates'))?.includes('Revised outlook'));
    assert.deepEqual(await sectionTitles('user-rates'), ['Inflation', 'Revised outlook', 'Risks']);
    assert.equal(api.services.corpus.stats.batches, before + 1);
    assert.equal(api.services.corpus.current.article('user-chips'), chips, 'the unchanged article is the same object');
  });

  test('deleting an article removes it from the tree', async () => {
    unlinkSync(join(folder, 'chips.md'));
    await waitFor('the article to leave the tree', async () => !(await articleNode('user-chips')) || undefined);
    assert.ok(await articleNode('user-rates'));
  });

  test('a thousand files written at once are applied as one batch', async () => {
    const before = api.services.corpus.stats.batches;
    const size = api.services.corpus.current.size;
    mkdirSync(join(folder, 'checkout'));
    const started = Date.now();
    for (let i = 0; i < 1000; i++)
      writeFileSync(join(folder, 'checkout', `note-${i}.txt`), `Checkout note ${i}\n\nLine ${i} of the checkout.\n`);
    const written = Date.now() - started;
    const service = api.services.corpus;
    await waitFor(
      'all thousand articles, and the batch done',
      () => service.current.size === size + 1000 && service.stats.batches > before,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000)); // room for a second batch, were there one
    const batches = api.services.corpus.stats.batches - before;
    assert.equal(
      batches,
      1,
      `one batch for the thousand files, not ${batches} (writing them took ${Math.round(written)} ms)`,
    );
    rmSync(join(folder, 'checkout'), { recursive: true });
    await waitFor('the deleted folder to take its articles', () => api.services.corpus.current.size === size, 20_000);
  });

  test('the corpus is loaded again from the persisted index, without reading the files', async () => {
    const service = api.services.corpus;
    await service.persist(); // what deactivation does
    await service.reload();
    assert.equal(service.stats.parsed, 0, 'no file parsed again');
    assert.equal(service.stats.fromCache, service.stats.files);
    assert.ok(service.stats.fromCache >= 4, `restored ${service.stats.fromCache} files`);
    assert.deepEqual(await sectionTitles('user-rates'), ['Inflation', 'Revised outlook', 'Risks']);
  });

  test('a second activation (a new corpus service on the same storage) starts from the persisted index', async () => {
    const { context, log } = api.services;
    await api.services.corpus.persist();
    const second = new CorpusService(join(context.extensionPath, 'corpus'), log, indexStoreFor(context));
    try {
      const corpus = await second.ready;
      assert.equal(second.stats.loads, 1);
      assert.equal(second.stats.parsed, 0, 'no file parsed');
      assert.equal(second.stats.fromCache, second.stats.files);
      const outline = (c: typeof corpus) =>
        c
          .articles()
          .map((a) => [
            a.id,
            a.title,
            articleText(a).sections.map((s) => [s.title, s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text))]),
          ]);
      assert.deepEqual(outline(corpus), outline(api.services.corpus.current));
    } finally {
      second.dispose();
    }
  });
});
