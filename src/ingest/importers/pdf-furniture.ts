/**
 * Page furniture: what a PDF prints on every page around the text (page numbers such as
 * 「第 1 頁，共 6 頁」, 「- 1 -」, 「3 / 12」, a running header or footer). It is not the document's
 * text and would cut paragraphs at every page break, so it is left out, and recorded as printed.
 * A line is furniture when it is the top or bottom line of its page and either reads as a page
 * number or recurs at the same height, digits aside, on most pages.
 */
import type { PdfLine } from './pdf-lines.ts';

const PAGE_NUMBER = [
  /^第\s*[\d０-９]+\s*頁\s*(?:[，,、/]?\s*共\s*[\d０-９]+\s*頁)?$/,
  /^[-–—－]\s*[\d０-９]+\s*[-–—－]$/,
  /^[\d０-９]+\s*[/／]\s*[\d０-９]+$/,
  /^(?:page\s*)?\d+(?:\s*of\s*\d+)?$/i,
  /^[\d０-９]{1,4}$/,
];

export function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBER.some((pattern) => pattern.test(trimmed));
}

/** How many lines at each end of a page may be furniture. */
const EDGE_LINES = 2;

/** Splits the lines of all pages into the body and the furniture. */
export function separateFurniture(pages: PdfLine[][]): { body: PdfLine[][]; furniture: PdfLine[] } {
  const key = (line: PdfLine) => `${Math.round(line.y / 3)}|${line.text.replace(/[\d０-９]+/g, '#').replace(/\s+/g, '')}`;
  const edges = pages.map((lines) => {
    const top = lines.slice(0, EDGE_LINES);
    const bottom = lines.slice(Math.max(EDGE_LINES, lines.length - EDGE_LINES));
    return new Set([...top, ...bottom]);
  });
  const counts = new Map<string, number>();
  edges.forEach((edge) => {
    for (const k of new Set([...edge].map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  // "Most pages": all of two, and over half of three or more.
  const recurring = (line: PdfLine) => pages.length >= 2 && (counts.get(key(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.6));
  const furniture: PdfLine[] = [];
  const body = pages.map((lines, index) =>
    lines.filter((line) => {
      const edge = edges[index]!.has(line);
      // A page number is furniture only outside the text: above the first or below the last body line.
      if (edge && (recurring(line) || (isPageNumber(line.text) && isOutermost(lines, line)))) {
        furniture.push(line);
        return false;
      }
      return true;
    }),
  );
  return { body, furniture };
}

/** Whether nothing is printed above (or below) the line on its page: page numbers stand apart from the text. */
function isOutermost(lines: PdfLine[], line: PdfLine): boolean {
  const index = lines.indexOf(line);
  const above = lines.slice(0, index);
  const below = lines.slice(index + 1);
  return above.every((other) => isPageNumber(other.text)) || below.every((other) => isPageNumber(other.text));
}
