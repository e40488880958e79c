import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import { entityIndexFor } from '../../core/entities';
import { ContextKeys } from '../commandIds';
import { markWalkthroughStep } from '../walkthroughProgress';
import { entityCard } from './entityCard';
import type { SafeMarkdown } from './safeMarkdown';

/**
 * Entity cards for Markdown documents: the user's notes, and the read-only
 * article documents too (a name in an article is as worth a look as one in
 * a note). Thin: the core finds the mention under the cursor, on the hovered
 * line only and only near the cursor, so a megabyte-long line answers at
 * once; `entityCard` writes the card.
 */
export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(
    /** The corpus once loaded: a hover during the first load waits for it. */
    private readonly corpus: () => Promise<Corpus>,
    private readonly isEnabled: () => boolean,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!this.isEnabled()) return undefined;
    const corpus = await this.corpus();
    if (token.isCancellationRequested) return undefined;
    const index = entityIndexFor(corpus);
    const mention = index.mentionAt(document.lineAt(position.line).text, position.character);
    const at = { uri: document.uri.toString(), line: position.line, character: mention?.end ?? position.character };
    const card = mention && entityCard(index, corpus, mention.entityId, at);
    if (!mention || !card) return undefined;
    markWalkthroughStep(ContextKeys.walkthroughHoveredEntity);
    return new vscode.Hover(
      trustedMarkdown(card),
      new vscode.Range(position.line, mention.start, position.line, mention.end),
    );
  }
}

/**
 * The one place a hover's MarkdownString is made: its text was escaped by
 * `SafeMarkdown`, no HTML is rendered, and only the Sourcebook commands its
 * links name may run.
 */
export function trustedMarkdown(card: SafeMarkdown): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(card.value);
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  markdown.isTrusted = { enabledCommands: card.enabledCommands };
  return markdown;
}
