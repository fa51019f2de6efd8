/**
 * ODT and DOCX are ZIP packages: the archive opens them with fflate and tells which one a package
 * is from what it holds (ODF's `mimetype` entry, OOXML's `word/document.xml`), not from its name.
 */
import { unzipSync } from 'fflate';
import { UnreadableOriginalError } from './types.ts';

export type Package = Record<string, Uint8Array>;
export type PackageKind = 'odt' | 'docx';

const decoder = new TextDecoder('utf-8');

/** Opens a ZIP package; a file that is not a readable ZIP is an error saying so. */
export function openPackage(bytes: Uint8Array): Package {
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new UnreadableOriginalError(
      `cannot open the file as a ZIP package (ODT and DOCX are ZIP files): ${error instanceof Error ? error.message : String(error)}; the file is damaged or not an office document`,
    );
  }
}

/** The text of a package entry (XML parts are UTF-8). */
export function entryText(pkg: Package, name: string): string | undefined {
  const entry = pkg[name];
  return entry ? decoder.decode(entry) : undefined;
}

/** What kind of office document the package is; an error naming what it is instead when neither. */
export function packageKind(pkg: Package): PackageKind {
  const mimetype = entryText(pkg, 'mimetype')?.trim();
  if (mimetype === 'application/vnd.oasis.opendocument.text') return 'odt';
  if (pkg['word/document.xml']) return 'docx';
  if (mimetype) {
    throw new UnreadableOriginalError(
      `the ZIP package is an OpenDocument file of type ${mimetype}, not a text document (ODT); export the document as ODT, DOCX or PDF`,
    );
  }
  if (pkg['xl/workbook.xml'] || pkg['ppt/presentation.xml']) {
    throw new UnreadableOriginalError(
      `the ZIP package is ${pkg['xl/workbook.xml'] ? 'an Excel workbook (XLSX)' : 'a PowerPoint presentation (PPTX)'}, not a text document; export the document as ODT, DOCX or PDF`,
    );
  }
  const names = Object.keys(pkg).slice(0, 5).join(', ');
  throw new UnreadableOriginalError(
    `the ZIP package is neither an ODT nor a DOCX document (no mimetype entry, no word/document.xml; it holds ${names || 'nothing'})`,
  );
}
