/**
 * What a reader needs to check that the published source file is the one the archive read: its size
 * and SHA-256 over the bytes exactly as published (BOM and line endings included, before any
 * decoding), its text encoding and media type.
 */
import { createHash } from 'node:crypto';
import type { PublishedFile } from '../model/types.ts';

type SourceEncoding = PublishedFile['encoding'];

/** `.md` sources are published as markdown, everything else as plain text. */
export function mediaType(path: string, encoding: SourceEncoding): string {
  return `${/\.(?:md|markdown)$/i.test(path) ? 'text/markdown' : 'text/plain'}; charset=${encoding}`;
}

export function fingerprint(bytes: Uint8Array, path: string, encoding: SourceEncoding): PublishedFile {
  return {
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    mediaType: mediaType(path, encoding),
  };
}
