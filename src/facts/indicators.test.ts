/**
 * Indicators across an agency's reports: the sample report (109 年 1-6 月) and the images fixture,
 * titled 109 年 7-12 月 and printing the same sentences.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { processSource } from '../pipeline/index.ts';
import { formatPeriodShort } from '../text/quantities.ts';
import { indicatorSeries } from './indicators.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const load = (path: string, name: string) => processSource(readFileSync(path), name, registries).document;
const first = load(join(ARCHIVE, 'content/reports/secretariat-2020-h1.txt'), 'content/reports/secretariat-2020-h1.txt');
const second = load(join(import.meta.dirname, '../../tests/fixtures/images/secretariat-2020-h2.txt'), 'content/reports/secretariat-2020-h2.txt');

describe('indicator series', () => {
  it('joins an indicator in the same unit across reports, oldest period first', () => {
    const series = indicatorSeries([second, first]);
    const electricity = series.find((entry) => entry.indicator === '總用電量')!;
    expect(electricity.unit).toBe('kWh');
    expect(electricity.points.map((point) => [formatPeriodShort(point.period), point.figure.value, point.figure.anchor])).toEqual([
      ['109 年 1-6 月', '9610400', 'item-1-1-1-1-1'],
      ['109 年 7-12 月', '9610400', 'item-1-1-1-1-1'],
    ]);
    expect(series.map((entry) => entry.indicator)).toContain('總用水量');
  });

  it('needs two reports, and leaves out an indicator a report states twice', () => {
    expect(indicatorSeries([first])).toEqual([]);
    // The same report as if for the next year: 「本期發布 202 則貼文 … 28 則貼文 … 111 則貼文」 are three
    // values of 發布貼文 in each, so no series of them; 總用電量 is one.
    const later = { ...first, id: 'secretariat-achievement-report-2021-01-2021-06', period: { start: '2021-01-01', end: '2021-06-30' } };
    const indicators = indicatorSeries([first, later]).map((entry) => entry.indicator);
    expect(indicators).toContain('總用電量');
    expect(indicators).not.toContain('發布貼文');
  });
});

describe('periods on a chart axis', () => {
  it('are short', () => {
    expect(formatPeriodShort({ start: '2020-01-01', end: '2020-06-30' })).toBe('109 年 1-6 月');
    expect(formatPeriodShort({ start: '2019-01-01', end: '2019-12-31' })).toBe('108 年');
    expect(formatPeriodShort({ end: '2020-06-30' })).toBe('截至 109 年 6 月 30 日');
  });
});
