/**
 * The people index (/people/) in pages of a fixed count: people with a full name first, in the order
 * of the facts (by stroke order), then the speakers the minutes name only by surname and role, grouped
 * by agency. At 10,000 documents the index held 1,573 people on one 325 KB page; a page of 300 stays
 * under 100 KB. Each page starts again the group it continues, so a heading is never left behind.
 */
import type { Participant } from '../facts/people.ts';
import { formatDateSpan } from '../text/format.ts';
import { type ListingPage, pagesByCount } from './paging.ts';

/** People per page: a link and a summary line of about 210 bytes each. */
export const PEOPLE_PER_PAGE = 300;

/** The group a designation without an agency the registry knows is listed under. */
export const UNMATCHED = '未能對應機關';

/** One person of the index, with the group it is listed in: `undefined` for people with a full name. */
export interface IndexEntry {
  person: Participant;
  agency?: string;
}

/** A group of people on a page, as the page shows it. */
export interface IndexGroup {
  /** `undefined`: people with a full name. */
  agency?: string;
  people: Participant[];
  /** The group began on an earlier page. */
  continued: boolean;
}

/**
 * Everyone in index order: full names as given, then designations by the name of their agency
 * (`agencyName` of its slug; UNMATCHED without one), in the zh-TW order of agency names.
 */
export function indexEntries(people: readonly Participant[], agencyName: (slug: string) => string | undefined): IndexEntry[] {
  const named = people.filter((person) => person.identifiedBy === 'name').map((person) => ({ person }));
  const collator = new Intl.Collator('zh-TW');
  const designations = people
    .filter((person) => person.identifiedBy === 'designation')
    .map((person) => ({ person, agency: (person.agency && (agencyName(person.agency) ?? person.agency)) || UNMATCHED }))
    .sort((a, b) => collator.compare(a.agency, b.agency));
  return [...named, ...designations];
}

/** The index in pages of `perPage` people: `/people/`, `/people/2/`… */
export const indexPages = (entries: readonly IndexEntry[], perPage = PEOPLE_PER_PAGE) => pagesByCount(entries, { perPage });

/** A page's people in their groups; a group that began on the page before is `continued`. */
export function groupsOnPage(pages: readonly ListingPage<IndexEntry>[], page: ListingPage<IndexEntry>): IndexGroup[] {
  const before = pages[pages.indexOf(page) - 1]?.entries.at(-1);
  const groups: IndexGroup[] = [];
  for (const { person, agency } of page.entries) {
    const last = groups.at(-1);
    if (last && last.agency === agency) last.people.push(person);
    else groups.push({ agency, people: [person], continued: groups.length === 0 && before !== undefined && before.agency === agency });
  }
  return groups;
}

/** An agency of the index: its group's page (path below /people/), its heading's id there, how many it lists. */
export interface AgencyLink {
  agency: string;
  path: string;
  anchor: string;
  count: number;
}

/** Where each agency's group begins, in index order. */
export function agencyIndex(pages: readonly ListingPage<IndexEntry>[]): AgencyLink[] {
  const index = new Map<string, AgencyLink>();
  for (const page of pages)
    for (const { agency } of page.entries) {
      if (agency === undefined) continue;
      const entry = index.get(agency) ?? { agency, path: page.path, anchor: `agency-${index.size + 1}`, count: 0 };
      entry.count++;
      index.set(agency, entry);
    }
  return [...index.values()];
}

/** A person's line in the index: `主席 3 次、紀錄 1 次，民國110年（2021年）7月22日至民國111年（2022年）9月22日` */
export function personSummary(person: Participant): string {
  const counts = new Map<string, number>();
  for (const appearance of person.appearances) counts.set(appearance.roleText, (counts.get(appearance.roleText) ?? 0) + 1);
  const dates = person.appearances.map((appearance) => appearance.document.date).filter(Boolean) as string[];
  const span = dates.length ? `，${formatDateSpan(dates[0], dates.at(-1))}` : '';
  return [...counts].map(([role, count]) => `${role} ${count} 次`).join('、') + span;
}
