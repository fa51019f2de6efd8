/**
 * The archive's source files: finding them under `content/`, running the pipeline on each, and the
 * checks that need all of them (two documents may not share a URL).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ArchiveDocument } from '../model/types.ts';
import type { Registries } from '../pipeline/index.ts';
import { UnreadableSourceError } from '../pipeline/read.ts';
import { routes } from '../utils/routes.ts';
import { imageLookup } from './images.ts';
import { processFile } from './original.ts';

/** Folders of `content/` that hold documents, by kind. */
export const SOURCE_FOLDERS = ['minutes', 'reports'];
/** Text files, and the originals agencies publish (see src/ingest/importers). */
const SOURCE_FILE = /\.(?:txt|md|markdown|pdf|odt|docx|html?)$/i;

/** Whether a project-relative path names a source file: `content/minutes/…` or `content/reports/…` with a document's extension. */
export function isSourcePath(path: string): boolean {
  const [top, folder] = path.split(/[\\/]/);
  return top === 'content' && SOURCE_FOLDERS.includes(folder ?? '') && SOURCE_FILE.test(path);
}

/** Every source file under content/minutes and content/reports, as project-relative paths, sorted. */
export function listSources(root: string): string[] {
  const files: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    let entries: string[];
    try {
      entries = readdirSync(join(root, 'content', folder), { recursive: true }) as string[];
    } catch {
      continue;
    }
    for (const entry of entries) if (SOURCE_FILE.test(entry)) files.push(relative(root, join(root, 'content', folder, entry)));
  }
  return files.sort();
}

export interface SourceOutcome {
  path: string;
  document?: ArchiveDocument;
  /** `file:line:column message` for every problem. */
  problems: string[];
}

/** Runs the pipeline on one file; a file that cannot be read is a problem, not a crash. */
export function processPath(root: string, path: string, registries: Registries): SourceOutcome {
  try {
    const { document } = processFile(readFileSync(join(root, path)), path, registries, { images: imageLookup(root) });
    return { path, document, problems: document.warnings };
  } catch (error) {
    if (error instanceof UnreadableSourceError) return { path, problems: [error.message] };
    throw error;
  }
}

/**
 * Problems only the whole archive shows: two files for the same document (same organization, series
 * and session, so the same id and URL). Nothing is dropped: the later file (in path order) is kept
 * under the URL with `-2`, `-3` … appended, and the problem names both files.
 */
export function separateDuplicates(documents: ArchiveDocument[]): string[] {
  const separate = duplicateSeparator();
  return documents.flatMap((document) => separate(document) ?? []);
}

/**
 * {@link separateDuplicates} one document at a time, in path order (a document's `-2` depends only
 * on those before it): returns the problem of a duplicate. It keeps each id's file, not the
 * documents, so a plan can hand each document on as it comes.
 */
export function duplicateSeparator(): (document: ArchiveDocument) => string | undefined {
  const sourceById = new Map<string, string>();
  return (document) => {
    const other = sourceById.get(document.id);
    if (other === undefined) {
      sourceById.set(document.id, document.source);
      return undefined;
    }
    const original = document.url;
    let n = 2;
    while (sourceById.has(`${document.id}-${n}`)) n++;
    document.id = `${document.id}-${n}`;
    document.url = original.replace(/\/$/, `-${n}/`);
    document.file = { ...document.file, url: routes.source(document) };
    sourceById.set(document.id, document.source);
    return `content/${document.source}:1:1 is the same meeting as content/${other} (same organization, series and session, URL ${original}): published at ${document.url}; remove one file or fix its title`;
  };
}
