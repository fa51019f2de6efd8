/**
 * The site's feeds and what each lists (src/outputs/feed-xml.ts writes it as RSS): from the
 * cross-document facts (src/facts/), the places in each document that concern an agency, a topic, a
 * tracked case or a person, so that a subscriber lands on the resolution or item itself, not at the
 * top of a long document; the entries of one document joined, the newest documents first. Free of
 * Astro, so it is tested as it is and the outputs worker writes the feeds from it
 * (src/outputs/feed-files.ts) that the dev server's `feed.xml.ts` routes serve.
 */
import type { AgencyMentions, Archive, CaseEvent, ItemRef, ResolutionRef, Series, TrackedCase } from '../facts/archive.ts';
import type { Participant, People } from '../facts/people.ts';
import { ACTION_LABEL, withLabel } from '../text/format.ts';
import { COLLECTIVE, COLLECTIVE_NAME } from '../facts/collective.ts';
import type { ArchiveDocument } from '../model/types.ts';
import type { Agency, Topic } from '../schemas/registry.ts';
import { routes } from '../utils/routes.ts';

/** How many documents a feed lists, newest first. */
export const FEED_SIZE = 50;

/** A resolution or item a feed entry is about: its anchor on the document page and what it says. */
export interface FeedPlace {
  anchor: string;
  /** One line for the entry's summary: `(一) 請各局處協助…`, `二、…（資訊局）`. */
  text: string;
}

/** One entry: a document, and where in it the feed's subject appears (none: the document as a whole). */
export interface FeedEntry {
  document: ArchiveDocument;
  places: FeedPlace[];
}

const byDateDesc = (a: FeedEntry, b: FeedEntry) => (b.document.date ?? '').localeCompare(a.document.date ?? '') || a.document.id.localeCompare(b.document.id);

/**
 * Entries of the same document joined into one (a feed reader shows a document once), places in
 * the order given, newest document first, at most {@link FEED_SIZE}.
 */
export function newestEntries(entries: Iterable<FeedEntry>): FeedEntry[] {
  const byDocument = new Map<string, FeedEntry>();
  for (const { document, places } of entries) {
    const entry = byDocument.get(document.id);
    if (!entry) byDocument.set(document.id, { document, places: [...places] });
    else for (const place of places) if (!entry.places.some((known) => known.anchor === place.anchor)) entry.places.push(place);
  }
  return [...byDocument.values()].sort(byDateDesc).slice(0, FEED_SIZE);
}

/** When a meeting began (Taipei time, UTC+8), or the document's date at midnight there. */
export function publishedAt(document: ArchiveDocument): Date | undefined {
  if (!document.date) return undefined;
  const time = document.startTime && /^\d{2}:\d{2}$/.test(document.startTime) ? document.startTime : '00:00';
  return new Date(`${document.date}T${time}:00+08:00`);
}

/** Where the feed of a page is published: `feed.xml` in the page's folder (`/series/x/y/feed.xml`, `/feed.xml`). */
export const feedPath = (page: string) => `${page}feed.xml`;

/** A resolution's line: its label and text, its line breaks as spaces. */
const resolutionPlace = ({ resolution }: ResolutionRef): FeedPlace => ({
  anchor: resolution.anchor,
  text: withLabel(resolution.label, resolution.text.replace(/\s*\n\s*/g, ' ')),
});
const itemPlace = ({ item }: ItemRef): FeedPlace => ({ anchor: item.anchor, text: withLabel(item.label, item.title) });

/**
 * An agency's feed: the resolutions addressed to it first (what it must act on), then the items it
 * reported and spoke in; the meetings it held, as whole documents.
 */
export function agencyEntries(mentions: AgencyMentions): FeedEntry[] {
  return [
    ...mentions.addressed.map((ref) => ({ document: ref.document, places: [resolutionPlace(ref)] })),
    // What only names the agency too (提及本機關), as its page lists it: the council is named, never addressed.
    ...mentions.mentioned.map((ref) => ({ document: ref.document, places: [resolutionPlace(ref)] })),
    ...[...mentions.reported, ...mentions.spokeIn].map((ref) => ({ document: ref.document, places: [itemPlace(ref)] })),
    ...mentions.held.map((document) => ({ document, places: [] })),
  ];
}

/** A topic's feed: its resolutions, then its items. */
export function topicEntries(record: { resolutions: ResolutionRef[]; items: ItemRef[] }): FeedEntry[] {
  return [
    ...record.resolutions.map((ref) => ({ document: ref.document, places: [resolutionPlace(ref)] })),
    ...record.items.map((ref) => ({ document: ref.document, places: [itemPlace(ref)] })),
  ];
}

/** A tracked case's feed: each meeting that decided on it, at the decision, with what it decided. */
export function caseEntries(tracked: TrackedCase): FeedEntry[] {
  const line = (event: CaseEvent) =>
    `${ACTION_LABEL[event.action]}${event.mergedWith.length ? `（與 ${event.mergedWith.join('、')} 併案）` : ''}：${event.text.replace(/\s*\n\s*/g, ' ')}`;
  return tracked.events.map((event) => ({ document: event.document, places: [{ anchor: event.anchor, text: line(event) }] }));
}

/** A person's feed: the meetings they chaired or recorded, and the items they spoke under. */
export function personEntries(person: Participant): FeedEntry[] {
  return person.appearances.map((appearance) => ({
    document: appearance.document,
    places: appearance.item
      ? [{ anchor: appearance.item.anchor, text: `${appearance.roleText}：${withLabel(appearance.item.label, appearance.item.title)}` }]
      : [],
  }));
}

/** One feed: what it follows, the page it belongs to, and its entries. */
export interface FeedSpec {
  /** `臺北市政府主任秘書會報`, `資訊局`; the site's name for the archive's feed. */
  title: string;
  /** Site-relative URL of the page the feed belongs to: the channel's link. */
  page: string;
  /** Site-relative URL of the feed itself: {@link feedPath} of the page. */
  self: string;
  entries: FeedEntry[];
}

const spec = (title: string, page: string, entries: FeedEntry[]): FeedSpec => ({ title, page, self: feedPath(page), entries });
const whole = (documents: ArchiveDocument[]) => documents.map((document) => ({ document, places: [] }));

/** The archive's feed: the newest documents of every series. */
export const archiveFeed = (siteName: string, archive: Archive) => spec(siteName, routes.home(), whole(archive.documents));
/** A series' feed: its newest sessions. */
export const seriesFeed = (series: Series) => spec(`${series.organization}${series.series}`, routes.series(series.key), whole(series.documents));
export const agencyFeed = (agency: Agency, mentions: AgencyMentions) => spec(agency.name, routes.agency(agency.slug), agencyEntries(mentions));
/** The feed of the resolutions to every agency (src/facts/collective.ts): a topic's feed without items. */
export const collectiveFeed = (archive: Archive) => spec(COLLECTIVE_NAME, COLLECTIVE, topicEntries({ resolutions: archive.collective, items: [] }));
export const topicFeed = (topic: Topic, record: { resolutions: ResolutionRef[]; items: ItemRef[] }) =>
  spec(`主題：${topic.name}`, routes.topic(topic.slug), topicEntries(record));
export const caseFeed = (tracked: TrackedCase) =>
  spec(`列管案件 ${tracked.id}（${tracked.series.organization}${tracked.series.series}）`, routes.case(tracked), caseEntries(tracked));
export const personFeed = (person: Participant) => spec(person.name, routes.person(person.slug), personEntries(person));

/** What the feeds are made from: the archive's facts and the registries, in registry order. */
export interface FeedFacts {
  archive: Archive;
  people: People;
  agencies: Iterable<Agency>;
  topics: Iterable<Topic>;
  siteName: string;
}

/**
 * Every feed of the site: the archive's, each series', each agency the archive mentions and the
 * resolutions to every agency, each topic the archive mentions,
 * each tracked case's and each person's.
 */
export function* archiveFeeds({ archive, people, agencies, topics, siteName }: FeedFacts): Generator<FeedSpec> {
  yield archiveFeed(siteName, archive);
  for (const series of archive.series.values()) yield seriesFeed(series);
  for (const agency of agencies) {
    const mentions = archive.agencies.get(agency.slug);
    if (mentions) yield agencyFeed(agency, mentions);
  }
  yield collectiveFeed(archive);
  for (const topic of topics) {
    const record = archive.topics.get(topic.slug);
    if (record) yield topicFeed(topic, record);
  }
  for (const tracked of archive.cases.values()) yield caseFeed(tracked);
  for (const person of people.all) yield personFeed(person);
}
