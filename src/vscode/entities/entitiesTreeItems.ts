import * as vscode from 'vscode';
import { kindGroupTitle, kindInWords } from '../../core/entities';
import type { Article } from '../../core/model';
import { articleUri } from '../corpus/articleDocuments';
import type { EntitiesNode, EntityNode, KindNode, MentioningArticleNode } from './entitiesNodes';
import { toRange } from '../convert';

export const EntitiesItemContext = {
  kind: 'sourcebook.entityKind',
  entity: 'sourcebook.entity',
  article: 'sourcebook.entityArticle',
} as const;

const KIND_ICONS: Record<string, string> = {
  company: 'organization',
  organization: 'organization',
  person: 'person',
  product: 'package',
  platform: 'layers',
  chip: 'circuit-board',
  government: 'law',
  place: 'location',
  index: 'graph-line',
  concept: 'lightbulb',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Converts an Entities node to what the view shows. Corpus text goes only into plain text or escaped Markdown. */
export function entitiesTreeItem(node: EntitiesNode, article: (id: string) => Article | undefined): vscode.TreeItem {
  if (node.kind === 'kind') return kindItem(node);
  if (node.kind === 'entity') return entityItem(node);
  return articleItem(node, article(node.articleId));
}

function kindItem(node: KindNode): vscode.TreeItem {
  const item = new vscode.TreeItem(kindGroupTitle(node.name), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = `${node.entities.length}`;
  item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.name] ?? 'symbol-misc');
  item.contextValue = EntitiesItemContext.kind;
  return item;
}

function entityItem(node: EntityNode): vscode.TreeItem {
  const { entity } = node;
  const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = [
    plural(node.articles.length, 'article'),
    plural(node.mentions, 'mention'),
    ...(entity.source === 'discovered' ? ['discovered'] : []),
  ].join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(entity.name).appendMarkdown('** — ').appendText(kindInWords(entity.kind));
  if (entity.source === 'discovered')
    tooltip.appendMarkdown('\n\n').appendText(`Found in ${plural(node.articles.length, 'article')}, not in a catalog.`);
  if (entity.aliases.length > 0) tooltip.appendMarkdown('\n\n').appendText(`Also: ${entity.aliases.join(', ')}`);
  if (entity.description) tooltip.appendMarkdown('\n\n').appendText(entity.description);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(KIND_ICONS[entity.kind] ?? 'symbol-misc');
  item.contextValue = EntitiesItemContext.entity;
  return item;
}

function articleItem(node: MentioningArticleNode, article: Article | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = plural(node.mentions, 'mention');
  item.tooltip = `${node.title}\nOpens at the first mention of ${node.parent.entity.name}.`;
  item.iconPath = new vscode.ThemeIcon('book');
  item.contextValue = EntitiesItemContext.article;
  if (article) {
    const selection = toRange(node.first);
    item.command = {
      command: 'vscode.open',
      title: 'Open at First Mention',
      arguments: [articleUri(article), { selection, preview: true }],
    };
  }
  return item;
}
