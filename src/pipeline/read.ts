/**
 * Stage 1, read: turn the bytes of a published file into text.
 *
 * Files come from PDF extraction tools and office exports, so they arrive as UTF-8 (with or without
 * a BOM), UTF-16 (Windows "Unicode" exports) or Big5 (older Traditional Chinese systems). Line endings
 * are normalised to LF; every other character is kept. Because a CRLF or a lone CR becomes exactly one
 * LF, line numbers of the text are the line numbers of the source file.
 */
import { VFile } from 'vfile';
import type { PublishedFile } from '../model/types.ts';
import { fingerprint } from './fingerprint.ts';

/** The text encodings the read stage decodes. */
export type SourceEncoding = PublishedFile['encoding'];

/** What {@link readSource} knows about a file besides its text, kept on `file.data`. */
export interface ReadData {
  encoding: SourceEncoding;
}

declare module 'vfile' {
  interface DataMap {
    encoding: SourceEncoding;
    /** Size, SHA-256, encoding and media type of the bytes as published. */
    published: PublishedFile;
  }
}

/** Thrown when no supported encoding decodes the file: the build cannot publish what it cannot read. */
export class UnreadableSourceError extends Error {
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`${path}:1:1 ${reason}`);
    this.name = 'UnreadableSourceError';
    this.path = path;
  }
}

/** File formats published alongside the texts, by their first bytes: a copy saved under a text name. */
const SIGNATURES: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (an ODT or DOCX document is one)', [0x50, 0x4b, 0x03, 0x04]],
  ['an old Office document (DOC/XLS)', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** What kind of binary file the bytes are, if they are one. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [kind, signature] of SIGNATURES) if (signature.every((byte, i) => bytes[i] === byte)) return kind;
  return undefined;
}

/** Text has no NUL and few control characters; a binary file that happens to decode has many. */
function looksBinary(text: string): boolean {
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return text.includes('\u0000') || controls > Math.max(8, text.length / 200);
}

/** Detects the encoding from a BOM or, failing that, from the bytes themselves. */
export function detectEncoding(bytes: Uint8Array): SourceEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const nul = utf16NulPattern(bytes);
  if (nul) return nul;
  if (decodes(bytes, 'utf-8')) return 'utf-8';
  if (decodes(bytes, 'big5')) return 'big5';
  return undefined;
}

/**
 * UTF-16 without a BOM still betrays itself: text with ASCII digits, spaces and newlines has NUL in
 * every other byte, on the odd side for little-endian and the even side for big-endian.
 */
function utf16NulPattern(bytes: Uint8Array): SourceEncoding | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  // CJK code units rarely have a zero byte (紀 is U+7D00), ASCII ones always do: compare the two sides.
  if (odd > pairs * 0.1 && even * 4 < odd) return 'utf-16le';
  if (even > pairs * 0.1 && odd * 4 < even) return 'utf-16be';
  return undefined;
}

function decodes(bytes: Uint8Array, encoding: SourceEncoding): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Normalises CRLF and lone CR to LF, one for one, so line numbers do not move. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decodes a source file into a VFile whose value is the document text.
 * @param bytes the file as published
 * @param path the path reported in messages (relative to the project root, e.g. `content/minutes/x.txt`)
 */
export function readSource(bytes: Uint8Array, path: string): VFile {
  const kind = binaryKind(bytes);
  if (kind) {
    throw new UnreadableSourceError(
      path,
      `cannot read the file: it is ${kind}, not text (expected the document's text saved as UTF-8, UTF-16 or Big5; save the text of the original as a .txt file)`,
    );
  }
  const encoding = detectEncoding(bytes);
  if (!encoding) {
    throw new UnreadableSourceError(path, 'cannot read the file: it is neither UTF-8, UTF-16 nor Big5 (expected a text file as published)');
  }
  // `ignoreBOM: false` (the default) drops a leading BOM: it is an encoding mark, not a character of the text.
  const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  if (looksBinary(text)) {
    throw new UnreadableSourceError(
      path,
      `cannot read the file: it holds binary data (NUL or control bytes), not text (expected the document's text saved as UTF-8, UTF-16 or Big5)`,
    );
  }
  if (!text.trim()) {
    throw new UnreadableSourceError(path, 'empty file: nothing to publish (expected the text of minutes or a report; remove the file or add its text)');
  }
  const file = new VFile({ path, value: normalizeLineEndings(text) });
  file.data.encoding = encoding;
  file.data.published = fingerprint(bytes, path, encoding);
  return file;
}
