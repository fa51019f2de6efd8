/**
 * Image files beside the documents under `content/`: what the images stage of the pipeline is told
 * about a path, and a listing that tells the loader when a cached document must be read again.
 */
import { closeSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { IMAGE_EXTENSIONS, type ImageLookup, imageFormat } from '../pipeline/images.ts';

/** Looks paths up under `<root>/content/`, reading only the first bytes of a file. */
export function imageLookup(root: string): ImageLookup {
  const content = join(root, 'content');
  let realContent: string | undefined;
  return (path) => {
    let real: string;
    try {
      real = realpathSync(join(content, path));
    } catch {
      return 'missing';
    }
    realContent ??= realpathSync(content);
    // A symbolic link may lead out of content/; only what the archive holds is published.
    if (!real.startsWith(realContent + sep)) return 'outside';
    if (!statSync(real).isFile()) return 'missing';
    const head = new Uint8Array(12);
    const fd = openSync(real, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    return imageFormat(head) ?? 'not-image';
  };
}

/**
 * Every image file under `content/` with its size, one a line: part of a document's cache key, so
 * adding, removing or replacing an image reads the documents again and their warnings stay true.
 */
export function imageListing(root: string): string {
  const content = join(root, 'content');
  let entries: string[];
  try {
    entries = readdirSync(content, { recursive: true }) as string[];
  } catch {
    return '';
  }
  return entries
    .filter((entry) => IMAGE_EXTENSIONS.includes(entry.slice(entry.lastIndexOf('.') + 1)))
    .sort()
    .map((entry) => `${entry} ${statSync(join(content, entry)).size}`)
    .join('\n');
}
