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
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive } from '../facts/archive.ts';
import { archiveConfirmations } from '../facts/confirmations.ts';
import { type DocumentPageFacts, documentPageFacts } from '../facts/document-page.ts';
import { buildPeople } from '../facts/people.ts';
import { type UnreadableSource, ingest } from '../ingest/ingest.ts';
import { loadPeopleRegistry } from '../ingest/registries.ts';
import type { ArchiveDocument } from '../model/types.ts';
import { writeHandoff } from '../outputs/handoff.ts';
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
}

/** Reads content/, computes the cross-document facts once and writes the plan. */
export async function makePlan(options: PlanOptions): Promise<Plan> {
  const run = await ingest({ root: options.root, threads: options.threads, onProblem: options.onProblem });
  // The facts are computed from the documents as the collection schema gives them to the pages.
  const documents = run.documents.map((entry) => documentSchema.parse(entry.document) as ArchiveDocument);
  const archive = buildArchive(documents);
  const people = buildPeople(archive.documents, loadPeopleRegistry(join(options.root, 'content')));
  const confirmations = archiveConfirmations(archive.series.values());
  const searchShards = planShards(documents.map(shardInput), options.shardSize);
  const parts = assignParts(searchShards, options.parts);
  const partOf = new Map(parts.flatMap((part) => part.ids.map((id) => [id, part.index] as const)));
  const planned: PlannedDocument[][] = parts.map(() => []);
  run.documents.forEach(({ path, digest, document }, order) => {
    planned[partOf.get(document.id)!]!.push({ order, path, digest, document, facts: documentPageFacts(archive, people, confirmations, documents[order]!) });
  });
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(join(options.out, 'parts'), { recursive: true });
  planned.forEach((documents, index) => writeHandoff(partFile(options.out, index), documents));
  const plan: Plan = {
    shardSize: options.shardSize,
    searchShards,
    parts: parts.map(({ index, shards, ids }) => ({ index, shards, documents: ids.length })),
    documentUrls: documents.map((document) => document.url),
    unreadable: run.unreadable,
    problems: run.problems,
  };
  writeFileSync(join(options.out, PLAN_FILE), `${JSON.stringify(plan, null, 1)}\n`);
  return plan;
}

export function readPlan(dir: string): Plan {
  try {
    return JSON.parse(readFileSync(join(dir, PLAN_FILE), 'utf8')) as Plan;
  } catch (error) {
    throw new Error(`no plan in ${dir} (${(error as Error).message}): run \`npm run plan\` first and hand its folder to this job`);
  }
}

/** The documents of part `index`, or of every part (the hub) in path order. */
export function readPlannedDocuments(dir: string, index: number | 'all'): PlannedDocument[] {
  const read = (part: number) => {
    const file = partFile(dir, part);
    return readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, at) => {
        if (!line) return [];
        const planned = JSON.parse(line) as PlannedDocument;
        if (typeof planned?.document?.id !== 'string')
          throw new Error(`${file}:${at + 1}: not a planned document (expected { order, path, digest, document, facts })`);
        return [planned];
      });
  };
  if (index !== 'all') return read(index);
  return readPlan(dir)
    .parts.flatMap((part) => read(part.index))
    .sort((a, b) => a.order - b.order);
}
