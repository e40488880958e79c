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
  const tree = (gfm ? withGfm : withoutGfm).parse(text);
  return blocksOf(tree);
}

/** A node still to visit, with the kind its paragraphs get (from the nearest list or blockquote around it). */
interface Pending {
  readonly node: RootContent;
  readonly kind: BlockKind;
}

/**
 * The headings and prose blocks of a tree, in document order. The walk keeps
 * its own stack rather than recursing: a file can nest blockquotes or lists
 * thousands deep, which would overflow the call stack.
 */
function blocksOf(tree: Root): Block[] {
  const out: Block[] = [];
  const stack: Pending[] = [];
  const pushChildren = (children: readonly RootContent[], kind: BlockKind) => {
    for (let i = children.length - 1; i >= 0; i--) {
      const node = children[i];
      if (node) stack.push({ node, kind });
    }
  };
  pushChildren(tree.children, 'paragraph');
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, kind } = next;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'heading':
        if (start !== undefined && end !== undefined)
          out.push({ type: 'heading', depth: node.depth, title: plainText(node).trim(), start, end });
        break;
      case 'paragraph':
        if (start !== undefined && end !== undefined) out.push({ type: 'text', kind, start, end });
        break;
      case 'list':
        for (let i = node.children.length - 1; i >= 0; i--) {
          const item = node.children[i];
          if (item) pushChildren(item.children, 'listItem');
        }
        break;
      case 'blockquote':
        pushChildren(node.children, 'blockquote');
        break;
      case 'table':
        for (const row of node.children) {
          const rowStart = row.position?.start.offset;
          const rowEnd = row.position?.end.offset;
          if (rowStart !== undefined && rowEnd !== undefined)
            out.push({ type: 'text', kind: 'tableRow', start: rowStart, end: rowEnd });
        }
        break;
      default:
        break;
    }
  }
  return out;
}

/** The text of a node's leaves, in order; iterative, as emphasis and links can nest without limit. */
function plainText(root: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ('value' in node && typeof node.value === 'string') parts.push(node.value);
    else if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push(child);
      }
    }
  }
  return parts.join('');
}
