/**
 * An agency's indicators in pages by year (src/site/paging.ts): every indicator's values for the
 * periods of a year on that year's page, in parts where a year holds more values than a page does.
 * An agency that reports 64 indicators twice a year for 24 years drew 830 KB of charts on one page;
 * a year's values stay the same size however many years the archive holds.
 */
import type { IndicatorPoint, IndicatorSeries } from '../facts/indicators.ts';
import { type ListingPage, pagesByYear } from './paging.ts';

/** Values per page: a bar and a table row of about 700 bytes each, with a chart's caption per indicator. */
export const VALUES_PER_PAGE = 100;

/** One value of an indicator: the series it belongs to, and its point. */
export interface IndicatorValue {
  series: IndicatorSeries;
  point: IndicatorPoint;
}

/** The year a value is for: its period's start (or end), else its report's date. */
const dateOf = ({ point }: IndicatorValue) => point.period.start ?? point.period.end ?? point.document.date;

/** The values of `series` (from indicatorSeries) in pages by year, newest year first; in a year, indicator by indicator. */
export function indicatorPages(series: readonly IndicatorSeries[], options: { perPage?: number } = {}): ListingPage<IndicatorValue>[] {
  const values = series.flatMap((entry) => entry.points.map((point) => ({ series: entry, point })));
  return pagesByYear(values, dateOf, { perPage: options.perPage ?? VALUES_PER_PAGE });
}

/** A page's values as series again, one per indicator on the page, holding the page's points in order. */
export function seriesOnPage(values: readonly IndicatorValue[]): IndicatorSeries[] {
  const bySeries = new Map<IndicatorSeries, IndicatorSeries>();
  for (const { series, point } of values) {
    const shown = bySeries.get(series) ?? { ...series, points: [] };
    shown.points.push(point);
    bySeries.set(series, shown);
  }
  return [...bySeries.values()];
}

/** What the agency page says of its indicators: the first few, how many, and the years of their pages. */
export interface IndicatorSummary {
  /** The first three indicators, in the order of the newest report. */
  first: string[];
  count: number;
  /** The years with a value, oldest first, as the pages have them (`2020`; `undated` last). */
  years: string[];
}

export function indicatorSummary(series: readonly IndicatorSeries[]): IndicatorSummary {
  return {
    first: series.slice(0, 3).map((entry) => entry.indicator),
    count: series.length,
    years: indicatorPages(series)
      .filter((page) => page.part === 1)
      .map((page) => page.year)
      .sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a.localeCompare(b))),
  };
}
