/**
 * The plan of a build spread over several machines (README: "Building on several machines"). One
 * job reads content/ once, through the same ingest as the build, and computes what any page needs
 * from other documents; every other job builds from the plan alone:
 *
 *   plan.json         the search shards, which part builds which, every document's page URL (the
 *                     hub's sitemap), the unreadable files and the problems found;
 *   parts/<i>.ndjson  part i's documents as ingest read them, each with its page's facts
 *                     (src/facts/document-page.ts): a part parses nothing and needs no other part.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive, walkItems } from '../facts/archive.ts';
import { archiveConfirmations } from '../facts/confirmations.ts';
import { type DocumentPageFacts, documentPageFacts } from '../facts/document-page.ts';
import { buildPeople } from '../facts/people.ts';
import { type UnreadableSource, ingest } from '../ingest/ingest.ts';
import { loadPeopleRegistry } from '../ingest/registries.ts';
import type { ArchiveDocument, Item } from '../model/types.ts';
import { documentSchema } from '../schemas/document.ts';
import { type Shard, planShards, shardInput } from '../search/shards.ts';
import { assignParts } from './parts.ts';

export const PLAN_FILE = 'plan.json';

export interface Plan {
  /** Documents per search shard: every part builds its shards with this size. */
  shardSize: number;
  /** Every search shard, oldest first, with its documents. */
  searchShards: Shard[];
  /** Which search shards each part builds, and how many documents that is. */
  parts: Array<{ index: number; shards: string[]; documents: number }>;
  /** The page of every document, site-relative: the hub's sitemap lists them. */
  documentUrls: string[];
  unreadable: UnreadableSource[];
  /** `file:line:column message` of every problem in content/. */
  problems: string[];
}

/** A document of a part, as ingest read it (the loader validates it as a one-machine build does). */
export interface PlannedDocument {
  /** Its place among all documents, in path order: the hub stores them in this order, as one machine would. */
  order: number;
  path: string;
  digest: string;
  document: ArchiveDocument;
  facts: DocumentPageFacts;
}

export const partFile = (dir: string, index: number) => join(dir, 'parts', `${index}.ndjson`);

export interface PlanOptions {
  /** The project folder holding content/. */
  root: string;
  /** The plan's folder (emptied first). */
  out: string;
  parts: number;
  shardSize: number;
  threads?: number;
  onProblem?: (problem: string) => void;
  /** Told how far the plan is, a line at a time (files read, facts, documents written). */
  onProgress?: (message: string) => void;
}

/**
 * Reads content/, computes the cross-document facts once and writes the plan, holding no more than
 * one document at a time: each document's JSON goes to a scratch file as ingest reads it, and the
 * facts are computed from a light view of each ({@link factsView}); then the scratch file is read
 * once more and each line goes to its part with its facts. At 100,000 documents the documents held
 * at once would be ~5 GB of heap (ingest's and the schema's copies), the views ~0.3 GB.
 */
export async function makePlan(options: PlanOptions): Promise<Plan> {
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(join(options.out, 'parts'), { recursive: true });
  const scratch = join(options.out, 'documents.scratch.ndjson');
  const held = openSync(scratch, 'w');
  const entries: Array<{ path: string; digest: string }> = [];
  // The facts are computed from the documents as the collection schema gives them to the pages.
  const views: ArchiveDocument[] = [];
  const every = 5000;
  let run: Awaited<ReturnType<typeof ingest>>;
  try {
    run = await ingest({
      root: options.root,
      threads: options.threads,
      onProblem: options.onProblem,
      onDocument: ({ path, digest, document }, { read, total }) => {
        writeSync(held, `${JSON.stringify(document)}\n`);
        entries.push({ path, digest });
        views.push(factsView(documentSchema.parse(document) as ArchiveDocument));
        if (read % every === 0) progress(`read ${read} / ${total} files (${seconds()})`);
      },
    });
  } finally {
    closeSync(held);
  }
  progress(`read ${run.sources} files: ${views.length} documents, ${run.unreadable.length} unreadable, ${run.problems.length} problems (${seconds()})`);
  const archive = buildArchive(views);
  const people = buildPeople(archive.documents, loadPeopleRegistry(join(options.root, 'content')));
  const confirmations = archiveConfirmations(archive.series.values());
  const searchShards = planShards(views.map(shardInput), options.shardSize);
  const parts = assignParts(searchShards, options.parts);
  progress(
    `facts: ${archive.series.size} series, ${people.all.length} people, ${confirmations.size} confirmations; ${searchShards.length} search shards in ${parts.length} parts (${seconds()})`,
  );
  const partOf = new Map(parts.flatMap((part) => part.ids.map((id) => [id, part.index] as const)));
  const writers = parts.map((part) => lineWriter(partFile(options.out, part.index)));
  let order = 0;
  for (const line of scratchLines(scratch)) {
    const { path, digest } = entries[order]!;
    const view = views[order]!;
    const facts: DocumentPageFacts = documentPageFacts(archive, people, confirmations, view);
    // Byte for byte JSON.stringify of a PlannedDocument ({ order, path, digest, document, facts }), the document as ingest read it.
    writers[partOf.get(view.id)!]!.write(
      `{"order":${order},"path":${JSON.stringify(path)},"digest":${JSON.stringify(digest)},"document":`,
      line,
      `,"facts":${JSON.stringify(facts)}}\n`,
    );
    if (++order % every === 0) progress(`wrote ${order} / ${views.length} documents to ${parts.length} parts (${seconds()})`);
  }
  if (order !== views.length) throw new Error(`${scratch}: ${order} documents, expected ${views.length} (was the plan folder changed while planning?)`);
  for (const writer of writers) writer.close();
  rmSync(scratch);
  const plan: Plan = {
    shardSize: options.shardSize,
    searchShards,
    parts: parts.map(({ index, shards, ids }) => ({ index, shards, documents: ids.length })),
    documentUrls: views.map((document) => document.url),
    unreadable: run.unreadable,
    problems: run.problems,
  };
  writeFileSync(join(options.out, PLAN_FILE), `${JSON.stringify(plan, null, 1)}\n`);
  progress(`wrote ${parts.length} parts and ${PLAN_FILE} (${seconds()})`);
  return plan;
}

/**
 * What the page facts read of a document: its identity, date and session (series, links), the
 * previous minutes it read (confirmations), its chair and recorder, and the items' supplementary
 * reports (people), each item bare of everything else. buildArchive, buildPeople and
 * documentPageFacts give the same facts from it as from the whole document, at a tenth of its memory.
 */
export function factsView(document: ArchiveDocument): ArchiveDocument {
  const { id, kind, title, url, source, file, organization, organizationAgency, series, seriesSlug, session, date, chair, recorder, previous } = document;
  const items = [...walkItems(document.items)]
    .filter((item) => item.reports.length)
    .map((item) => ({ ...bareItem, anchor: item.anchor, title: item.title, reports: item.reports }));
  return {
    id,
    kind,
    title,
    url,
    source,
    file,
    organization,
    ...(organizationAgency ? { organizationAgency } : {}),
    series,
    seriesSlug,
    ...(session ? { session } : {}),
    ...(date ? { date } : {}),
    ...(chair ? { chair } : {}),
    ...(recorder ? { recorder } : {}),
    ...(previous ? { previous } : {}),
    header: [],
    items: items as unknown as Item[],
    warnings: [],
  } as ArchiveDocument;
}

const bareItem = { items: [], resolutions: [], cases: [], topics: [] };

/**
 * What the hub's pages and feeds read of a document: all of it but the text only its own page shows
 * (the header lines, the introduction and closing line, the items' paragraphs, tables and images,
 * the supplementary reports' words, an original's extracted text). Listings, agencies, topics,
 * cases, people, feeds and the open-data tables read the rest: titles, dates, sessions, the items'
 * titles and who reported, every resolution, every figure.
 */
export function hubView(document: ArchiveDocument): ArchiveDocument {
  const { header: _header, intro: _intro, adjournment: _adjournment, file, items, ...rest } = document;
  const { text: _text, omitted: _omitted, ...published } = file;
  return { ...rest, file: published, header: [], items: items.map(hubItem) } as ArchiveDocument;
}

function hubItem(item: Item): Item {
  const { images: _images, ...rest } = item;
  return { ...rest, text: '', tables: [], reports: item.reports.map((report) => ({ ...report, text: '' })), items: item.items.map(hubItem) };
}

/** A document of the hub: its view ({@link hubView}) and the digest its source was read with (the pages' cache keys). */
export interface HubDocument {
  path: string;
  digest: string;
  document: ArchiveDocument;
}

/**
 * Every document of the plan as the hub's pages read it, in path order: validated by the collection
 * schema as the documents loader would, then cut to {@link hubView}. Read a line at a time, so no
 * more than one whole document is held: at 100,000 documents the whole documents with their facts
 * would be ~2.7 GB of heap, past what one process may use.
 */
export function readHubDocuments(dir: string): HubDocument[] {
  const documents: Array<HubDocument & { order: number }> = [];
  const strings = new Map<string, string>();
  for (const part of readPlan(dir).parts) {
    for (const planned of plannedDocuments(dir, part.index)) {
      const document = hubDocument(planned.document, strings);
      documents.push({ order: planned.order, path: planned.path, digest: planned.digest, document });
    }
  }
  return documents.sort((a, b) => a.order - b.order).map(({ path, digest, document }) => ({ path, digest, document }));
}

/**
 * A planned document as the hub reads it: its {@link hubView}, with its fields in the collection
 * schema's order, as the documents loader's validation would give them (the plan validated every
 * document with that schema already: validating again took ~2 ms a document, 200 s at 100,000),
 * each short string held once and one empty array for all (`strings` is shared by all documents).
 */
export function hubDocument(planned: ArchiveDocument, strings: Map<string, string>): ArchiveDocument {
  return compactCopy(hubView(planned), documentSchema, strings) as ArchiveDocument;
}

/** Strings this short are held once however often they occur (slugs, names, labels, kinds). */
const SHARED_STRING = 40;
const EMPTY: readonly unknown[] = Object.freeze([]);

/** What {@link compactCopy} reads of a zod schema: an object's fields in order, an array's element, an optional's inner type. */
interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
}
const fieldsOf = new WeakMap<object, Array<[string, unknown]>>();
const defOf = (schema: unknown): SchemaDef | undefined => (schema as { _zod?: { def: SchemaDef } } | undefined)?._zod?.def;

/**
 * A deep copy of a JSON value that holds each short string once and one empty array for all: at
 * 100,000 documents the agency slugs, names and labels repeated in every item and resolution, and
 * the many empty lists, are half of the documents' heap (a hub view: 26 KB a document, 13 KB so
 * copied, measured on a generated corpus). The empty array is frozen: a page that added to one
 * would fail, not change every document. Objects of `schema` get its fields, in its order, as zod
 * gives them (absent optional fields stay absent, fields it does not know are left out).
 */
function compactCopy(value: unknown, schema: unknown, strings: Map<string, string>): unknown {
  if (typeof value === 'string') {
    if (value.length > SHARED_STRING) return value;
    const held = strings.get(value);
    if (held !== undefined) return held;
    strings.set(value, value);
    return value;
  }
  let def = defOf(schema);
  while (def?.type === 'optional') def = defOf(def.innerType);
  if (Array.isArray(value)) return value.length ? value.map((each) => compactCopy(each, def?.type === 'array' ? def.element : undefined, strings)) : EMPTY;
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    if (def?.type === 'object' && def.shape) {
      let fields = fieldsOf.get(schema as object);
      // Once per schema: a recursive field (an item's items) is a getter that makes its schema anew.
      if (!fields) fieldsOf.set(schema as object, (fields = Object.keys(def.shape).map((key) => [key, def!.shape![key]])));
      for (const [key, field] of fields) if (key in record) copy[key] = compactCopy(record[key], field, strings);
    } else for (const [key, each] of Object.entries(record)) copy[key] = compactCopy(each, undefined, strings);
    return copy;
  }
  return value;
}

/** The lines of a file, as bytes, read a chunk at a time (a line is only valid until the next is read). */
function* scratchLines(file: string): Generator<Buffer> {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(8 * 2 ** 20);
  let rest = Buffer.alloc(0);
  try {
    for (let size = readSync(fd, chunk); size > 0; size = readSync(fd, chunk)) {
      const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, size)]) : chunk.subarray(0, size);
      let start = 0;
      for (let end = data.indexOf(10, start); end >= 0; end = data.indexOf(10, start)) {
        yield data.subarray(start, end);
        start = end + 1;
      }
      rest = Buffer.from(data.subarray(start));
    }
  } finally {
    closeSync(fd);
  }
  if (rest.length) throw new Error(`${file}: the last line has no end (the file was cut short, or changed while being read)`);
}

/** Appends to `file` through a buffer, under a temporary name renamed into place on close, so a reader never sees half of it. */
function lineWriter(file: string) {
  const partial = `${file}.${process.pid}.tmp`;
  const fd = openSync(partial, 'w');
  let pending: Buffer[] = [];
  let size = 0;
  const flush = () => {
    writeSync(fd, Buffer.concat(pending, size));
    pending = [];
    size = 0;
  };
  return {
    write(...pieces: Array<string | Buffer>) {
      for (const piece of pieces) {
        // A copy: a scratch line is a view into the read buffer, valid only until the next read.
        const bytes = Buffer.from(piece);
        pending.push(bytes);
        size += bytes.length;
      }
      if (size > 2 ** 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
      renameSync(partial, file);
    },
  };
}

export function readPlan(dir: string): Plan {
  try {
    return JSON.parse(readFileSync(join(dir, PLAN_FILE), 'utf8')) as Plan;
  } catch (error) {
    throw new Error(`no plan in ${dir} (${(error as Error).message}): run \`npm run plan\` first and hand its folder to this job`);
  }
}

/** The documents of part `index`, in path order. */
export function readPlannedDocuments(dir: string, index: number): PlannedDocument[] {
  return [...plannedDocuments(dir, index)];
}

/** The documents of part `index` as the plan wrote them, a line at a time. */
function* plannedDocuments(dir: string, index: number): Generator<PlannedDocument> {
  const file = partFile(dir, index);
  let at = 0;
  for (const line of scratchLines(file)) {
    at++;
    const planned = JSON.parse(line.toString('utf8')) as PlannedDocument;
    if (typeof planned?.document?.id !== 'string') throw new Error(`${file}:${at}: not a planned document (expected { order, path, digest, document, facts })`);
    yield planned;
  }
}
