// Runs inside a real VS Code extension host (as an extensionTestsPath module):
// measures from asking VS Code to activate Sourcebook (loading its bundle
// included) to the Topics tree provider returning topics with articles.
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../../src/extension';
import type { GroupNode } from '../../../src/vscode/topics/topicsNodes';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<SourcebookApi>('sourcebook.sourcebook');
  if (!extension) throw new Error('sourcebook.sourcebook is not installed in this host');
  const wasActive = extension.isActive;
  const started = performance.now();
  const api = await extension.activate();
  const activated = performance.now();
  // The provider's root children wait for the corpus: one call answers once it is loaded.
  const groups = (await api.topics.getChildren()) as GroupNode[];
  const populated = performance.now();
  const articles = new Set(groups.flatMap((group) => group.articles.map((node) => node.article.id)));
  if (articles.size === 0) throw new Error('the Topics tree has no articles');
  const { stats } = api.services.corpus;
  console.log(
    `SOURCEBOOK_BENCH ${JSON.stringify({ wasActive, activateMs: activated - started, populatedMs: populated - started, topics: groups.length, articles: articles.size, fromCache: stats.fromCache, parsed: stats.parsed })}`,
  );
}
