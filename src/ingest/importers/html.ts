/**
 * Saved web pages (the 市政會議 minutes as the city site publishes them): rehype-parse → hast → the
 * content region (see html-region.ts) → mdast with hast-util-to-mdast → blocks. Ordered lists print
 * the numbers a browser would show; the site's header, menu, breadcrumbs and footer are left out and
 * listed in `omitted`.
 */
import type { Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { List, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { contentRegion } from './html-region.ts';
import type { SourceBlock } from './types.ts';

const parser = unified().use(rehypeParse);

/** The page's text: a BOM, then a `<meta charset>` in its first bytes, say how it is encoded; UTF-8 otherwise. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  try {
    return new TextDecoder(charset && charset !== 'utf8' ? charset : 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Phrasing content as text; a `<br>` is a line break. */
function phrasing(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'break') return '\n';
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if (node.type === 'image') return node.alt ?? '';
      return 'children' in node ? phrasing(node.children as PhrasingContent[]) : '';
    })
    .join('');
}

function listLabel(list: List, index: number): string {
  return list.ordered ? `${(list.start ?? 1) + index}.` : '•';
}

/** Blocks of the mdast tree, in order; list items carry the labels the page shows. */
function toBlocks(nodes: (RootContent | Nodes)[], blocks: SourceBlock[], label = ''): void {
  let pending = label;
  const take = () => {
    const value = pending;
    pending = '';
    return value;
  };
  const withLabel = (text: string) => {
    const value = take();
    return value ? `${value} ${text}` : text;
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        blocks.push({ type: 'paragraph', text: withLabel(phrasing(node.children)) });
        break;
      case 'heading':
        blocks.push({ type: 'heading', depth: node.depth, text: withLabel(phrasing(node.children)) });
        break;
      case 'code':
        blocks.push({ type: 'paragraph', text: withLabel(node.value) });
        break;
      case 'list':
        node.children.forEach((item, index) => toBlocks(item.children, blocks, listLabel(node, index)));
        break;
      case 'table':
        blocks.push({ type: 'table', rows: node.children.map((row) => row.children.map((cell) => phrasing(cell.children))) });
        break;
      case 'blockquote':
      case 'root':
        toBlocks(node.children, blocks, take());
        break;
      default:
        if ('children' in node) toBlocks(node.children as RootContent[], blocks, take());
        else if ('value' in node && typeof node.value === 'string' && node.type !== 'html') blocks.push({ type: 'paragraph', text: withLabel(node.value) });
    }
  }
}

/** Reads a saved web page into blocks, with the page chrome left out. */
export function readHtml(bytes: Uint8Array): { blocks: SourceBlock[]; omitted: string[] } {
  const hast = parser.parse(decodeHtml(bytes)) as HastRoot;
  const { region, omitted } = contentRegion(hast);
  const mdast = toMdast(region) as Root;
  const blocks: SourceBlock[] = [];
  toBlocks([mdast], blocks);
  return { blocks, omitted };
}
