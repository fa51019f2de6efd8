/**
 * Bordered tables of a PDF page: the ruling lines drawn (or thin filled rectangles, as Word draws
 * borders) make a grid, and the text items inside are read into cells by position. A grid needs
 * row rules and at least two columns; a merged cell (a column rule missing across a row) keeps its
 * text in its first column. Text the grid cannot place, or a page without a grid, stays as lines.
 */
import type { PdfRule } from './pdf-content.ts';
import type { LineSegment, PdfLine } from './pdf-lines.ts';

export interface PdfTable {
  page: number;
  /** Top and bottom of the grid (page coordinates). */
  top: number;
  bottom: number;
  /** Column boundaries, left to right. */
  columns: number[];
  rows: string[][];
  /** The lines the table took from the page. */
  lines: PdfLine[];
}

const TOLERANCE = 2;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const value of sorted) if (out.length === 0 || value - out.at(-1)! > TOLERANCE) out.push(value);
  return out;
}

interface Segment {
  at: number;
  from: number;
  to: number;
}

function split(rules: PdfRule[]): { horizontal: Segment[]; vertical: Segment[] } {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  for (const rule of rules) {
    const dx = Math.abs(rule.x2 - rule.x1);
    const dy = Math.abs(rule.y2 - rule.y1);
    if (dy < 0.5 && dx > 8) horizontal.push({ at: (rule.y1 + rule.y2) / 2, from: Math.min(rule.x1, rule.x2), to: Math.max(rule.x1, rule.x2) });
    else if (dx < 0.5 && dy > 4) vertical.push({ at: (rule.x1 + rule.x2) / 2, from: Math.min(rule.y1, rule.y2), to: Math.max(rule.y1, rule.y2) });
  }
  return { horizontal, vertical };
}

/** Whether a vertical rule at `x` crosses the band between `low` and `high`. */
function crosses(vertical: Segment[], x: number, low: number, high: number): boolean {
  const mid = (low + high) / 2;
  return vertical.some((rule) => Math.abs(rule.at - x) <= TOLERANCE && rule.from <= mid && rule.to >= mid);
}

/** Finds the grids on a page and reads the lines inside them into cells. */
export function pageTables(lines: PdfLine[], rules: PdfRule[], page: number, pageWidth: number): PdfTable[] {
  const { horizontal, vertical } = split(rules);
  // The page's own frame (a clip rectangle as wide as the page) is no table.
  const inner = horizontal.filter((rule) => rule.to - rule.from < pageWidth - 4);
  if (inner.length < 2 || vertical.length < 2) return [];
  // Row rules that share a horizontal extent belong to one grid; grids stack top to bottom.
  const sorted = [...inner].sort((a, b) => b.at - a.at);
  const grids: Segment[][] = [];
  for (const rule of sorted) {
    const grid = grids.find((g) => g.some((other) => Math.abs(other.from - rule.from) <= TOLERANCE * 2 && Math.abs(other.to - rule.to) <= TOLERANCE * 2));
    const last = grid?.at(-1);
    // Rows are joined only where a column rule runs from one row rule to the next.
    if (
      grid &&
      last &&
      vertical.some((v) => v.from <= rule.at + TOLERANCE && v.to >= last.at - TOLERANCE && v.at >= rule.from - TOLERANCE && v.at <= rule.to + TOLERANCE)
    )
      grid.push(rule);
    else grids.push([rule]);
  }
  const tables: PdfTable[] = [];
  for (const grid of grids) {
    const rowsAt = cluster(grid.map((rule) => rule.at)).sort((a, b) => b - a);
    if (rowsAt.length < 2) continue;
    const top = rowsAt[0]!;
    const bottom = rowsAt.at(-1)!;
    const left = Math.min(...grid.map((rule) => rule.from));
    const right = Math.max(...grid.map((rule) => rule.to));
    const columns = cluster(vertical.filter((v) => v.at >= left - TOLERANCE && v.at <= right + TOLERANCE && v.to > bottom && v.from < top).map((v) => v.at));
    if (columns.length < 3) continue;
    const inside = lines.filter((line) => line.y < top && line.y > bottom && line.x0 >= left - TOLERANCE && line.x1 <= right + TOLERANCE * 4);
    if (!inside.length) continue;
    const rows: string[][] = [];
    for (let r = 0; r + 1 < rowsAt.length; r++) {
      const [high, low] = [rowsAt[r]!, rowsAt[r + 1]!];
      // Column boundaries this row has: a missing one merges two cells.
      const bounds = columns.filter((x, index) => index === 0 || index === columns.length - 1 || crosses(vertical, x, low, high));
      const cells: { piece: LineSegment; line: PdfLine }[][] = Array.from({ length: columns.length - 1 }, () => []);
      for (const line of inside.filter((l) => l.y < high && l.y > low)) {
        for (const piece of line.pieces) {
          const center = (piece.x0 + piece.x1) / 2;
          const cell = bounds.findIndex((x, index) => index + 1 < bounds.length && center >= x && center < bounds[index + 1]!);
          // A piece over a border (inside the grid's tolerance) goes to the nearest cell: no text is dropped.
          const index = cell >= 0 ? cell : center < bounds[0]! ? 0 : bounds.length - 2;
          cells[columns.indexOf(bounds[index]!)]!.push({ piece, line });
        }
      }
      rows.push(cells.map((cell) => cellText(cell).replace(/\s+/g, ' ').trim()));
    }
    if (rows.some((row) => row.some(Boolean))) tables.push({ page, top, bottom, columns, rows, lines: inside });
  }
  return tables;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** A cell's text from its pieces: on one line spaced where the PDF leaves a gap, across lines joined as paragraphs are. */
function cellText(pieces: { piece: LineSegment; line: PdfLine }[]): string {
  let text = '';
  let previous: (typeof pieces)[number] | undefined;
  for (const entry of pieces) {
    const { piece, line } = entry;
    if (previous) {
      const last = text.at(-1) ?? '';
      const first = piece.text[0] ?? '';
      const spaced = /\s$/.test(text) || /^\s/.test(piece.text);
      if (previous.line === line) {
        if (!spaced && piece.x0 - previous.piece.x1 > 0.15 * line.size) text += ' ';
      } else if (!spaced && !CJK.test(last) && !CJK.test(first)) text += ' ';
    }
    text += piece.text;
    previous = entry;
  }
  return text;
}
