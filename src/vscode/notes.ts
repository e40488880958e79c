import * as vscode from 'vscode';
import type { Corpus } from '../core/corpus';
import { ARTICLE_SCHEME, ARTICLE_TEXT_LANGUAGE } from './corpus/articleDocuments';

/** Where notes live: Markdown on disk, or not yet saved. */
const NOTE_SCHEMES = ['file', 'untitled'] as const;

/** The documents whose quotes Sourcebook checks and fixes, and writes into. */
export const NOTE_SELECTOR: vscode.DocumentSelector = NOTE_SCHEMES.map((scheme) => ({ language: 'markdown', scheme }));

/** Where entity cards show: notes, and the corpus' own read-only articles. */
export const HOVER_SELECTOR: vscode.DocumentSelector = [
  ...NOTE_SELECTOR,
  { language: 'markdown', scheme: ARTICLE_SCHEME },
  { language: ARTICLE_TEXT_LANGUAGE, scheme: ARTICLE_SCHEME },
];

/**
 * The one rule for what a note is: a document `NOTE_SELECTOR` selects that is
 * not an article of the corpus opened from its folder (Sourcebook never
 * writes into a corpus, and an article is not checked against itself).
 */
export function isNote(document: vscode.TextDocument, corpus: Corpus): boolean {
  if (document.languageId !== 'markdown') return false;
  const { scheme, fsPath } = document.uri;
  if (!(NOTE_SCHEMES as readonly string[]).includes(scheme)) return false;
  return scheme !== 'file' || corpus.articleAt(fsPath) === undefined;
}

/** Notes larger than this are not read from disk (a note is text a person writes). */
const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** The Markdown notes of the workspace on disk (not corpus articles, nothing under `node_modules`). */
export async function workspaceNotes(corpus: Corpus): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**');
  return uris.filter((uri) => corpus.articleAt(uri.fsPath) === undefined);
}

/** A note's text: as it is in the editor when open, else as saved; undefined when it cannot be read or is too large. */
export async function readNote(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_NOTE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
