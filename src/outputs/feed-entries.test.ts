import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { buildArchive } from '../facts/archive.ts';
import { buildPeople } from '../facts/people.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources, processPath } from '../ingest/sources.ts';
import { FEED_SIZE, agencyEntries, caseEntries, feedPath, newestEntries, personEntries, publishedAt, topicEntries } from './feed-entries.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const documents = listSources(ARCHIVE).map((path) => processPath(ARCHIVE, path, registries).document!);
const archive = buildArchive(documents);
const anchors = (entries: ReturnType<typeof newestEntries>) => entries.map((entry) => [entry.document.id, entry.places.map((place) => place.anchor)]);

describe('feed entries', () => {
  it('an agency’s: one per document, newest first, the resolutions addressed to it, then those that only name it, before the items it reported', () => {
    const entries = newestEntries(agencyEntries(archive.agencies.get('information-technology')!));
    expect(anchors(entries)).toEqual([
      // The bureau's own meeting: its resolutions that ask it to act, through 本局 or its units (策略中心,
      // 資安中心, 秘書室…), which are the bureau's since addressees replaced the agencies a text names.
      [
        'information-technology-bureau-meeting-2024-12',
        [
          'res-5-1',
          'res-5-2',
          'res-5-3',
          'res-5-5',
          'res-5-7',
          'res-5-8',
          'res-5-9',
          'res-5-10',
          'res-5-11',
          'res-5-14',
          'res-5-15',
          'res-5-16',
          'res-5-17',
          'res-5-19',
          'res-5-20',
          'res-5-22',
          'res-5-23',
          // Named only (提及本機關).
          'res-5-4',
          'res-5-6',
          'res-5-12',
          'res-5-21',
        ],
      ],
      ['taipei-chief-secretaries-meeting-224', ['res-2-5-1', 'res-2-8-4', 'res-2-5-2']],
      ['taipei-chief-secretaries-meeting-210', ['res-2-1-3', 'res-2-6-2', 'res-3-4', 'res-2-3-4', 'item-2-6']],
    ]);
    expect(entries[1]!.places[0]!.text).toMatch(/^\(一\) 請資訊局針對未能採行副本契約電子化之機關，提供必要之系統/);
  });

  it('a tracked case’s: the decision on it, with what it did', () => {
    const [entry] = newestEntries(caseEntries(archive.cases.get('taipei/chief-secretaries-meeting/205-1')!));
    expect(entry!.document.id).toBe('taipei-chief-secretaries-meeting-210');
    expect(entry!.places[0]!.anchor).toBe('res-2-1-1');
    expect(entry!.places[0]!.text).toMatch(/^解除列管（與 208-2 併案）：列管編號 205-1 併 208-2、209-1/);
  });

  it('a person’s: the items a speaker spoke under; the meetings a chair held, whole', () => {
    const people = buildPeople(documents);
    const speaker = people.all.find((person) => person.slug === 'cultural-affairs-liu-zhu-mi')!;
    expect(anchors(newestEntries(personEntries(speaker)))).toEqual([['taipei-chief-secretaries-meeting-210', ['item-2-6']]]);
    const chair = people.all.find((person) => person.name === '陳志銘')!;
    expect(newestEntries(personEntries(chair)).every((entry) => entry.places.length === 0)).toBe(true);
  });

  it('a topic’s: its resolutions and items, each place once', () => {
    for (const record of archive.topics.values()) {
      const entries = newestEntries(topicEntries(record));
      const places = entries.flatMap((entry) => entry.places.map((place) => `${entry.document.id}#${place.anchor}`));
      expect(new Set(places).size).toBe(places.length);
      expect(places.length).toBe(
        new Set([
          ...record.resolutions.map((ref) => `${ref.document.id}#${ref.resolution.anchor}`),
          ...record.items.map((ref) => `${ref.document.id}#${ref.item.anchor}`),
        ]).size,
      );
    }
  });

  it(`keeps the newest ${FEED_SIZE} documents`, () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, index) => ({
      document: { ...documents[0]!, id: `d${index}`, date: `20${String(index).padStart(2, '0')}-01-01` },
      places: [],
    }));
    const entries = newestEntries(many);
    expect(entries).toHaveLength(FEED_SIZE);
    expect(entries[0]!.document.date).toBe('2054-01-01');
  });

  it('dates an entry at the meeting’s start, Taipei time', () => {
    expect(publishedAt(archive.byId.get('taipei-chief-secretaries-meeting-210')!)?.toISOString()).toBe('2021-07-22T02:00:00.000Z');
    expect(feedPath('/series/taipei/chief-secretaries-meeting/')).toBe('/series/taipei/chief-secretaries-meeting/feed.xml');
  });
});
