import type * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus';
import { entityIndexFor } from '../../core/entities';

/** The entity named at a position of a note: the hover's rule (`mentionAt`: the name under or just before the cursor). */
export function entityAt(corpus: Corpus, document: vscode.TextDocument, position: vscode.Position): string | undefined {
  const line = document.lineAt(position.line).text;
  if (line.length > 10_000) return undefined;
  return entityIndexFor(corpus).mentionAt(line, position.character)?.entityId;
}
