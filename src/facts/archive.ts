/**
 * Cross-document facts, computed once from all documents: the sessions of each series, the history
 * of each tracked case, what each agency held, reported and was asked to do, and topic membership.
 * Pages read these; they never re-derive them.
 */
import type { ArchiveDocument, CaseAction, CaseRef, Item, Resolution } from '../model/types.ts';

/** Visits every item of a document, depth first, in reading order. */
export function* walkItems(items: Item[]): Generator<Item> {
  for (const item of items) {
    yield item;
    yield* walkItems(item.items);
  }
}

export interface Series {
  /** `taipei/chief-secretaries-meeting` */
  key: string;
  organization: string;
  series: string;
  kind: ArchiveDocument['kind'];
  /** Oldest first. */
  documents: ArchiveDocument[];
}

export interface CaseEvent {
  document: ArchiveDocument;
  action: CaseAction;
  mergedWith: string[];
  /** Where the case is named: a resolution, or an item whose table states its status. */
  anchor: string;
  text: string;
}

export interface TrackedCase {
  /** `taipei/chief-secretaries-meeting/205-1` */
  key: string;
  id: string;
  series: Series;
  /** Session number the case number says opened it (`205-1` → 205, `9805` → 98). */
  openedIn?: number;
  /** The document of that session, when the archive holds it. */
  openedBy?: ArchiveDocument;
  events: CaseEvent[];
  mergedWith: string[];
  /** A follow-up table row without a number: its 案由, the case itself. */
  subject?: string;
  /**
   * As of {@link asOf}: `released`, `open`, or `dropped` when a later complete list of open cases of
   * the series ({@link droppedAt}) leaves it out without the minutes saying it was released.
   */
  status: 'open' | 'released' | 'dropped';
  /** The last meeting that names the case: what {@link status} is stated as of. */
  asOf: ArchiveDocument;
  /** The first later meeting whose list of continued cases omits it (status `dropped`). */
  droppedAt?: ArchiveDocument;
}

export interface ResolutionRef {
  document: ArchiveDocument;
  item: Item;
  resolution: Resolution;
}

export interface ItemRef {
  document: ArchiveDocument;
  item: Item;
}

/** Where an agency appears: meetings it held, items it reported, resolutions addressed to it, items it spoke in. */
export interface AgencyMentions {
  held: ArchiveDocument[];
  reported: ItemRef[];
  /** Resolutions asking it (or one of its units, or its own 各組室) to act: from addressees only. */
  addressed: ResolutionRef[];
  /** Resolutions naming it without asking it to act (a venue, a destination, a thank-you). */
  mentioned: ResolutionRef[];
  spokeIn: ItemRef[];
}

export interface Archive {
  /** Newest first. */
  documents: ArchiveDocument[];
  byId: Map<string, ArchiveDocument>;
  series: Map<string, Series>;
  cases: Map<string, TrackedCase>;
  /** Per agency slug. */
  agencies: Map<string, AgencyMentions>;
  /** Per topic slug. */
  topics: Map<string, { items: ItemRef[]; resolutions: ResolutionRef[] }>;
  /** Resolutions addressed to every agency of the city (各局處, 各機關), newest first: 「致各機關」 on agency pages. */
  collective: ResolutionRef[];
}

export const seriesKey = (document: ArchiveDocument) => document.url.split('/').slice(2, 4).join('/');

/** The session a tracked-case number was opened in: `205-1` → 205, `9805` → 98, `10201` → 102. */
export function openingSession(caseId: string): number | undefined {
  if (!/^\d/.test(caseId)) return undefined; // a row known by its 案由 (`s-…`) says nothing of it
  const number = caseId.includes('-') ? caseId.split('-')[0]! : caseId.length > 2 ? caseId.slice(0, -2) : '';
  return number ? Number(number) : undefined;
}

const byDate = (a: ArchiveDocument, b: ArchiveDocument) =>
  (a.date ?? '').localeCompare(b.date ?? '') || (a.session?.number ?? 0) - (b.session?.number ?? 0) || a.id.localeCompare(b.id);

/** The document of the previous minutes a document confirms, when the archive holds it. */
export function previousDocument(archive: Archive, document: ArchiveDocument): ArchiveDocument | undefined {
  const wanted = document.previous?.session;
  if (!wanted) return undefined;
  return archive.series
    .get(seriesKey(document))
    ?.documents.find((other) => other.session?.number === wanted.number && (other.session.year ?? wanted.year) === (wanted.year ?? other.session.year));
}

/** The cases a case was merged with (併案), as the archive holds them (undefined for one it lacks). */
export function mergedCases(archive: Archive, tracked: TrackedCase): (TrackedCase | undefined)[] {
  return tracked.mergedWith.map((id) => archive.cases.get(`${tracked.series.key}/${id}`));
}

export function buildArchive(all: ArchiveDocument[]): Archive {
  const documents = [...all].sort(byDate).reverse();
  const archive: Archive = {
    documents,
    byId: new Map(documents.map((document) => [document.id, document])),
    series: new Map(),
    cases: new Map(),
    agencies: new Map(),
    topics: new Map(),
    collective: [],
  };
  const agency = (slug: string) => {
    let entry = archive.agencies.get(slug);
    if (!entry) archive.agencies.set(slug, (entry = { held: [], reported: [], addressed: [], mentioned: [], spokeIn: [] }));
    return entry;
  };
  const topic = (slug: string) => {
    let entry = archive.topics.get(slug);
    if (!entry) archive.topics.set(slug, (entry = { items: [], resolutions: [] }));
    return entry;
  };

  /** Meetings that list the cases they keep open (賡續列管 …, a 繼續列管 column): a complete list of them. */
  const listsOpenCases = new Set<ArchiveDocument>();
  for (const document of [...documents].reverse()) {
    const key = seriesKey(document);
    let series = archive.series.get(key);
    if (!series) archive.series.set(key, (series = { key, organization: document.organization, series: document.series, kind: document.kind, documents: [] }));
    series.documents.push(document);
    if (document.organizationAgency) agency(document.organizationAgency).held.push(document);

    const recordCase = (ref: CaseRef, event: CaseEvent) => {
      const { id } = ref;
      const caseKey = `${key}/${id}`;
      let tracked = archive.cases.get(caseKey);
      if (!tracked) {
        const openedIn = openingSession(id);
        const subject = ref.subject ? { subject: ref.subject } : {};
        tracked = { key: caseKey, id, series, events: [], mergedWith: [], status: 'open', asOf: document, ...(openedIn ? { openedIn } : {}), ...subject };
        archive.cases.set(caseKey, tracked);
      }
      if (ref.action === 'continued') listsOpenCases.add(document);
      tracked.events.push(event);
      for (const other of event.mergedWith) if (!tracked.mergedWith.includes(other)) tracked.mergedWith.push(other);
    };

    for (const item of walkItems(document.items)) {
      const itemRef = { document, item };
      if (item.agency) agency(item.agency).reported.push(itemRef);
      for (const report of item.reports) if (report.agency) agency(report.agency).spokeIn.push(itemRef);
      for (const slug of item.topics) topic(slug).items.push(itemRef);
      for (const ref of item.cases) recordCase(ref, { document, action: ref.action, mergedWith: ref.mergedWith ?? [], anchor: item.anchor, text: item.title });
      for (const resolution of item.resolutions) {
        const ref = { document, item, resolution };
        for (const slug of resolution.agencies) agency(slug).addressed.push(ref);
        const mentioned = new Set(resolution.mentions.flatMap((party) => (party.agency && !resolution.agencies.includes(party.agency) ? [party.agency] : [])));
        for (const slug of mentioned) agency(slug).mentioned.push(ref);
        // A collective without an agency is city-wide (各局處); 各組室 of an agency is under that agency.
        if (resolution.addressees.some((party) => party.kind === 'collective' && !party.agency)) archive.collective.push(ref);
        for (const slug of resolution.topics) topic(slug).resolutions.push(ref);
        for (const caseRef of resolution.cases) {
          recordCase(caseRef, { document, action: caseRef.action, mergedWith: caseRef.mergedWith ?? [], anchor: resolution.anchor, text: resolution.text });
        }
      }
    }
  }

  for (const series of archive.series.values()) series.documents.sort(byDate);
  for (const tracked of archive.cases.values()) {
    tracked.openedBy = tracked.series.documents.find((document) => document.session?.number === tracked.openedIn);
    // A mention states no change; a case merged into another is followed there.
    const last = tracked.events.filter((event) => event.action !== 'merged' && event.action !== 'mentioned').at(-1);
    tracked.status = last?.action === 'released' ? 'released' : 'open';
    tracked.asOf = tracked.events.at(-1)!.document;
    // Still open at its last mention, but a later meeting's list of the cases kept open leaves it out:
    // the archive cannot say it is open now, nor that it was released (the minutes do not say so).
    const merged = tracked.events.at(-1)!.action === 'merged';
    const omitting = tracked.series.documents.find((document) => listsOpenCases.has(document) && byDate(document, tracked.asOf) > 0);
    if (tracked.status === 'open' && !merged && omitting) {
      tracked.status = 'dropped';
      tracked.droppedAt = omitting;
    }
  }
  // Newest first everywhere a page lists things.
  for (const entry of archive.agencies.values()) {
    entry.held.sort(byDate).reverse();
    entry.reported.sort((a, b) => byDate(b.document, a.document));
    entry.addressed.sort((a, b) => byDate(b.document, a.document));
    entry.mentioned.sort((a, b) => byDate(b.document, a.document));
    entry.spokeIn.sort((a, b) => byDate(b.document, a.document));
  }
  archive.collective.sort((a, b) => byDate(b.document, a.document));
  for (const entry of archive.topics.values()) {
    entry.items.sort((a, b) => byDate(b.document, a.document));
    entry.resolutions.sort((a, b) => byDate(b.document, a.document));
  }
  return archive;
}
