import * as vscode from 'vscode';
import type { Grouping, OutlineArticle } from '../../core/topicTree';
import { notesLabel } from '../citedBy/citedByTree';
import { Commands } from '../commandIds';
import type { OpenArticleArgs } from '../corpus/commands';
import type { ArticleNode, GroupNode, SectionNode, TopicsNode } from './topicsNodes';

/** `contextValue`s the menus in package.json match on. */
export const TopicsItemContext = {
  group: 'sourcebook.topic',
  article: 'sourcebook.article',
  section: 'sourcebook.section',
} as const;

const GROUP_ICONS: Record<Grouping, string> = { topic: 'tag', publisher: 'organization', date: 'calendar' };

/** Converts a Topics node to what the view shows. Corpus text goes only into plain text or escaped Markdown. */
export function topicsTreeItem(node: TopicsNode, filtered: boolean, citedIn = 0): vscode.TreeItem {
  if (node.kind === 'group') return groupItem(node, filtered);
  if (node.kind === 'article') return articleItem(node, citedIn);
  return sectionItem(node);
}

function groupItem(node: GroupNode, filtered: boolean): vscode.TreeItem {
  // A filtered tree is short and the user is looking for something: show it open.
  const item = new vscode.TreeItem(
    node.label,
    filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  item.description = node.articles.length === 1 ? '1 article' : `${node.articles.length} articles`;
  item.tooltip = node.description ?? node.label;
  item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.grouping]);
  item.contextValue = TopicsItemContext.group;
  return item;
}

/** An article, with how many notes cite it (`citedIn`) after its byline. */
function articleItem(node: ArticleNode, citedIn: number): vscode.TreeItem {
  const { article } = node;
  const state =
    node.sections.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(article.title, state);
  item.id = node.id;
  item.description = citedIn > 0 ? `${byline(article)} · ${notesLabel(citedIn)}` : byline(article);
  item.tooltip = articleTooltip(article);
  item.iconPath = new vscode.ThemeIcon('book');
  item.contextValue = TopicsItemContext.article;
  item.command = openCommand({ articleId: article.id }, article.title);
  return item;
}

function sectionItem(node: SectionNode): vscode.TreeItem {
  const { section } = node;
  const item = new vscode.TreeItem(section.title, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `line ${section.line}`;
  item.tooltip = `${section.title}\n${node.parent.article.title}`;
  item.iconPath = new vscode.ThemeIcon('symbol-string');
  item.contextValue = TopicsItemContext.section;
  item.command = openCommand({ articleId: node.articleId, sectionIndex: section.index }, section.title);
  return item;
}

/** "Publisher · date", saying so when either is unknown rather than leaving a gap. */
export function byline(article: Pick<OutlineArticle, 'publisher' | 'date'>): string {
  return `${article.publisher ?? 'Unknown publisher'} · ${article.date ?? 'undated'}`;
}

function articleTooltip(article: OutlineArticle): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(article.title).appendMarkdown('**\n\n');
  tooltip.appendText(byline(article)).appendMarkdown('\n\n');
  if (article.summary) tooltip.appendText(article.summary).appendMarkdown('\n\n');
  tooltip.appendText(`Article id: ${article.id}`);
  return tooltip;
}

function openCommand(args: OpenArticleArgs, title: string): vscode.Command {
  return { command: Commands.openArticle, title: `Open ${title}`, arguments: [args] };
}
