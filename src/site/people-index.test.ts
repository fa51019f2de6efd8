import { describe, expect, it } from 'vitest';
import type { Participant } from '../facts/people.ts';
import { agencyIndex, groupsOnPage, indexEntries, indexPages, UNMATCHED } from './people-index.ts';

const named = (name: string) => ({ slug: name, name, identifiedBy: 'name' }) as Participant;
const speaker = (name: string, agency?: string) => ({ slug: name, name, identifiedBy: 'designation', ...(agency ? { agency } : {}) }) as Participant;
const AGENCIES: Record<string, string> = { it: '臺北市政府資訊局', finance: '臺北市政府財政局' };
const people = [
  speaker('資訊局陳主秘', 'it'),
  named('王志銘'),
  speaker('某主任'),
  speaker('財政局林科長', 'finance'),
  named('李佳君'),
  speaker('資訊局王組長', 'it'),
];
const entries = indexEntries(people, (slug) => AGENCIES[slug]);
const shown = (groups: ReturnType<typeof groupsOnPage>) =>
  groups.map((group) => [group.agency ?? '具名', group.continued, group.people.map((person) => person.name)]);

describe('the people index', () => {
  it('lists full names first as given, then designations by agency name, in their order within an agency', () => {
    expect(entries.map((entry) => [entry.agency ?? '具名', entry.person.name])).toEqual([
      ['具名', '王志銘'],
      ['具名', '李佳君'],
      [UNMATCHED, '某主任'],
      ['臺北市政府財政局', '財政局林科長'],
      ['臺北市政府資訊局', '資訊局陳主秘'],
      ['臺北市政府資訊局', '資訊局王組長'],
    ]);
  });

  it('pages by count, each page showing its groups, a group begun on the page before marked continued', () => {
    const pages = indexPages(entries, 4);
    expect(pages.map((page) => page.path)).toEqual(['', '2/']);
    expect(shown(groupsOnPage(pages, pages[0]!))).toEqual([
      ['具名', false, ['王志銘', '李佳君']],
      [UNMATCHED, false, ['某主任']],
      ['臺北市政府財政局', false, ['財政局林科長']],
    ]);
    expect(shown(groupsOnPage(pages, pages[1]!))).toEqual([['臺北市政府資訊局', false, ['資訊局陳主秘', '資訊局王組長']]]);
    const split = indexPages(entries, 5);
    expect(shown(groupsOnPage(split, split[1]!))).toEqual([['臺北市政府資訊局', true, ['資訊局王組長']]]);
  });

  it('indexes the agencies at the page where each group begins, with an anchor and a count', () => {
    expect(agencyIndex(indexPages(entries, 5))).toEqual([
      { agency: UNMATCHED, path: '', anchor: 'agency-1', count: 1 },
      { agency: '臺北市政府財政局', path: '', anchor: 'agency-2', count: 1 },
      { agency: '臺北市政府資訊局', path: '', anchor: 'agency-3', count: 2 },
    ]);
    expect(agencyIndex(indexPages(entries, 4)).at(-1)).toEqual({ agency: '臺北市政府資訊局', path: '2/', anchor: 'agency-3', count: 2 });
  });
});
