/**
 * Lines of a PDF page from its text items: items on one baseline (within a fraction of their size)
 * are one line, read left to right. Spaces come from the PDF itself (space glyphs, or gaps pdfjs and
 * this module see between items); none is invented between characters that touch. Items drawn twice
 * a hair apart (a fake bold) are read once.
 */
import type { PdfPageContent, PdfTextItem } from './pdf-content.ts';

/** A gap wider than this share of the font size between two items is a space. */
const SPACE_GAP = 0.15;
/** A gap wider than this many font sizes separates columns (table cells, `主席：…　紀錄：…`). */
export const COLUMN_GAP = 1.5;

/** A run of a line between column gaps, with where it stands. */
export interface LineSegment {
  text: string;
  x0: number;
  x1: number;
}

export interface PdfLine {
  /** 1-based page number. */
  page: number;
  /** Baseline, from the page's bottom. */
  y: number;
  x0: number;
  x1: number;
  /** The largest font size on the line. */
  size: number;
  text: string;
  segments: LineSegment[];
  /** The line's text items left to right, for reading table cells by position. */
  pieces: LineSegment[];
  /** The PDF has a space at the line's end (a line broken at a space between words keeps it). */
  trailingSpace: boolean;
}

function sameBaseline(a: number, b: number, size: number): boolean {
  return Math.abs(a - b) <= size * 0.4;
}

/** Groups a page's items into lines, top to bottom. */
export function pageLines(page: PdfPageContent, pageNumber: number): PdfLine[] {
  const items = page.items.filter((item) => item.text.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of items) {
    const group = groups.at(-1);
    if (group && sameBaseline(group[0]!.y, item.y, Math.max(group[0]!.size, item.size))) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => buildLine(group, pageNumber)).filter((line): line is PdfLine => line !== undefined);
}

function buildLine(group: PdfTextItem[], page: number): PdfLine | undefined {
  const sorted = [...group].sort((a, b) => a.x - b.x);
  const segments: LineSegment[] = [];
  let text = '';
  let segment: LineSegment | undefined;
  let previous: PdfTextItem | undefined;
  let size = 0;
  const pieces: LineSegment[] = [];
  for (const item of sorted) {
    size = Math.max(size, item.size);
    if (!item.text.trim()) {
      // A space item (a glyph, or pdfjs's mark of a gap): a space unless one is there already.
      if (segment && !text.endsWith(' ')) {
        text += ' ';
        segment.text += ' ';
      }
      continue;
    }
    if (previous) {
      // Fake bold: the same run drawn again a fraction of a point to the right.
      if (item.text === previous.text && Math.abs(item.x - previous.x) < item.size * 0.2) continue;
      const gap = item.x - (previous.x + previous.width);
      if (segment && gap > COLUMN_GAP * item.size) {
        segments.push(finish(segment));
        segment = undefined;
        if (!text.endsWith(' ')) text += ' ';
      } else if (gap > SPACE_GAP * item.size && !text.endsWith(' ') && !item.text.startsWith(' ')) {
        text += ' ';
        if (segment) segment.text += ' ';
      }
    }
    if (!segment) segment = { text: '', x0: item.x, x1: item.x };
    segment.text += item.text;
    segment.x1 = Math.max(segment.x1, item.x + item.width);
    pieces.push({ text: item.text, x0: item.x, x1: item.x + item.width });
    text += item.text;
    previous = item;
  }
  if (segment) segments.push(finish(segment));
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean || !segments.length) return undefined;
  return { page, y: group[0]!.y, x0: segments[0]!.x0, x1: segments.at(-1)!.x1, size, text: clean, segments, pieces, trailingSpace: /\s$/.test(text) };
}

function finish(segment: LineSegment): LineSegment {
  return { ...segment, text: segment.text.replace(/\s+/g, ' ').trim() };
}

/** Whether a page's lines look like they hold a table (two or more consecutive lines split into columns): only then are its drawn rules read. */
export function mayHoldTable(lines: PdfLine[]): boolean {
  let run = 0;
  for (const line of lines) {
    run = line.segments.length >= 2 ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}
