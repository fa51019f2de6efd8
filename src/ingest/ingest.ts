/**
 * The one way in: `content/` to documents. The build's loader, `npm run check` and the corpus
 * generator all call {@link ingest}, so they read the same files the same way and report the same
 * problems: a layout or a check taught here is taught to all of them.
 *
 * It loads the registries and the site identity (a malformed one throws a RegistryError naming
 * file:line:column), lists the source files, reuses what the caller kept from an earlier run where a
 * file's digest is unchanged, runs the pipeline on the rest on every core, and adds the problems
 * only the whole archive shows (two files for one meeting, `sources:` naming no file) and the links
 * to the originals.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveDocument } from '../model/types.ts';
import type { SiteIdentity } from '../schemas/site.ts';
import { codeDigest } from '../utils/code-digest.ts';
import { imageListing } from './images.ts';
import { streamPaths } from './parse-pool.ts';
import { type LoadedRegistries, loadPeopleRegistry, loadRegistries } from './registries.ts';
import { loadSiteIdentity, unknownSources } from './site-identity.ts';
import { duplicateSeparator, listSources } from './sources.ts';

export interface IngestedDocument {
  /** Project-relative path: `content/minutes/x.txt`. */
  path: string;
  /** Digest of the file's bytes and of everything else its model depends on ({@link IngestRun.inputs}). */
  digest: string;
  document: ArchiveDocument;
  /** The id and URL the pipeline gave it, before a duplicate's `-2`: that suffix is decided again on every run, against the files of the day. */
  base: { id: string; url: string };
  /** False when the document came from the caller's cache. */
  parsed: boolean;
}

/** A source file the archive could not read (a scanned PDF, an encrypted one, a binary file with a text name): listed, never dropped. */
export interface UnreadableSource {
  /** Project-relative path: `content/minutes/x.pdf`. */
  path: string;
  /** Why, as `npm run check` prints it: `file:1:1 cannot read the file: …`. */
  problem: string;
  bytes: number;
}

export interface IngestOptions {
  /** The project folder holding `content/`. */
  root: string;
  /** A document kept from an earlier run for this path and digest, if any: it is used instead of parsing the file. */
  cached?: (path: string, digest: string) => ArchiveDocument | undefined;
  /** Worker threads for the files to parse (default: every core; 1 parses on this thread). */
  threads?: number;
  /** Told each problem as it is found (a lenient build logs them as they come). */
  onProblem?: (problem: string) => void;
  /**
   * Given each document in path order as soon as it is read, with everything the whole archive
   * decides of it (a duplicate's `-2`, the official URL) already applied; the run then keeps none of
   * them (`documents` is empty), so an archive larger than memory can be read (src/plan/).
   * `read` counts the source files done, of `total`, unreadable ones included.
   */
  onDocument?: (entry: IngestedDocument, progress: { read: number; total: number }) => void;
}

export interface IngestRun {
  documents: IngestedDocument[];
  /** `file:line:column message` of every problem, in path order, cached documents' included. */
  problems: string[];
  /** Notes on sources as published (a skipped section number), in path order: listed, never a problem. */
  notes: string[];
  registries: LoadedRegistries;
  site: SiteIdentity;
  /** What every document's model depends on besides its own bytes: the registries, the ingest code and packages, the images on disk. */
  inputs: string;
  /** The files that could not be read, in path order. */
  unreadable: UnreadableSource[];
  /** Source files found under content/minutes and content/reports. */
  sources: number;
}

const sha256 = (...parts: Array<string | Uint8Array>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

const baseOf = (document: ArchiveDocument) => ({ id: document.id, url: document.url });

/** The module whose import graph decides a document's model: the pipeline and everything it calls. */
const PARSE_ENTRY = join(import.meta.dirname, 'sources.ts');

/** Reads every document under `root/content/`. Registry and identity errors throw; document problems are returned. */
export async function ingest(options: IngestOptions): Promise<IngestRun> {
  const { root } = options;
  const content = join(root, 'content');
  const registries = loadRegistries(content);
  const site = loadSiteIdentity(content);
  // Pages read it through its own loader; checked here so a mistake in it stops check and build alike.
  loadPeopleRegistry(content);
  const inputs = sha256(JSON.stringify(registries.data), codeDigest([PARSE_ENTRY], { root }), imageListing(root));
  const paths = listSources(root);
  const problems: string[] = [];
  const report = (problem: string) => {
    problems.push(problem);
    options.onProblem?.(problem);
  };
  const slots = paths.map((path) => {
    const digest = sha256(readFileSync(join(root, path)), inputs);
    return { path, digest, document: options.cached?.(path, digest) };
  });
  const documents: IngestedDocument[] = [];
  const unreadable: UnreadableSource[] = [];
  const notes: string[] = [];
  // Problems only the whole archive shows come after every document's own, as they always have.
  const duplicates: string[] = [];
  const separate = duplicateSeparator();
  let read = 0;
  const accept = (entry: IngestedDocument) => {
    const duplicate = separate(entry.document);
    if (duplicate) duplicates.push(duplicate);
    // A copy: a cached entry's file object is the caller's own.
    const { officialUrl: _previous, ...file } = entry.document.file;
    const officialUrl = site.sources[entry.document.source];
    entry.document.file = officialUrl ? { ...file, officialUrl } : file;
    notes.push(...(entry.document.notes ?? []));
    if (options.onDocument) options.onDocument(entry, { read, total: slots.length });
    else documents.push(entry);
  };
  let slot = 0;
  /** Takes the cached documents up to the next one to parse, in path order. */
  const cachedUpToParsed = () => {
    while (slot < slots.length && slots[slot]!.document) {
      const { path, digest, document } = slots[slot++]!;
      read++;
      // A cached document's problems still stand: check, a strict build and the summary count them as if parsed.
      document!.warnings.forEach(report);
      accept({ path, digest, document: document!, base: baseOf(document!), parsed: false });
    }
  };
  cachedUpToParsed();
  await streamPaths(
    root,
    slots.filter((entry) => !entry.document).map((entry) => entry.path),
    registries,
    options.threads,
    (outcome) => {
      const { path, digest } = slots[slot++]!;
      read++;
      outcome.problems.forEach(report);
      if (outcome.document) accept({ path, digest, document: outcome.document, base: baseOf(outcome.document), parsed: true });
      else unreadable.push({ path, problem: outcome.problems.join('\n'), bytes: statSync(join(root, path)).size });
      cachedUpToParsed();
    },
  );
  duplicates.forEach(report);
  unknownSources(
    site,
    paths.map((path) => path.replace(/^content[\\/]/, '')),
  ).forEach(report);
  return { documents, problems, notes, registries, site, inputs, unreadable, sources: paths.length };
}
