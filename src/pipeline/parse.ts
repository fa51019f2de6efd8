/**
 * Stage 3, parse: the repaired text as markdown (CommonMark + GFM tables), with remark-parse.
 *
 * The published texts carry markdown residue (`- (一)` list markers, `**bold**`, `####` headings) and
 * sometimes real GFM tables (follow-up status tables); parsing them as markdown tells residue from text.
 * remark-cjk-friendly makes `**會議結論：**同意` bold as its author meant: CommonMark alone leaves
 * those asterisks in the text when punctuation meets a CJK character.
 *
 * micromark's time grows faster than the text (a 1 MB file of short lists takes minutes), so long
 * texts are parsed in chunks cut where markdown itself starts afresh (see {@link chunkStarts}); the
 * chunks' trees are joined with positions in the whole text, the same tree one parse would give.
 */
import type { Root, RootContent } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

/** Chunks are cut at the first safe line after this many characters. */
export const CHUNK_SIZE = 16_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that run on across blank lines until their end tag (CommonMark kinds 1 and 2). */
const RAW_HTML = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
/** Lines that may continue an open block even after a blank line: indented, list items, quotes, table rows. */
const CONTINUES = /^(?:[ \t]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|\|)/;

/**
 * Offsets of the lines where a chunk may start: after a blank line, at a line that starts at the left
 * margin with text that cannot continue a list, quote, table, fenced code or raw HTML block. Every
 * block open before such a line is closed by it, so the parts parse as they would in one piece.
 */
export function chunkStarts(text: string, size = CHUNK_SIZE): number[] {
  const starts = [0];
  let fence: string | undefined;
  let html: string | undefined;
  let blank = false;
  let offset = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const lineEnd = end === -1 ? text.length : end;
    const line = text.slice(offset, lineEnd);
    const isBlank = !line.trim();
    if (fence) {
      if (line.trim().startsWith(fence)) fence = undefined;
    } else if (html) {
      if (line.toLowerCase().includes(html)) html = undefined;
    } else {
      const opening = !isBlank && blank && offset - starts.at(-1)! >= size && !CONTINUES.test(line);
      if (opening) starts.push(offset);
      const fenceMatch = FENCE.exec(line);
      const htmlMatch = RAW_HTML.exec(line);
      if (fenceMatch) fence = fenceMatch[1]!;
      else if (htmlMatch && !line.toLowerCase().includes(`</${htmlMatch[1]!.toLowerCase()}>`)) html = `</${htmlMatch[1]!.toLowerCase()}>`;
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) html = '-->';
    }
    blank = isBlank;
    offset = lineEnd + 1;
  }
  return starts;
}

/** Moves every position of a chunk's tree to where the chunk stands in the whole text. */
function shift(node: Node, offset: number, lines: number): void {
  const position = node.position;
  if (position) {
    for (const point of [position.start, position.end]) {
      point.offset = (point.offset ?? 0) + offset;
      point.line += lines;
    }
  }
  if ('children' in node) for (const child of node.children as Node[]) shift(child, offset, lines);
}

/** Parses a repaired file's text into an mdast tree (positions are offsets in the repaired text). */
export function parseMarkdown(file: VFile, chunkSize = CHUNK_SIZE): Root {
  const text = String(file.value);
  const starts = chunkStarts(text, chunkSize);
  let tree: Root;
  if (starts.length === 1) tree = parser.parse(file);
  else {
    const children: RootContent[] = [];
    let lines = 0;
    starts.forEach((start, index) => {
      const chunk = text.slice(start, starts[index + 1] ?? text.length);
      const part = parser.parse(chunk);
      for (const child of part.children) shift(child, start, lines);
      children.push(...part.children);
      lines += chunk.split('\n').length - 1;
    });
    tree = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines + 1, column: 1, offset: text.length } } };
  }
  return parser.runSync(tree, file) as Root;
}
