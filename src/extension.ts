import { join } from 'node:path';
import * as vscode from 'vscode';
import { CitedByService } from './vscode/citedBy/citedByService';
import { registerCorpusCommands } from './vscode/corpus/commands';
import { ArticleFileSystem } from './vscode/corpus/articleDocuments';
import { CorpusService } from './vscode/corpus/corpusService';
import { indexStoreFor } from './vscode/corpus/corpusFolders';
import type { Services } from './vscode/services';
import type { EntitiesTreeProvider } from './vscode/entities/entitiesTreeProvider';
import type { TopicsTreeProvider } from './vscode/topics/topicsTreeProvider';
import type { CitedByTreeProvider } from './vscode/citedBy/citedByTree';
import { activateFeatures, type Features } from './vscode/features';
import { PersistedIndexes } from './vscode/indexes/persistedIndexes';
import { EntityDiscovery } from './vscode/indexes/entityDiscovery';
import type { ArchiveService } from './vscode/archive/archiveService';

/** What `activate` returns: the live services, for the integration tests and other extensions. */
export interface SourcebookApi {
  readonly services: Services;
  readonly topics: TopicsTreeProvider;
  readonly entities: EntitiesTreeProvider;
  readonly citedBy: CitedByTreeProvider;
  readonly indexes: PersistedIndexes;
  /** The team archive of `sourcebook.archive.url`. */
  readonly archive: ArchiveService;
  /** Called by VS Code's Markdown extension (`markdown.markdownItPlugins`): footnotes and citations in the preview. */
  readonly extendMarkdownIt: Features['preview']['extendMarkdownIt'];
}

/** The composition root: builds the shared services and hands them to each feature. */
export function activate(context: vscode.ExtensionContext): SourcebookApi {
  const log = vscode.window.createOutputChannel('Sourcebook', { log: true });
  context.subscriptions.push(log);
  // The first line of the log says which build is running, for bug reports.
  const { version } = context.extension.packageJSON as { version?: unknown };
  log.info(`Sourcebook ${String(version)} in VS Code ${vscode.version}`);

  try {
    const store = indexStoreFor(context);
    const corpus = new CorpusService(join(context.extensionPath, 'corpus'), log, store);
    // Before the features: a new corpus must know where its indexes start from before they are asked for.
    const indexes = new PersistedIndexes(corpus, store, log);
    const entityDiscovery = new EntityDiscovery(corpus, indexes, log);
    const articles = new ArticleFileSystem(corpus);
    const citedBy = new CitedByService(corpus);
    context.subscriptions.push(
      corpus,
      citedBy,
      indexes,
      entityDiscovery,
      entityDiscovery.onDidChange(() => indexes.schedule()),
      articles,
      articles.register(),
      ...registerCorpusCommands(corpus, log),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourcebook.corpus')) void corpus.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void corpus.reload()),
    );
    const services: Services = { context, log, corpus, citedBy, entityDiscovery };
    // Features: each registers its providers, views and commands from the shared services.
    const features = activateFeatures(services);

    // Loading runs in the background: activation returns at once.
    void corpus.reload().catch((error: unknown) => showFailure('Sourcebook could not load its corpus', error, log));
    return {
      services,
      topics: features.topics,
      entities: features.entities,
      citedBy: features.citedBy,
      indexes,
      archive: features.archive,
      extendMarkdownIt: features.preview.extendMarkdownIt,
    };
  } catch (error) {
    showFailure('Sourcebook failed to start', error, log);
    throw error;
  }
}

function showFailure(message: string, error: unknown, log: vscode.LogOutputChannel): void {
  log.error(message, error);
  void vscode.window
    .showErrorMessage(`${message}: ${error instanceof Error ? error.message : String(error)}`, 'Show Log')
    .then((choice) => {
      if (choice) log.show();
    });
}

export function deactivate(): void {}
