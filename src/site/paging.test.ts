import { describe, expect, it } from 'vitest';
import { pageNavigation, pageParam, pagePath, pagesByCount, pagesByYear, yearName } from './paging.ts';

interface Entry {
  id: number;
  date?: string;
}
const dated = (id: number, date?: string): Entry => ({ id, ...(date ? { date } : {}) });
const ids = (entries: Entry[]) => entries.map((entry) => entry.id);

describe('pagesByYear', () => {
  const entries = [dated(1, '2024-05-01'), dated(2, '2023-12-31'), dated(3, '2024-01-02'), dated(4), dated(5, '2022-07-01'), dated(6, '2024-01-01')];

  it('gives a page per year, newest year first, undated last, entries of a year in their given order', () => {
    const pages = pagesByYear(entries, (entry) => entry.date);
    expect(pages.map((page) => [page.year, page.path, ids(page.entries)])).toEqual([
      ['2024', '2024/', [1, 3, 6]],
      ['2023', '2023/', [2]],
      ['2022', '2022/', [5]],
      ['undated', 'undated/', [4]],
    ]);
  });

  it('orders the years oldest first when asked, undated still last', () => {
    expect(pagesByYear(entries, (entry) => entry.date, { years: 'oldest first' }).map((page) => page.year)).toEqual(['2022', '2023', '2024', 'undated']);
  });

  it('splits a year holding more than a page into parts of that count, the first at the year, the others numbered', () => {
    const pages = pagesByYear(entries, (entry) => entry.date, { perPage: 2 });
    expect(pages.map((page) => [page.path, page.part, page.parts, page.yearCount, ids(page.entries)])).toEqual([
      ['2024/', 1, 2, 3, [1, 3]],
      ['2024/2/', 2, 2, 3, [6]],
      ['2023/', 1, 1, 1, [2]],
      ['2022/', 1, 1, 1, [5]],
      ['undated/', 1, 1, 1, [4]],
    ]);
    // Every entry on exactly one page.
    expect(pages.flatMap((page) => ids(page.entries)).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('makes no page of no entries, and refuses a page size that is not a positive whole number', () => {
    expect(pagesByYear([], (entry: Entry) => entry.date)).toEqual([]);
    expect(() => pagesByYear(entries, (entry) => entry.date, { perPage: 0 })).toThrow(/perPage must be a positive whole number, got 0/);
    expect(() => pagesByYear(entries, (entry) => entry.date, { perPage: 1.5 })).toThrow(/got 1\.5/);
  });

  it('keeps a past year’s pages as they were when a later year is added', () => {
    const before = pagesByYear(entries, (entry) => entry.date, { perPage: 2 });
    const after = pagesByYear([dated(7, '2025-03-01'), ...entries], (entry) => entry.date, { perPage: 2 });
    for (const page of before) expect(after.find((other) => other.path === page.path)?.entries).toEqual(page.entries);
  });
});

describe('paths and parameters', () => {
  it('puts the first part of a year at the year, the others below it', () => {
    expect([pagePath('2024'), pagePath('2024', 1), pagePath('2024', 3), pagePath('undated', 2)]).toEqual(['2024/', '2024/', '2024/3/', 'undated/2/']);
    expect([pageParam({ path: '2024/' }), pageParam({ path: '2024/3/' }), pageParam(undefined)]).toEqual(['2024', '2024/3', undefined]);
  });

  it('names a year in 民國 with AD beside it', () => {
    expect([yearName('2024'), yearName('1912'), yearName('undated')]).toEqual(['民國113年（2024）', '民國1年（1912）', '日期不詳']);
  });
});

describe('pageNavigation', () => {
  const pages = pagesByYear([dated(1, '2024-03-01'), dated(2, '2024-02-01'), dated(3, '2024-01-01'), dated(4, '2023-01-01')], (entry) => entry.date, {
    perPage: 2,
  });

  it('indexes every year once with its count, marking the page’s year current', () => {
    const navigation = pageNavigation(pages, pages[1]!);
    expect(navigation.years).toEqual([
      { label: '民國113年（2024）', path: '2024/', count: 3, current: 'page' },
      { label: '民國112年（2023）', path: '2023/', count: 1, current: undefined },
    ]);
  });

  it('lists the parts of a year in parts, and previous and next through every page', () => {
    expect(pageNavigation(pages, pages[1]!)).toMatchObject({
      parts: [
        { label: '1', path: '2024/', current: undefined },
        { label: '2', path: '2024/2/', current: 'page' },
      ],
      prev: '2024/',
      next: '2023/',
    });
    const last = pageNavigation(pages, pages[2]!);
    expect([last.parts, last.prev, last.next]).toEqual([[], '2024/2/', undefined]);
  });

  it('marks the year the listing’s own URL shows as current, not as the page (that year has its own URL)', () => {
    const navigation = pageNavigation(pages, pages[0]!, { base: true });
    expect(navigation.years[0]?.current).toBe('true');
    expect(navigation.parts[0]?.current).toBe('true');
    expect([navigation.prev, navigation.next]).toEqual([undefined, '2024/2/']);
  });

  it('refuses a page that is not one of the listing’s', () => {
    expect(() => pageNavigation(pages, { ...pages[0]! })).toThrow(/the page 2024\/ is not one of the listing's pages/);
  });
});

describe('pagesByCount', () => {
  const entries = [1, 2, 3, 4, 5].map((id) => dated(id));

  it('splits the entries in parts of that count: the first at the base, the others numbered, in order', () => {
    const pages = pagesByCount(entries, { perPage: 2 });
    expect(pages.map((page) => [page.path, page.part, page.parts, page.yearCount, ids(page.entries)])).toEqual([
      ['', 1, 3, 5, [1, 2]],
      ['2/', 2, 3, 5, [3, 4]],
      ['3/', 3, 3, 5, [5]],
    ]);
    expect(pageParam(pages[1])).toBe('2');
  });

  it('gives one page when the entries fit, even none, and refuses a count that is not a positive whole number', () => {
    expect(pagesByCount(entries).map((page) => [page.path, page.parts, ids(page.entries)])).toEqual([['', 1, [1, 2, 3, 4, 5]]]);
    expect(pagesByCount([]).map((page) => [page.path, page.entries.length])).toEqual([['', 0]]);
    expect(() => pagesByCount(entries, { perPage: 0 })).toThrow(/positive whole number, got 0/);
  });

  it('navigates its parts with previous and next, the base as the previous of the second, and no year index', () => {
    const pages = pagesByCount(entries, { perPage: 2 });
    const second = pageNavigation(pages, pages[1]!);
    expect(second.prev).toBe('');
    expect(second.next).toBe('3/');
    expect(second.years).toHaveLength(1);
    expect(second.parts.map((part) => [part.label, part.path, part.current])).toEqual([
      ['1', '', undefined],
      ['2', '2/', 'page'],
      ['3', '3/', undefined],
    ]);
    expect(pageNavigation(pages, pages[0]!).prev).toBeUndefined();
  });
});
