/**
 * PDF originals (text-based, from Word or LibreOffice): pdfjs-dist's text items → lines → page
 * furniture left out → bordered tables read into cells → paragraphs rebuilt across lines and pages.
 * A page without a text layer (a scan) is named in a message; a PDF with no text at all, an
 * encrypted or a damaged one cannot be published and says why.
 */
import { readPdfContent } from './pdf-content.ts';
import { separateFurniture } from './pdf-furniture.ts';
import { type PdfLine, pageLines } from './pdf-lines.ts';
import { buildParagraphs, measureLines } from './pdf-paragraphs.ts';
import { type PdfTable, pageTables } from './pdf-tables.ts';
import type { ImportMessage, SourceBlock } from './types.ts';
import { UnreadableOriginalError } from './types.ts';

/** `[1, 2, 3, 5]` → `1–3、5`: pages as a reader names them. */
export function pageRanges(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return parts.join('、');
}

const NO_OCR =
  "the archive reads a PDF's text layer and does not run OCR: publish the PDF exported from the word processor (or the ODT/DOCX) instead of a scan";

export interface PdfRead {
  blocks: SourceBlock[];
  pageCount: number;
  omitted: string[];
  messages: ImportMessage[];
}

export function readPdf(bytes: Uint8Array): PdfRead {
  const content = readPdfContent(bytes);
  if ('error' in content) {
    if (content.error === 'encrypted')
      throw new UnreadableOriginalError(`the PDF is encrypted with a password (${content.message}): its text cannot be read; publish it without a password`);
    if (content.error === 'damaged')
      throw new UnreadableOriginalError(`the PDF is damaged and cannot be read (${content.message}); export it again from the original document`);
    throw new UnreadableOriginalError(`the PDF could not be read: ${content.message}`);
  }
  const pageCount = content.pages.length;
  if (!pageCount) throw new UnreadableOriginalError('the PDF has no pages');
  const pages = content.pages.map((page, index) => pageLines(page, index + 1));
  const { body, furniture } = separateFurniture(pages);
  // A scan has images and no text but perhaps a stamped page number; a blank page has neither.
  const textless = body.flatMap((lines, index) => (lines.length || !content.pages[index]!.images ? [] : [index + 1]));
  const messages: ImportMessage[] = [];
  if (body.every((lines) => !lines.length)) {
    if (!textless.length) throw new UnreadableOriginalError('the PDF holds no text and no images: nothing to publish');
    throw new UnreadableOriginalError(
      `第 ${pageRanges(textless)} 頁沒有文字層（掃描影像）: ${pageCount === 1 ? 'the page has' : textless.length === pageCount ? `all ${pageCount} pages have` : 'these pages have'} no text, only images; ${NO_OCR}`,
      textless[0],
    );
  }
  if (textless.length) {
    messages.push({
      reason: `第 ${pageRanges(textless)} 頁沒有文字層（掃描影像）: ${textless.length === 1 ? 'the page has no text, only images, so what it shows' : 'these pages have no text, only images, so what they show'} is not in the archive; ${NO_OCR}`,
      page: textless[0]!,
    });
  }
  // Tables take their lines out of the page's flow; each stands where its first line stood.
  const flow: (PdfLine | PdfTable)[] = [];
  body.forEach((lines, index) => {
    const tables = content.pages[index]!.rules.length ? pageTables(lines, content.pages[index]!.rules, index + 1, content.pages[index]!.width) : [];
    const taken = new Map<PdfLine, PdfTable>();
    for (const table of tables) for (const line of table.lines) taken.set(line, table);
    const placed = new Set<PdfTable>();
    for (const line of lines) {
      const table = taken.get(line);
      if (!table) flow.push(line);
      else if (!placed.has(table)) {
        placed.add(table);
        flow.push(table);
      }
    }
  });
  const metrics = measureLines(body.flat());
  const blocks: SourceBlock[] = [];
  let run: PdfLine[] = [];
  const flush = () => {
    for (const paragraph of buildParagraphs(run, metrics)) blocks.push({ type: 'paragraph', text: paragraph.text, page: paragraph.page });
    run = [];
  };
  for (const entry of flow) {
    if ('rows' in entry) {
      flush();
      blocks.push({ type: 'table', rows: entry.rows, page: entry.page });
    } else run.push(entry);
  }
  flush();
  return { blocks, pageCount, omitted: furniture.map((line) => line.text), messages };
}
