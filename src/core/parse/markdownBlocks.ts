import type { Root, RootContent, Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BlockKind } from '../model';
import type { Block } from './blocks';

const withGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const withoutGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * Characters every GFM construct needs: table pipes, strikethrough tildes,
 * autolink literals (`www.`, `://`, `@` of an email), footnotes (`[^`) and
 * task list items (`[ ]`, `[x]`). A text with none of them parses the same
 * without GFM, and about twice as fast: most news articles have none.
 */
const GFM_TRIGGERS = /[|~@]|www\.|:\/\/|\[\^|\[[ xX]\]/i;

/**
 * Parses Markdown with remark and returns its headings and prose blocks in
 * document order. Code, HTML and front matter are not prose and are left out.
 * GFM is used when the text could hold a GFM construct (or `gfm` says so).
 */
export function markdownBlocks(text: string, options: { readonly gfm?: boolean } = {}): Block[] {
  const gfm = options.gfm ?? GFM_TRIGGERS.test(text);
  const tree = (gfm ? withGfm : withoutGfm).parse(text) as Root;
  const blocks: Block[] = [];
  for (const node of tree.children) visit(node, 'paragraph', blocks);
  return blocks;
}

function visit(node: RootContent, kind: BlockKind, out: Block[]): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  switch (node.type) {
    case 'heading':
      if (start !== undefined && end !== undefined) {
        out.push({ type: 'heading', depth: node.depth, title: plainText(node).trim(), start, end });
      }
      return;
    case 'paragraph':
      if (start !== undefined && end !== undefined) out.push({ type: 'text', kind, start, end });
      return;
    case 'list':
      for (const item of node.children) for (const child of item.children) visit(child, 'listItem', out);
      return;
    case 'blockquote':
      for (const child of node.children) visit(child, 'blockquote', out);
      return;
    case 'table':
      for (const row of node.children) {
        const rowStart = row.position?.start.offset;
        const rowEnd = row.position?.end.offset;
        if (rowStart !== undefined && rowEnd !== undefined)
          out.push({ type: 'text', kind: 'tableRow', start: rowStart, end: rowEnd });
      }
      return;
    default:
      return;
  }
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}
