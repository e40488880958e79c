import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { articleText } from '../../src/core/articleText';
import { formatReference } from '../../src/core/citations';
import { citedQuoteParts, footnoteLabel, quoteText } from '../../src/core/quotes';
import type { Corpus } from '../../src/core/corpus';
import type { InsertedQuote } from '../../src/vscode/quotes/insertQuote';
import { sourcebook, waitFor } from './support/extension';

const GAMBLE = 'alibaba-ai-gamble-qwen';
const SHAREHOLDERS = 'alibaba-qwen-shareholders';

const insert = (args: object) =>
  vscode.commands.executeCommand<InsertedQuote | undefined>('sourcebook.insertCitedQuote', args);

suite('Cited quotes', () => {
  let corpus: Corpus;
  let dir: string;
  const text = (id: string) => quoteText(corpus.passage(id)!.text);
  const label = (articleId: string, sectionIndex: number) => {
    const article = corpus.article(articleId)!;
    return footnoteLabel(article, article.sections[sectionIndex]);
  };
  const footnote = (articleId: string, sectionIndex: number) => {
    const article = corpus.article(articleId)!;
    return `[^${label(articleId, sectionIndex)}]: ${formatReference(article, 'footnote', article.sections[sectionIndex])}`;
  };
  /** The quote line the format writes for a passage in a style. */
  const quoteLine = (id: string, style: Parameters<typeof citedQuoteParts>[3]) => {
    const passage = corpus.passage(id)!;
    const article = corpus.article(passage.articleId)!;
    return citedQuoteParts(passage.text, article, article.sections[passage.sectionIndex], style).quote;
  };

  suiteSetup(async () => {
    corpus = (await sourcebook()).services.corpus.current;
    dir = mkdtempSync(join(tmpdir(), 'sourcebook-quotes-'));
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('citation.bibliography', undefined, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

  async function openSaved(name: string, content: string): Promise<vscode.TextEditor> {
    const path = join(dir, name);
    writeFileSync(path, content);
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path));
  }

  function placeCursor(editor: vscode.TextEditor, offset: number, end = offset): void {
    editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(end));
  }

  test('inserts a footnoted quote into a saved note from arguments; one undo restores the note', async () => {
    const original = '# Notes\n\nCloud pricing matters.\n';
    const editor = await openSaved('saved.md', original);
    placeCursor(editor, original.indexOf('.\n') + 1);
    const id = `${GAMBLE}#0.0`;
    const inserted = await insert({ passageId: id, style: 'footnote' });
    assert.equal(plain(inserted?.quote ?? ''), `> "${text(id)}"[^${GAMBLE}]`);
    assert.equal(
      plain(editor.document.getText()),
      `# Notes\n\nCloud pricing matters.\n\n> "${text(id)}"[^${GAMBLE}]\n\n${footnote(GAMBLE, 0)}\n`,
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  test('a quote from another section of the same article gets its own footnote', async () => {
    const editor = await openSaved('twice.md', '');
    await insert({ passageId: `${GAMBLE}#0.0`, style: 'footnote' });
    const second = `${GAMBLE}#3.0`;
    const sectionIndex = corpus.passage(second)!.sectionIndex;
    placeCursor(editor, editor.document.getText().indexOf('\n\n[^'));
    await insert({ passageId: second, style: 'footnote' });
    assert.equal(
      plain(editor.document.getText()),
      `> "${text(`${GAMBLE}#0.0`)}"[^${GAMBLE}]\n\n> "${text(second)}"[^${label(GAMBLE, sectionIndex)}]\n\n${footnote(GAMBLE, 0)}\n${footnote(GAMBLE, sectionIndex)}\n`,
    );
    assert.equal(editor.document.getText().match(/^\[\^alibaba-ai-gamble-qwen\]:/gm)?.length, 1);
  });

  test('inserts into an untitled note, replacing the selection', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'Intro.\n\nTODO quote\n\nOutro.\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    const start = document.getText().indexOf('TODO');
    placeCursor(editor, start, start + 'TODO quote'.length);
    const id = `${SHAREHOLDERS}#8.2`;
    await insert({ passageId: id, style: 'inline' });
    const citation = formatReference(
      corpus.article(SHAREHOLDERS)!,
      'inline',
      corpus.article(SHAREHOLDERS)!.sections[corpus.passage(id)!.sectionIndex],
    );
    assert.equal(plain(document.getText()), `Intro.\n\n> "${text(id)}" — ${citation}\n\nOutro.\n`);
    assert.ok(document.isUntitled);
  });

  test('a corpus article opened from its folder is not a note: the quote goes into the last note', async () => {
    const note = await openSaved('last-note.md', '# Notes\n');
    const article = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(corpus.article(GAMBLE)!.path),
    );
    assert.equal(article.document.languageId, 'markdown');
    const id = `${SHAREHOLDERS}#0.0`;
    await insert({ passageId: id, style: 'footnote' });
    assert.equal(article.document.isDirty, false, 'nothing is written into the corpus');
    assert.match(note.document.getText(), new RegExp(`\\[\\^${SHAREHOLDERS}\\]`));
  });

  test('formats APA, Chicago and MLA with citation-js inside the extension host', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    const id = `${GAMBLE}#0.0`;
    const lines: string[] = [];
    for (const style of ['apa', 'chicago', 'mla'] as const) {
      placeCursor(editor, document.getText().length);
      const inserted = await insert({ passageId: id, style });
      lines.push(quoteLine(id, style));
      assert.equal(plain(inserted?.quote ?? ''), lines[lines.length - 1]);
    }
    // One reference list: the later styles find the article already listed.
    const reference = formatReference(corpus.article(GAMBLE)!, 'apa');
    assert.equal(plain(document.getText()), `${lines.join('\n\n')}\n\n## References\n\n${reference}\n`);
    assert.match(reference, /\(2026\)\. \*FrontierNews\.ai\*\.$/);
    assert.match(lines[0]!, /\(“Alibaba's AI Gamble[^)]*,” 2026\)$/);
  });

  test('the pandoc style writes the bibliography file, once per article', async () => {
    const bibliography = join(dir, 'refs', 'references.json');
    await vscode.workspace
      .getConfiguration('sourcebook')
      .update('citation.bibliography', bibliography, vscode.ConfigurationTarget.Global);
    const editor = await openSaved('pandoc.md', 'Start.\n');
    placeCursor(editor, editor.document.getText().length);
    const first = await insert({ passageId: `${SHAREHOLDERS}#0.0`, style: 'pandoc' });
    assert.equal(first?.bibliography, vscode.Uri.file(bibliography).toString());
    await insert({ passageId: `${SHAREHOLDERS}#0.1`, style: 'pandoc' });
    await insert({ passageId: `${GAMBLE}#0.0`, style: 'pandoc' });
    assert.equal(
      plain(editor.document.getText()),
      [
        '---',
        'bibliography: refs/references.json',
        '---',
        '',
        'Start.',
        '',
        quoteLine(`${SHAREHOLDERS}#0.0`, 'pandoc'),
        '',
        quoteLine(`${SHAREHOLDERS}#0.1`, 'pandoc'),
        '',
        quoteLine(`${GAMBLE}#0.0`, 'pandoc'),
        '',
      ].join('\n'),
    );
    const entries = JSON.parse(readFileSync(bibliography, 'utf8')) as { id: string; title: string; issued?: unknown }[];
    assert.deepEqual(
      entries.map((e) => e.id),
      [SHAREHOLDERS, GAMBLE],
    );
    assert.equal(entries[0]!.title, `[${corpus.article(SHAREHOLDERS)!.title}]`);
    assert.equal(entries[0]!.issued, undefined);
    assert.deepEqual(entries[1]!.issued, { 'date-parts': [[2026]] });
  });

  test('Insert Quote from Here offers the sentences of that section, in order', async () => {
    const editor = await openSaved('here.md', '');
    const article = corpus.article(SHAREHOLDERS)!;
    const section = article.sections.find((s) => s.title.startsWith('Risks'))!;
    await acceptFirstPick(insert({ articleId: SHAREHOLDERS, sectionIndex: section.index, style: 'pandoc' }));
    const firstSentence = articleText(article).sections[section.index]!.paragraphs[0]!.sentences[0]!.text;
    assert.match(
      plain(editor.document.getText()),
      new RegExp(
        `^---\\nbibliography: .*references\\.json\\n---\\n\\n> "${escapeRegExp(quoteText(firstSentence))}" \\[@${SHAREHOLDERS}, sec\\. Risks[^\\]]*\\]\\n$`,
      ),
    );
  });

  test('Insert Quote about Entity under Cursor searches for that entity', async () => {
    const editor = await openSaved('entity.md', 'What about Huawei here?\n');
    placeCursor(editor, 'What about Hua'.length);
    const inserted = await acceptFirstPick(
      vscode.commands.executeCommand<InsertedQuote | undefined>('sourcebook.insertQuoteAboutEntity', {
        style: 'pandoc',
      }),
    );
    assert.match(inserted?.quote ?? '', /Huawei/);
    assert.match(plain(editor.document.getText()), /^---\nbibliography: .*\n---\n\nWhat about Huawei here\?\n\n/);
    assert.ok(editor.document.getText().endsWith(`\n\n${inserted!.quote}\n`));
    assert.match(inserted!.quote, / <!-- sourcebook h=[0-9a-f]{8} [^<>]* -->$/);
  });

  test('Quote Selection into Notes quotes the selected article text into the last active note', async () => {
    const notes = await openSaved('from-article.md', '# Reading notes\n');
    placeCursor(notes, notes.document.getText().length);
    const articleEditor = await vscode.commands.executeCommand<vscode.TextEditor>('sourcebook.openArticle', {
      articleId: GAMBLE,
    });
    const passage = corpus.passage(`${GAMBLE}#2.2`)!;
    const selected = 'Developer adoption of the Qwen model suite grew by 150 percent';
    const start = passage.range.start.offset;
    articleEditor.selection = new vscode.Selection(
      articleEditor.document.positionAt(start),
      articleEditor.document.positionAt(start + selected.length),
    );
    const inserted = await vscode.commands.executeCommand<InsertedQuote | undefined>(
      'sourcebook.quoteSelectionIntoNotes',
      { style: 'footnote' },
    );
    assert.equal(inserted?.uri, notes.document.uri.toString());
    assert.equal(
      plain(notes.document.getText()),
      `# Reading notes\n\n> "${selected}"[^${label(GAMBLE, passage.sectionIndex)}]\n\n${footnote(GAMBLE, passage.sectionIndex)}\n`,
    );
  });
});

/**
 * Accepts the first item of Sourcebook's QuickPick once it shows: accepting
 * while no picker is open does nothing, so it retries until the command ends.
 */
async function acceptFirstPick<T>(pending: Thenable<T>): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  await waitFor(
    'the quote picker to be accepted',
    async () => {
      if (settled) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    },
    20_000,
  );
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The note without the hidden anchor comments inserted quotes end with (their own tests are in the unit suite). */
function plain(text: string): string {
  return text.replace(/ <!-- sourcebook [^<>]* -->/g, '');
}
