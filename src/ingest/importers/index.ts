/**
 * One way in for originals: `importOriginal` picks the importer by the file's extension (and, for
 * the ZIP-based office formats, by what the package holds), and every importer ends in the same
 * ImportedSource: the text, one paragraph per line, and an mdast tree over it.
 */
import { extname } from 'node:path';
import { assemble } from './assemble.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { readOdt } from './odt.ts';
import { readPdf } from './pdf.ts';
import { type ImportMessage, type ImportedSource, type OriginalFormat, type SourceBlock, UnreadableOriginalError } from './types.ts';
import { openPackage, packageKind } from './zip.ts';

export type { ImportedSource, ImportMessage, OriginalFormat } from './types.ts';

const FORMATS: Record<string, OriginalFormat> = { '.pdf': 'pdf', '.odt': 'odt', '.docx': 'docx', '.html': 'html', '.htm': 'html' };

/** The original format a path's extension names, if it names one. */
export function originalFormat(path: string): OriginalFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/** Where `%PDF-` is: a PDF may have a few bytes of junk before its header, as readers allow. */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

const NAMES: Record<OriginalFormat, string> = { pdf: 'PDF', odt: 'ODT', docx: 'DOCX', html: 'web page' };

function read(
  bytes: Uint8Array,
  format: OriginalFormat,
): { format: OriginalFormat; blocks: SourceBlock[]; messages: ImportMessage[]; pageCount?: number; omitted?: string[] } {
  if (!bytes.length) throw new UnreadableOriginalError(`empty file: nothing to publish (expected a ${NAMES[format]})`);
  if (format === 'pdf') {
    if (!isPdf(bytes)) throw new UnreadableOriginalError('the file is named .pdf but is not a PDF (no %PDF- header): it is damaged or another kind of file');
    return { format, ...readPdf(bytes) };
  }
  if (format === 'html') return { format, messages: [], ...readHtml(bytes) };
  const pkg = openPackage(bytes);
  const kind = packageKind(pkg);
  const messages: ImportMessage[] =
    kind === format ? [] : [{ reason: `the file is named .${format} but is a ${NAMES[kind]} document: read as ${NAMES[kind]}` }];
  const result = kind === 'odt' ? readOdt(pkg) : readDocx(pkg);
  return { format: kind, blocks: result.blocks, messages: [...messages, ...result.messages] };
}

/**
 * Reads an original into text and mdast. A file that cannot be read gives an ImportedSource with
 * no text and a fatal message saying why (and on which page), never a thrown error.
 * @param path the file's path; its extension picks the importer
 */
export function importOriginal(bytes: Uint8Array, path: string): ImportedSource {
  const format = originalFormat(path);
  if (!format) throw new Error(`${path}: not an original (expected .pdf, .odt, .docx, .html or .htm)`);
  try {
    const { blocks, messages, pageCount, omitted, format: read_ } = read(bytes, format);
    const { text, tree, pageOfLine } = assemble(blocks);
    if (!text.trim()) {
      return {
        format: read_,
        text,
        tree,
        ...(pageCount ? { pageCount } : {}),
        messages: [...messages, { reason: `the ${NAMES[read_]} holds no text: nothing to publish`, fatal: true }],
      };
    }
    return {
      format: read_,
      text,
      tree,
      ...(pageCount !== undefined ? { pageCount, pageOfLine } : {}),
      ...(omitted?.length ? { omitted } : {}),
      messages,
    };
  } catch (error) {
    if (!(error instanceof UnreadableOriginalError)) throw error;
    return {
      format,
      text: '',
      tree: { type: 'root', children: [] },
      messages: [{ reason: error.message, fatal: true, ...(error.page !== undefined ? { page: error.page } : {}) }],
    };
  }
}
