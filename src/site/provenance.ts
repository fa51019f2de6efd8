/**
 * What a document page says about where its text came from, in the words a reader checks it with:
 * the file's format and size, and the link that reports an error in it.
 */
import type { PublishedFile } from '../model/types.ts';
import type { ReportError } from '../schemas/site.ts';

const ENCODINGS: Record<PublishedFile['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  big5: 'Big5',
};

/** Originals as published by agencies (src/ingest/importers), by media type. */
const ORIGINALS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.oasis.opendocument.text': 'ODT（開放文件格式）',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX（Word）',
  'text/html': '網頁（HTML）',
};

/** `純文字（UTF-8）`, `Markdown 文字（Big5）`, `PDF`. */
export function formatLabel(file: Pick<PublishedFile, 'encoding' | 'mediaType'>): string {
  const original = ORIGINALS[file.mediaType.split(';')[0]!];
  if (original) return original;
  return `${file.mediaType.startsWith('text/markdown') ? 'Markdown 文字' : '純文字'}（${ENCODINGS[file.encoding]}）`;
}

/** `12,345 位元組（12.1 KB）`: the exact count to compare, the rounded one to read. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} 位元組`;
  if (bytes < 1024) return exact;
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : [bytes / 1024 ** 2, 'MB'];
  return `${exact}（${value.toFixed(1)} ${unit}）`;
}

/**
 * The "回報錯誤" link of a page: a `mailto:` whose subject names the document and whose body carries
 * the page's URL, or the configured form with the page's URL as a query parameter.
 */
export function reportErrorHref(target: ReportError, page: { title: string; url: string }): string {
  if (target.form) {
    const url = new URL(target.form);
    url.searchParams.set(target.formParameter, page.url);
    return url.href;
  }
  // RFC 6068: percent-encoded UTF-8, spaces as %20 (not +), line breaks as %0D%0A.
  // The title goes in the subject only: every encoded character costs a meeting page 9 bytes.
  const subject = encodeURIComponent(`回報錯誤：${page.title}`);
  const body = encodeURIComponent(`網址：${page.url}\r\n`);
  return `mailto:${target.email}?subject=${subject}&body=${body}`;
}
