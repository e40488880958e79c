import * as vscode from 'vscode';
import { isCslStyle, prepareCslStyle } from '../../core/citations';
import type { Corpus } from '../../core/corpus';
import { searchIndexFor } from '../../core/search';
import { Commands } from '../commandIds';
import type { Services } from '../services';
import { styleInForce } from './citationStyleSetting';
import { NotesTracker } from './notesTracker';
import { type InsertQuoteArgs, QuoteCommands } from './quoteCommands';
import { Debouncer } from '../debouncer';

/** How long after a corpus load the search index starts building, so views and hovers come first. */
const INDEX_DELAY_MS = 1500;

/**
 * Cited quotes: *Insert Cited Quote…*, *Insert Quote about Entity under
 * Cursor*, *Quote Selection into Notes* (the Topics view's *Insert Quote from
 * Here…* calls `insertCitedQuote` with `{ articleId, sectionIndex }`). Every
 * command returns what it inserted, for tests and other callers.
 */
export function activateQuotes(services: Services): QuoteCommands {
  const notes = new NotesTracker(services.corpus);
  const commands = new QuoteCommands(services, notes);
  const indexTimer = new Debouncer();
  let building = new AbortController();
  const styleTimer = new Debouncer();
  const warmIndex = (corpus: Corpus) => {
    // A reload replaces the corpus: stop building the index of the one it replaced.
    building.abort();
    building = new AbortController();
    const { signal } = building;
    indexTimer.schedule(INDEX_DELAY_MS, () => buildIndex(corpus, services, signal));
  };
  const warmStyle = () => styleTimer.schedule(INDEX_DELAY_MS * 2, () => prepareStyle(services));
  services.context.subscriptions.push(
    notes,
    indexTimer,
    styleTimer,
    { dispose: () => building.abort() },
    vscode.commands.registerCommand(Commands.insertCitedQuote, (args?: InsertQuoteArgs) =>
      commands.insertCitedQuote(args ?? {}),
    ),
    vscode.commands.registerCommand(Commands.insertQuoteAboutEntity, (args?: InsertQuoteArgs) =>
      commands.insertQuoteAboutEntity(args ?? {}),
    ),
    vscode.commands.registerCommand(Commands.quoteSelectionIntoNotes, (args?: Pick<InsertQuoteArgs, 'style'>) =>
      commands.quoteSelectionIntoNotes(args ?? {}),
    ),
    services.corpus.onDidChange(warmIndex),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sourcebook.citation.style')) warmStyle();
    }),
  );
  void services.corpus.ready.then(warmIndex, () => undefined);
  warmStyle();
  return commands;
}

/** Builds the search index in the background (tokenized in a worker, added in slices), so the first search is instant. */
function buildIndex(corpus: Corpus, services: Services, signal: AbortSignal): void {
  const started = Date.now();
  const index = searchIndexFor(corpus);
  // Tokenizing runs in the parse workers: one long article would otherwise hold the extension host.
  index.warm(signal, services.corpus.analyser).then(
    () => {
      if (index.complete)
        services.log.info(
          `search index ready: ${corpus.size} articles in ${Date.now() - started} ms (built in the background)`,
        );
    },
    (error: unknown) => services.log.error('search index build failed', error),
  );
}

/** Compiles the configured CSL style while nobody waits on it (APA's first use takes a second or two). */
function prepareStyle(services: Services): void {
  const { style } = styleInForce();
  if (!isCslStyle(style)) return;
  const started = Date.now();
  try {
    prepareCslStyle(style);
    services.log.info(`citation style ${style} prepared in ${Date.now() - started} ms`);
  } catch (error) {
    services.log.error(`citation style ${style} could not be prepared`, error);
  }
}
