/**
 * Originals (PDF, ODT, DOCX, saved web pages) into the pipeline: the importer for the file's format
 * (src/ingest/importers) reads it into text, one paragraph per line, and an mdast tree over that
 * text; from there the stages are the ones text files go through (processTree). The text is already
 * laid out as paragraphs, so there is no layout repair: the source map is the identity, and line
 * numbers in messages are lines of the extracted text (published beside the original).
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { ArchiveDocument, Item } from '../model/types.ts';
import { fingerprint } from '../pipeline/fingerprint.ts';
import type { ImageLookup } from '../pipeline/images.ts';
import { type Processed, type Registries, processSource, processTree } from '../pipeline/index.ts';
import { UnreadableSourceError } from '../pipeline/read.ts';
import { SourceMap } from '../pipeline/source-map.ts';
import { importOriginal, originalFormat } from './importers/index.ts';
import type { ImportedSource, OriginalFormat } from './importers/types.ts';

/** What the importer knew besides the text, kept on `file.data.original`. */
export interface OriginalData {
  format: OriginalFormat;
  pageCount?: number;
  pageOfLine?: number[];
  omitted?: string[];
}

declare module 'vfile' {
  interface DataMap {
    original: OriginalData;
  }
}

const MEDIA_TYPES: Record<OriginalFormat, string> = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
};

/** The line of the extracted text where a page starts: page messages point there. */
function lineOfPage(imported: ImportedSource, page: number): number {
  const index = imported.pageOfLine?.findIndex((start) => start >= page) ?? -1;
  return index >= 0 ? index + 1 : 1;
}

/**
 * Imports an original into a file (value: the extracted text) and its tree. An original that cannot
 * be read is an UnreadableSourceError naming the file and, for a PDF, the page.
 */
export function readOriginal(bytes: Uint8Array, path: string): { file: VFile; tree: Root } {
  const imported = importOriginal(bytes, path);
  const fatal = imported.messages.find((message) => message.fatal);
  if (fatal) throw new UnreadableSourceError(path, `cannot read the file: ${fatal.reason}`);
  const file = new VFile({ path, value: imported.text });
  file.data.sourceText = imported.text;
  file.data.plainText = true;
  file.data.sourceMap = new SourceMap(imported.text);
  file.data.encoding = 'utf-8';
  file.data.published = { ...fingerprint(bytes, path, 'utf-8'), mediaType: MEDIA_TYPES[imported.format] };
  file.data.original = {
    format: imported.format,
    ...(imported.pageCount !== undefined ? { pageCount: imported.pageCount, pageOfLine: imported.pageOfLine ?? [] } : {}),
    ...(imported.omitted ? { omitted: imported.omitted } : {}),
  };
  for (const message of imported.messages) {
    const line = message.line ?? (message.page !== undefined ? lineOfPage(imported, message.page) : 1);
    file.message(message.reason, { place: { line, column: 1 }, ruleId: 'import', source: 'minutes-archive' });
  }
  return { file, tree: imported.tree };
}

/**
 * Any source file to its document model: an original through its importer, a text file as read.
 * @param path the path shown in messages and kept as `source`; its extension says which it is
 */
export function processFile(bytes: Uint8Array, path: string, registries: Registries, options: { images?: ImageLookup } = {}): Processed {
  if (!originalFormat(path)) return processSource(bytes, path, registries, options);
  const { file, tree } = readOriginal(bytes, path);
  const processed = processTree(file, tree, path, registries, options);
  describeOriginal(processed.document, file.data.original!, String(file.value));
  return processed;
}

/** Adds what the model says about an original: its format, pages, what was left out, its text, and the PDF page each item and resolution starts on. */
function describeOriginal(document: ArchiveDocument, original: OriginalData, text: string): void {
  document.file = {
    ...document.file,
    format: original.format,
    ...(original.pageCount !== undefined ? { pages: original.pageCount } : {}),
    ...(original.omitted?.length ? { omitted: original.omitted } : {}),
    text,
  };
  const pageOfLine = original.pageOfLine;
  if (!pageOfLine?.length) return;
  const page = (line: number) => pageOfLine[line - 1] || undefined;
  const visit = (items: Item[]) => {
    for (const item of items) {
      const itemPage = page(item.line);
      if (itemPage) item.page = itemPage;
      for (const resolution of item.resolutions) {
        const resolutionPage = page(resolution.line);
        if (resolutionPage) resolution.page = resolutionPage;
      }
      visit(item.items);
    }
  };
  visit(document.items);
}
