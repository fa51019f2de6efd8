/**
 * Turns the blocks an importer read (paragraphs, headings, tables) into the extracted text, one
 * paragraph per line, and the mdast tree over it. Every node's position points into that text, so
 * the pipeline's blocks stage slices the same characters a text file would give it, and messages
 * name the line of the published text.
 */
import type { Heading, Paragraph, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import type { Point, Position } from 'unist';
import type { SourceBlock } from './types.ts';

/** White space inside a paragraph as the page shows it: tabs and runs of spaces are one space; line breaks stay. */
export function normalizeParagraph(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0 ]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

export interface AssembledText {
  text: string;
  tree: Root;
  /** The page each line starts on, when the blocks came with pages. */
  pageOfLine: number[];
}

/** Writes the blocks as text, one paragraph per line (a table row per line, as GFM), and builds the tree. */
export function assemble(blocks: SourceBlock[]): AssembledText {
  let text = '';
  let line = 1;
  let lineStart = 0;
  const pageOfLine: number[] = [];
  const point = (): Point => ({ line, column: text.length - lineStart + 1, offset: text.length });
  /** Appends characters that hold no newline. */
  const write = (chars: string) => {
    text += chars;
  };
  const newline = (page: number | undefined) => {
    pageOfLine.push(page ?? 0);
    text += '\n';
    line++;
    lineStart = text.length;
  };
  /** A text node over `value`, written now; inner newlines keep their place. */
  const textNode = (value: string, page: number | undefined): Text => {
    const start = point();
    value.split('\n').forEach((part, index) => {
      if (index > 0) newline(page);
      write(part);
    });
    return { type: 'text', value, position: { start, end: point() } };
  };

  const children: RootContent[] = [];
  for (const block of blocks) {
    if (block.type === 'table') {
      const rows = block.rows.map((row) => row.map((cell) => normalizeParagraph(cell).replace(/\n/g, ' ')));
      if (!rows.some((row) => row.some(Boolean))) continue;
      const width = Math.max(...rows.map((row) => row.length));
      const start = point();
      const tableRows: TableRow[] = rows.map((row, index) => {
        const rowStart = point();
        const cells: TableCell[] = [];
        write('|');
        for (let column = 0; column < width; column++) {
          write(' ');
          const value = row[column] ?? '';
          const cellStart = point();
          const cellChildren = value ? [textNode(value, block.page)] : [];
          cells.push({ type: 'tableCell', children: cellChildren, position: { start: cellStart, end: point() } });
          write(' |');
        }
        const position: Position = { start: rowStart, end: point() };
        newline(block.page);
        // GFM needs the delimiter row under the header for the published text to read as a table.
        if (index === 0) {
          write(`|${' --- |'.repeat(width)}`);
          newline(block.page);
        }
        return { type: 'tableRow', children: cells, position };
      });
      const end = { ...point() };
      children.push({ type: 'table', align: Array(width).fill(null), children: tableRows, position: { start, end } } satisfies Table);
      continue;
    }
    const value = normalizeParagraph(block.text);
    if (!value) continue;
    const start = point();
    const node = textNode(value, block.page);
    const position: Position = { start, end: point() };
    newline(block.page);
    children.push(
      block.type === 'heading'
        ? ({ type: 'heading', depth: block.depth, children: [node], position } satisfies Heading)
        : ({ type: 'paragraph', children: [node], position } satisfies Paragraph),
    );
  }
  const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: point() } };
  return { text, tree, pageOfLine };
}
