/**
 * Paragraphs from the lines of a PDF's pages. Justified text fills every line of a paragraph but its
 * last, and the layouts indent by label level, so a new paragraph starts where:
 * - the line before ends short of the right margin (a paragraph's last line);
 * - the line starts with a label (壹、 一、 (一) 1. (1) •) not at the paragraph's own indent;
 * - the indent changes from the paragraph's continuation lines (hanging indents);
 * - the gap to the line before is larger than the text's line pitch (space between paragraphs);
 * - the font size changes (title and body);
 * - the line before ends a sentence and this one opens a unit the layouts print as a paragraph
 *   (`會議結論：`, `資訊局陳主秘補充報告：`, a field): an item title that happens to fill its line.
 * Page breaks do not end a paragraph: the first line of a page continues the last of the page before
 * unless one of these says otherwise. Lines are joined with no space between CJK characters; a space
 * stays only where the PDF has one (between Latin words or digits).
 */
import { TERMINAL, readLabel, startsStructure } from '../../pipeline/labels.ts';
import type { PdfLine } from './pdf-lines.ts';

export interface PdfParagraph {
  text: string;
  /** The page the paragraph starts on. */
  page: number;
  lines: PdfLine[];
}

/** The value seen most often, in bins of `bin`. */
function mode(values: number[], bin: number): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) {
    const key = Math.round(value / bin);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: number | undefined;
  let count = 0;
  for (const [key, n] of counts) if (n > count) [best, count] = [key, n];
  return best === undefined ? undefined : best * bin;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

/** What the layout of a document's body lines is: margins, body size, line pitch. */
export interface PageMetrics {
  size: number;
  right: number;
  pitch: number;
}

export function measureLines(lines: PdfLine[]): PageMetrics {
  const size =
    mode(
      lines.map((line) => line.size),
      0.5,
    ) ?? 12;
  const body = lines.filter((line) => Math.abs(line.size - size) < 1);
  const right = percentile(
    body.map((line) => line.x1),
    0.9,
  );
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const [a, b] = [body[i - 1]!, body[i]!];
    if (a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  return { size, right, pitch: mode(gaps, 0.25) ?? size * 1.5 };
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Joins a paragraph's next line to it: no space between CJK characters, a space only where the PDF has one. */
export function joinLine(text: string, line: PdfLine, spaceBefore: boolean): string {
  if (!text) return line.text;
  const last = text.at(-1)!;
  const first = line.text[0]!;
  if (CJK.test(last) || CJK.test(first) || !spaceBefore) return text + line.text;
  return `${text} ${line.text}`;
}

export function buildParagraphs(lines: PdfLine[], metrics = measureLines(lines)): PdfParagraph[] {
  const paragraphs: PdfParagraph[] = [];
  let current: PdfParagraph | undefined;
  for (const line of lines) {
    if (current && continues(current, line, metrics)) {
      const previous = current.lines.at(-1)!;
      current.text = joinLine(current.text, line, previous.trailingSpace);
      current.lines.push(line);
      continue;
    }
    current = { text: line.text, page: line.page, lines: [line] };
    paragraphs.push(current);
  }
  return paragraphs;
}

function continues(paragraph: PdfParagraph, line: PdfLine, metrics: PageMetrics): boolean {
  const previous = paragraph.lines.at(-1)!;
  const em = Math.max(line.size, previous.size);
  // A title and the body differ by a fifth or more; runs of one paragraph in two fonts may differ a little.
  if (Math.abs(line.size - previous.size) > 0.15 * em) return false;
  if (previous.x1 < metrics.right - 1.5 * em) return false;
  // The body's line pitch, scaled for larger or smaller type (a title wrapped onto two lines).
  const pitch = metrics.pitch * (em / metrics.size);
  if (line.page === previous.page && previous.y - line.y > pitch + Math.max(1.5, 0.08 * em)) return false;
  // The paragraph's continuation indent, once it has one.
  const indent = paragraph.lines[1]?.x0;
  if (indent !== undefined && Math.abs(line.x0 - indent) > 0.5 * em) return false;
  if (TERMINAL.test(previous.text) && startsStructure(line.text)) return false;
  if (readLabel(line.text) && (indent === undefined || Math.abs(line.x0 - indent) > 0.5 * em)) return false;
  return true;
}
