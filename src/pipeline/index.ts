/**
 * The pipeline, file to document model:
 *   read (decode) → repair (layout) → parse (remark) → blocks (lines) → images (files named) → structure (tree) → enrich (meaning).
 * Originals (.pdf .odt .docx .html .htm) are read by their format's importer (src/ingest/importers)
 * into text and mdast instead of read → repair → parse, then go through {@link processTree}: the
 * stages after parse are the same.
 * Every stage is a function of the one before; problems are vfile messages with the source line.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ArchiveDocument } from '../model/types.ts';
import { toBlocks } from './blocks.ts';
import { type Registries, enrichDocument } from './enrich/index.ts';
import { type ImageLookup, resolveImages } from './images.ts';
import { parseMarkdown } from './parse.ts';
import { readSource } from './read.ts';
import { repairFile } from './repair.ts';
import { structureDocument } from './structure/document.ts';
import { checkCoverage } from './coverage.ts';

export type { Registries };

export interface Processed {
  document: ArchiveDocument;
  /** The file, its messages included (`file.messages`). */
  file: VFile;
}

/**
 * Runs the whole pipeline on a text file's bytes (.txt, .md): decoded, its layout repaired, parsed as markdown, then {@link processTree}.
 * @param path the path shown in messages and kept as `source` (relative to the project, e.g. `content/minutes/x.txt`)
 * @param options.images what is on disk under `content/`, for the images the text names; without it they stay unresolved
 */
export function processSource(bytes: Uint8Array, path: string, registries: Registries, options: { images?: ImageLookup } = {}): Processed {
  const file = repairFile(readSource(bytes, path));
  return processTree(file, parseMarkdown(file), path, registries, options);
}

/**
 * The stages after parse, for any source: blocks → images → structure → enrich → coverage.
 * @param file the file whose value is the text the tree's positions point into, with `data.sourceMap` back to the lines published
 */
export function processTree(file: VFile, tree: Root, path: string, registries: Registries, options: { images?: ImageLookup } = {}): Processed {
  const blocks = toBlocks(tree, String(file.value), file.data.sourceMap!);
  const source = path.replace(/^content\//, '');
  resolveImages(blocks, file, source, options.images);
  const structured = structureDocument(blocks, file, source);
  const document = enrichDocument(structured, registries, file);
  checkCoverage(document, file);
  const where = (message: VFile['messages'][number]) => `${path}:${message.line ?? 1}:${message.column ?? 1} ${message.reason}`;
  // `file.info` (fatal undefined) is a note on the source as published, which no edit of content/ can
  // fix (a skipped section number): listed, but not a problem that stops a strict build.
  document.warnings = file.messages.filter((message) => message.fatal !== undefined).map(where);
  const notes = file.messages.filter((message) => message.fatal === undefined).map(where);
  if (notes.length) document.notes = notes;
  return { document, file };
}
