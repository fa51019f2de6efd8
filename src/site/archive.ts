/**
 * The archive and the registries, loaded once per build from the content collections and shared by
 * every page.
 */
import { getCollection } from 'astro:content';
import type { ArchiveDocument, UnreadableSource } from '../model/types.ts';
import type { PersonAlias } from '../schemas/people.ts';
import type { Agency, Topic } from '../schemas/registry.ts';
import { type SearchDocument, registryNames, searchDocument } from '../search/segments.ts';
import { type AgencyMentions, type Archive, buildArchive } from '../facts/archive.ts';
import { type ConfirmationRecord, archiveConfirmations } from '../facts/confirmations.ts';
import { type SeriesCoverage, archiveCoverage } from '../facts/coverage.ts';
import { type People, buildPeople } from '../facts/people.ts';
import { type DocumentPageFacts, documentPageFacts } from '../facts/document-page.ts';
import { readBuildOptions } from '../options.ts';
import { OG_DIR } from '../og/path.ts';
import { readHubDocuments, readPlannedDocuments } from '../plan/plan.ts';

let archive: Promise<Archive> | undefined;
let agencies: Promise<Map<string, Agency>> | undefined;
let topics: Promise<Map<string, Topic>> | undefined;

/** The part of a planned build this one is, if any (src/plan/), and whether it draws share cards (`OG_CARDS`). */
const { plan, cards } = readBuildOptions();

/** A document the pages read, and the digest its source was read with (src/site/page-keys.ts). */
export interface StoredDocument {
  data: ArchiveDocument;
  digest?: string;
}

let stored: Promise<StoredDocument[]> | undefined;

/**
 * The documents of this build: the content collection's, except in the hub of a planned build,
 * whose pages read the plan's documents themselves, a line at a time and cut to what they show
 * (src/plan/plan.ts, hubView): 100,000 whole documents through Astro's content layer are several
 * copies of the archive in one process (the loader's, the store's text, the store read back for the
 * pages), past its memory.
 */
export function getStoredDocuments(): Promise<StoredDocument[]> {
  stored ??=
    plan?.part === 'hub'
      ? Promise.resolve(readHubDocuments(plan.dir).map(({ digest, document }) => ({ data: document, digest })))
      : getCollection('documents').then((entries) =>
          entries.map((entry) => ({ data: entry.data as ArchiveDocument, digest: (entry as { digest?: string }).digest })),
        );
  return stored;
}

export function getArchive(): Promise<Archive> {
  archive ??= getStoredDocuments().then((entries) => buildArchive(entries.map((entry) => entry.data)));
  return archive;
}

/** Agencies of content/agencies.yaml by slug. */
export function getAgencies(): Promise<Map<string, Agency>> {
  agencies ??= getCollection('agencies').then((entries) => new Map(entries.map((entry) => [entry.id, entry.data as Agency])));
  return agencies;
}

/** Topics of content/topics.yaml by slug, in registry order. */
export function getTopics(): Promise<Map<string, Topic>> {
  topics ??= getCollection('topics').then((entries) => new Map(entries.map((entry) => [entry.id, entry.data as Topic])));
  return topics;
}

/**
 * The agencies the archive mentions, each with what it held, reported, spoke in and was asked to do:
 * the agencies with a page and a feed (a registry entry nobody mentions has nothing to show).
 */
export async function getMentionedAgencies(): Promise<{ agency: Agency; mentions: AgencyMentions }[]> {
  const [archive, agencies] = await Promise.all([getArchive(), getAgencies()]);
  return [...agencies.values()].flatMap((agency) => {
    const mentions = archive.agencies.get(agency.slug);
    return mentions ? [{ agency, mentions }] : [];
  });
}

let searchDocuments: Promise<Map<string, SearchDocument>> | undefined;

/** The search file of every document by id (src/search/segments.ts), built once for the endpoint and the search page. */
export function getSearchDocuments(): Promise<Map<string, SearchDocument>> {
  searchDocuments ??= Promise.all([getArchive(), getAgencies(), getTopics()]).then(([archive, agencies, topics]) => {
    const names = registryNames(agencies.values(), topics.values());
    return new Map(archive.documents.map((document) => [document.id, searchDocument(document, names)]));
  });
  return searchDocuments;
}

let people: Promise<People> | undefined;

/** Chairs, recorders and speakers of the archive (src/facts/people.ts), joined as content/people.yaml says. */
export function getPeople(): Promise<People> {
  people ??= Promise.all([getArchive(), getCollection('people')]).then(([archive, entries]) =>
    buildPeople(
      archive.documents,
      entries.map((entry) => entry.data as PersonAlias),
    ),
  );
  return people;
}

let coverage: Promise<Map<string, SeriesCoverage>> | undefined;

/** What the archive holds and lacks of each series, by series key (src/facts/coverage.ts). */
export function getCoverage(): Promise<Map<string, SeriesCoverage>> {
  coverage ??= getArchive().then((archive) => archiveCoverage(archive.series.values()));
  return coverage;
}

let confirmations: Promise<Map<string, ConfirmationRecord>> | undefined;

/** For each minutes, the later meeting that confirmed or amended it (src/facts/confirmations.ts). */
export function getConfirmations(): Promise<Map<string, ConfirmationRecord>> {
  confirmations ??= getArchive().then((archive) => archiveConfirmations(archive.series.values()));
  return confirmations;
}

/** The source files the archive could not read, in path order (src/loaders/unreadable.ts). */
export async function getUnreadable(): Promise<UnreadableSource[]> {
  return (await getCollection('unreadable')).flatMap((entry) => entry.data.files).sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * A document's share card (`og:image`), as src/outputs/cards.ts writes it: none when the build draws
 * no cards (`OG_CARDS=0`), so that no page names an image the site does not hold.
 */
export const shareCardPath = (document: Pick<ArchiveDocument, 'id'>): string | undefined => (cards ? `/${OG_DIR}/${document.id}.png` : undefined);

/**
 * The documents that get a page (and their images) in this build: every one, except in a planned
 * build, where the hub renders none and a part renders its own (its collection holds only those).
 */
export async function getPageDocuments(): Promise<ArchiveDocument[]> {
  return plan?.part === 'hub' ? [] : (await getArchive()).documents;
}

/**
 * The getStaticPaths of a route the hub of a planned build renders (every route but the documents'
 * own pages and images): its paths, except in a part, which renders none of them. A part's
 * collection holds only its own documents, so such pages would be wrong there, and at 10,000
 * documents a part spent most of its page generation on 48,535 of them before they were deleted
 * (src/integrations/plan-part.ts still removes what the routes without paths render: home, open data).
 */
export function hubPaths<Paths extends (...args: never[]) => Promise<unknown[]>>(paths: Paths): Paths {
  if (typeof plan?.part !== 'number') return paths;
  return (async () => []) as unknown as Paths;
}

let pageFacts: Promise<Map<string, DocumentPageFacts>> | undefined;

/** What `document`'s page shows of other documents: from the whole archive, or in a part of a planned build from the plan. */
export async function getDocumentPageFacts(document: ArchiveDocument): Promise<DocumentPageFacts> {
  pageFacts ??=
    plan && plan.part !== 'hub'
      ? Promise.resolve(new Map(readPlannedDocuments(plan.dir, plan.part).map((planned) => [planned.document.id, planned.facts])))
      : Promise.all([getArchive(), getPeople(), getConfirmations()]).then(
          ([archive, people, confirmations]) => new Map(archive.documents.map((each) => [each.id, documentPageFacts(archive, people, confirmations, each)])),
        );
  const facts = (await pageFacts).get(document.id);
  if (!facts)
    throw new Error(
      `no page facts for document ${document.id} (${document.source}) in ${plan ? `part ${plan.part} of the plan in ${plan.dir}` : 'the archive'}`,
    );
  return facts;
}
