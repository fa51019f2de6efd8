/**
 * Stage 3c, images: finds the file each markdown image (`![圖 1 市民服務量](images/chart.png)`) names.
 *
 * A page shows an image through Astro's image pipeline only when it is a PNG, JPEG, WebP or GIF file
 * under `content/`, at a path relative to the document. Anything else (a remote address, a path out
 * of `content/`, a missing or non-image file) is a vfile message with the line, and the reference is
 * shown as the text it is. The reference is in the text either way, so nothing is lost.
 *
 * The stage decides from the path; what is on disk comes from an {@link ImageLookup}, so the stage
 * stays a function of its inputs and tests need no files.
 */
import { posix } from 'node:path';
import type { VFile } from 'vfile';
import type { Block } from './blocks.ts';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

/**
 * Extensions a page can show, in the cases the glob of `src/components/Figure.astro` lists: Vite
 * imports only files that glob matches, so a file it misses must be a warning here.
 */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'gif'].flatMap((extension) => [extension, extension.toUpperCase()]);

/** What is at a path under `content/`: an image of a format, nothing, something else, or a link out of `content/`. */
export type ImageLookup = (path: string) => ImageFormat | 'missing' | 'not-image' | 'outside';

/** The image format of a file from its first bytes (12 are enough), if it is one the site shows. */
export function imageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

const EXPECTED = 'expected a PNG, JPEG, WebP or GIF file beside the document under content/, at a path relative to it such as images/chart.png';

/**
 * The path under `content/` an image reference names, or what is wrong with it.
 * @param document the document's path under `content/` (`reports/x.txt`)
 */
export function imagePath(src: string, document: string): { path: string } | { problem: string } {
  const written = src.trim();
  if (!written) return { problem: 'names no file' };
  // A scheme (`https:`, `data:`, `file:`) or `//host`: the archive publishes only files it holds.
  if (/^[a-z][a-z\d+.-]*:/i.test(written) || written.startsWith('//')) return { problem: 'is an address, not a file published with the document' };
  if (/^[/\\]/.test(written)) return { problem: 'is an absolute path' };
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // A stray `%` is part of the file name.
  }
  // Windows separators, as office tools on Windows write them.
  const path = posix.normalize(posix.join(posix.dirname(document), decoded.replace(/\\/g, '/')));
  if (path === '..' || path.startsWith('../')) return { problem: 'points outside content/' };
  if (!IMAGE_EXTENSIONS.includes(posix.extname(path).slice(1))) return { problem: `content/${path} is not an image file the site shows` };
  return { path };
}

const WHY: Record<Exclude<ReturnType<ImageLookup>, ImageFormat>, (path: string) => string> = {
  missing: (path) => `content/${path} does not exist`,
  'not-image': (path) => `content/${path} is not a PNG, JPEG, WebP or GIF image (its bytes say otherwise)`,
  outside: (path) => `content/${path} links to a file outside content/`,
};

/**
 * Looks up every image of the blocks: sets `path` where the file is an image under `content/`, and
 * adds a message for every other reference. Without a lookup (a text with no files beside it, as in
 * tests and tools) references are kept as they are, unresolved and unreported.
 * @param document the document's path under `content/`
 */
export function resolveImages(blocks: Block[], file: VFile, document: string, lookup?: ImageLookup): void {
  if (!lookup) return;
  for (const image of blocks.flatMap((block) => block.images ?? [])) {
    const found = imagePath(image.src, document);
    const result = 'path' in found ? lookup(found.path) : undefined;
    if ('path' in found && result !== 'missing' && result !== 'not-image' && result !== 'outside') {
      image.path = found.path;
      continue;
    }
    const problem = 'problem' in found ? found.problem : WHY[result as keyof typeof WHY](found.path);
    file.message(`image 「${image.alt}」 (${image.src}): ${problem}; ${EXPECTED}. Shown as text`, {
      place: { line: image.line, column: image.column },
      ruleId: 'image',
      source: 'minutes-archive',
    });
  }
}
