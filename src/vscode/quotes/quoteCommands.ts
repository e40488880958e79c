import * as vscode from 'vscode';
import { type CitationStyle, citedTitle } from '../../core/citations';
import type { Corpus } from '../../core/corpus';
import { entityIndexFor } from '../../core/entities';
import type { Article, ArticlePlace, Passage } from '../../core/model';
import { articleIdOf } from '../corpus/articleDocuments';
import { entityAt } from '../entities/entityAt';
import { ContextKeys } from '../commandIds';
import type { Services } from '../services';
import { markWalkthroughStep } from '../walkthroughProgress';
import { citationStyle, type InsertedQuote, insertQuote, type UndoStops } from './insertQuote';
import { isNote } from '../notes';
import type { NotesTracker } from './notesTracker';
import { pickPassages, type PickRequest } from './quotePicker';
import { selectionPassage } from './selectionPassage';
import { sameUri } from '../convert';

/**
 * Arguments of `sourcebook.insertCitedQuote` (all optional): with `passageId`
 * it inserts without asking; otherwise it opens the search, started with
 * `query` or the `entity`'s name, and limited to `articleId`/`sectionIndex`.
 */
export interface InsertQuoteArgs extends Partial<ArticlePlace> {
  readonly passageId?: string;
  readonly query?: string;
  readonly style?: CitationStyle;
  /** An entity id or any of its names. */
  readonly entity?: string;
  /** Where to insert (a hovered mention): the quote goes after that place's paragraph, not at the cursor. */
  readonly at?: NotePlace;
}

/** A place in a note, as a hover card's link carries it: the document's URI and a 0-based line and character. */
export interface NotePlace {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

export class QuoteCommands {
  constructor(
    private readonly services: Services,
    private readonly notes: NotesTracker,
  ) {}

  /**
   * *Insert Cited Quote…*: pick passages (or take `passageId`) and insert them
   * into the current note, in the order picked, as one undo step. Resolves to
   * the first quote inserted.
   */
  async insertCitedQuote(args: InsertQuoteArgs = {}): Promise<InsertedQuote | undefined> {
    const corpus = await this.services.corpus.ready;
    const editor = args.at ? await this.editorAt(args.at) : await this.targetEditor();
    if (!editor) return undefined;
    const passages =
      args.passageId !== undefined
        ? [this.passageById(corpus, args.passageId)].filter((p) => p !== undefined)
        : await this.pick(corpus, args, editor.document.uri);
    let first: InsertedQuote | undefined;
    for (const [i, passage] of passages.entries()) {
      const undo = { before: i === 0, after: i === passages.length - 1 };
      const inserted = await this.insert(editor, corpus, passage, args.style, undo);
      if (!inserted) break;
      first ??= inserted;
    }
    return first;
  }

  /** *Insert Quote about Entity under Cursor*: the search, started with the entity's name. */
  async insertQuoteAboutEntity(args: InsertQuoteArgs = {}): Promise<InsertedQuote | undefined> {
    if (args.entity !== undefined || args.passageId !== undefined) return this.insertCitedQuote(args);
    const corpus = await this.services.corpus.ready;
    const editor = vscode.window.activeTextEditor;
    const entity = editor ? entityAt(corpus, editor.document, editor.selection.active) : undefined;
    if (!entity)
      void vscode.window.setStatusBarMessage(
        'Sourcebook: no entity name under the cursor; search the whole corpus instead.',
        4000,
      );
    return this.insertCitedQuote({ ...args, ...(entity ? { entity } : {}) });
  }

  /** *Quote Selection into Notes*: the selection in an article, quoted into the last active note. */
  async quoteSelectionIntoNotes(args: { style?: CitationStyle } = {}): Promise<InsertedQuote | undefined> {
    const corpus = await this.services.corpus.ready;
    const source = vscode.window.activeTextEditor;
    const articleId = source && articleIdOf(source.document.uri);
    const article = articleId === undefined ? undefined : corpus.article(articleId);
    if (!source || !article) {
      void vscode.window.showInformationMessage(
        'Sourcebook: select text in a corpus article to quote it into your notes.',
      );
      return undefined;
    }
    const { document, selection } = source;
    const passage = selectionPassage(article, document.offsetAt(selection.start), document.offsetAt(selection.end));
    if (!passage) {
      void vscode.window.showInformationMessage('Sourcebook: the selection holds no article text to quote.');
      return undefined;
    }
    const target = await this.targetEditor();
    return target && this.insert(target, corpus, passage, args.style);
  }

  private async insert(
    editor: vscode.TextEditor,
    corpus: Corpus,
    passage: Passage,
    style: unknown,
    undo?: UndoStops,
  ): Promise<InsertedQuote | undefined> {
    const article = corpus.article(passage.articleId);
    if (!article) {
      void vscode.window.showWarningMessage(
        `Sourcebook could not insert the quote: its article is no longer in the corpus.`,
      );
      return undefined;
    }
    try {
      const inserted = await insertQuote(
        editor,
        passage,
        article,
        citationStyle(style, editor.document.uri, this.services.log),
        undo,
      );
      if (inserted) markWalkthroughStep(ContextKeys.walkthroughInsertedQuote);
      else
        void vscode.window.showWarningMessage(
          'Sourcebook could not insert the quote: the note changed meanwhile. Try again.',
        );
      return inserted;
    } catch (error) {
      this.services.log.error('insert quote failed', error);
      void vscode.window.showErrorMessage(
        `Sourcebook could not insert the quote: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }

  private passageById(corpus: Corpus, id: string): Passage | undefined {
    const passage = corpus.passage(id);
    if (!passage) void vscode.window.showWarningMessage(`Sourcebook: no passage "${id}" in the corpus.`);
    return passage;
  }

  private async pick(corpus: Corpus, args: InsertQuoteArgs, note: vscode.Uri): Promise<Passage[]> {
    const hits = await pickPassages(corpus, { ...pickRequest(corpus, args), note });
    return hits.map((hit) => corpus.passage(hit.passageId)).filter((passage) => passage !== undefined);
  }

  /**
   * The note a card's link names, with the cursor put at the hovered mention
   * (so the quote lands after its paragraph) and the card closed.
   */
  private async editorAt(at: NotePlace): Promise<vscode.TextEditor | undefined> {
    void vscode.commands.executeCommand('editor.action.hideHover');
    const uri = vscode.Uri.parse(at.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, uri));
    const editor = visible ?? (await vscode.window.showTextDocument(uri, { preview: false }));
    if (!isNote(editor.document, this.services.corpus.current)) return this.targetEditor();
    const position = editor.document.validatePosition(new vscode.Position(at.line, at.character));
    editor.selection = new vscode.Selection(position, position);
    return editor;
  }

  /** The note to write into: the active Markdown editor, else the last note used, else a new untitled note. */
  private async targetEditor(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active && isNote(active.document, this.services.corpus.current)) return active;
    const last = await this.notes.editor();
    if (last) return last;
    const choice = await vscode.window.showInformationMessage(
      'Sourcebook inserts quotes into a Markdown note, and none is open.',
      'New Note',
    );
    if (choice !== 'New Note') return undefined;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    return vscode.window.showTextDocument(document, { preview: false });
  }
}

function pickRequest(corpus: Corpus, args: InsertQuoteArgs): PickRequest {
  const article: Article | undefined = args.articleId === undefined ? undefined : corpus.article(args.articleId);
  if (article) {
    const section = args.sectionIndex === undefined ? undefined : article.sections[args.sectionIndex];
    const where = section && section.depth > 0 && section.title !== article.title ? ` § ${section.title}` : '';
    return {
      title: `Insert Quote from ${citedTitle(article)}${where}`,
      articleId: article.id,
      ...(section ? { sectionIndex: section.index } : {}),
      ...(args.query ? { query: args.query } : {}),
    };
  }
  if (args.entity !== undefined) {
    const index = entityIndexFor(corpus);
    const entity = index.entity(args.entity) ?? index.resolve(args.entity);
    const name = entity?.name ?? args.entity;
    return { title: `Insert Quote about ${name}`, query: args.query ?? `${name} ` };
  }
  return { title: 'Insert Cited Quote', ...(args.query ? { query: args.query } : {}) };
}
