/**
 * What every importer of an original (PDF, ODT, DOCX, saved web page) gives the pipeline: the text
 * it read, one paragraph per line, and an mdast tree over that text. From there the pipeline is the
 * one the text files go through (blocks → images → structure → enrich → coverage).
 */
import type { Root } from 'mdast';

/** The formats agencies publish originals in. */
export type OriginalFormat = 'pdf' | 'odt' | 'docx' | 'html';

/** A problem an importer found, tied to the line of `text` (and the PDF page) where it is. */
export interface ImportMessage {
  reason: string;
  /** Line of the extracted text (1-based). */
  line?: number;
  /** Page of the original (PDF, 1-based). */
  page?: number;
  /** The original cannot be published: nothing was read from it. */
  fatal?: boolean;
}

/** An original as the archive read it. */
export interface ImportedSource {
  format: OriginalFormat;
  /** The extracted text, one paragraph per line: published as the document's text; line numbers refer to it. */
  text: string;
  /** The text as mdast (paragraphs, headings, GFM tables), every node with a `position` into `text`. */
  tree: Root;
  /** PDF: pages in the file. */
  pageCount?: number;
  /** PDF: the page each line of `text` starts on (index 0 is line 1). */
  pageOfLine?: number[];
  /** What was left out as printed: a web page's header, menu and footer; a PDF's page furniture. */
  omitted?: string[];
  messages: ImportMessage[];
}

/** One block of an original's body before it becomes text: a paragraph, a heading or a table. */
export type SourceBlock =
  | { type: 'paragraph'; text: string; page?: number }
  | { type: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; text: string; page?: number }
  | { type: 'table'; rows: string[][]; page?: number };

/** Thrown when an original cannot be read at all (damaged, encrypted, not the format its name says). */
export class UnreadableOriginalError extends Error {
  readonly page?: number;
  constructor(reason: string, page?: number) {
    super(reason);
    this.name = 'UnreadableOriginalError';
    if (page !== undefined) this.page = page;
  }
}
