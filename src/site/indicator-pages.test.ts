import { describe, expect, it } from 'vitest';
import type { IndicatorSeries } from '../facts/indicators.ts';
import type { ArchiveDocument, Figure } from '../model/types.ts';
import { indicatorPages, indicatorSummary, seriesOnPage } from './indicator-pages.ts';

/** A half-year report of `year`: only what the pages read of it. */
const report = (year: number, half: 1 | 2) =>
  ({ id: `r-${year}-${half}`, date: `${year}-${half === 1 ? '07' : '12'}-31`, kind: 'report' }) as unknown as ArchiveDocument;
const period = (year: number, half: 1 | 2) =>
  half === 1 ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
/** An indicator with a value in each half of each year. */
const series = (indicator: string, years: number[]): IndicatorSeries => ({
  indicator,
  unit: 'kWh',
  points: years.flatMap((year) =>
    ([1, 2] as const).map((half) => ({ document: report(year, half), figure: { value: String(year * 10 + half) } as Figure, period: period(year, half) })),
  ),
});
const values = (shown: IndicatorSeries[]) => shown.map((entry) => [entry.indicator, entry.points.map((point) => point.figure.value)]);

describe('indicatorPages', () => {
  const all = [series('總用電量', [2023, 2024]), series('總用水量', [2024])];

  it('puts every indicator’s values for a year on that year’s page, newest year first, indicator by indicator', () => {
    const pages = indicatorPages(all);
    expect(pages.map((page) => [page.path, values(seriesOnPage(page.entries))])).toEqual([
      [
        '2024/',
        [
          ['總用電量', ['20241', '20242']],
          ['總用水量', ['20241', '20242']],
        ],
      ],
      ['2023/', [['總用電量', ['20231', '20232']]]],
    ]);
  });

  it('keeps a page to its count of values however many years the indicators span', () => {
    const long = [
      series(
        '總用電量',
        Array.from({ length: 100 }, (_, index) => 1925 + index),
      ),
    ];
    const pages = indicatorPages(long, { perPage: 3 });
    expect(pages).toHaveLength(100);
    expect(Math.max(...pages.map((page) => page.entries.length))).toBe(2);
    const parted = indicatorPages(all, { perPage: 3 });
    expect(parted.map((page) => [page.path, values(seriesOnPage(page.entries))])).toEqual([
      [
        '2024/',
        [
          ['總用電量', ['20241', '20242']],
          ['總用水量', ['20241']],
        ],
      ],
      ['2024/2/', [['總用水量', ['20242']]]],
      ['2023/', [['總用電量', ['20231', '20232']]]],
    ]);
  });

  it('sums the indicators up for the agency page: the first three, how many, the years of their pages oldest first', () => {
    const four = [...all, series('用電度數', [2024]), series('用油量', [2024])];
    expect(indicatorSummary(four)).toEqual({
      first: ['總用電量', '總用水量', '用電度數'],
      count: 4,
      years: ['2023', '2024'],
    });
    expect(indicatorSummary([])).toEqual({ first: [], count: 0, years: [] });
  });
});
