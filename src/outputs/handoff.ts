/**
 * The documents as the content layer stored them, handed from the loader to the outputs worker
 * (./worker.ts): one JSON document a line in Astro's cache folder. The loader is the one place that
 * has every document before the pages render, so the files that are one per document can be
 * written beside the pages instead of after them.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArchiveDocument } from '../model/types.ts';

/** The handoff file in Astro's `cacheDir`. */
export function handoffFile(cacheDir: URL): string {
  return fileURLToPath(new URL('documents.ndjson', cacheDir));
}

/** Writes the documents, then renames the file into place, so a reader never sees half of it. */
export function writeHandoff(file: string, documents: Iterable<unknown>): number {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  const fd = openSync(partial, 'w');
  let count = 0;
  try {
    // A line at a time: the whole archive as one string would be another copy of it in memory.
    for (const document of documents) {
      writeSync(fd, `${JSON.stringify(document)}\n`);
      count++;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return count;
}

export function readHandoff(file: string): ArchiveDocument[] {
  const documents: ArchiveDocument[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (!line) return;
    let document: ArchiveDocument;
    try {
      document = JSON.parse(line) as ArchiveDocument;
    } catch (error) {
      throw new Error(`${file}:${index + 1}: ${(error as Error).message} (expected one JSON document a line, as src/loaders/documents.ts writes)`);
    }
    if (typeof document?.id !== 'string') throw new Error(`${file}:${index + 1}: not a document (expected a JSON object with an id)`);
    documents.push(document);
  });
  return documents;
}
