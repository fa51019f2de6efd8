import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../model/types.ts';
import { processSource } from '../pipeline/index.ts';
import { buildArchive } from './archive.ts';
import { archiveCoverage, formatMissing, formatRun, gapsBetween, seriesCoverage, toRuns, uncoveredBetween } from './coverage.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources } from '../ingest/sources.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = ARCHIVE;
const registries = loadRegistries(join(root, 'content'));
const documents = listSources(root).map((path) => processSource(readFileSync(join(root, path)), path, registries).document);
const byId = (id: string) => documents.find((document) => document.id === id)!;

/** Another meeting of a real document's series: its session, id and date changed. */
const sessionOf = (template: ArchiveDocument, number: number, year?: number): ArchiveDocument => ({
  ...template,
  id: `${template.id}-copy-${year ?? ''}-${number}`,
  session: { number, ...(year ? { year } : {}), label: `第${number}次` },
  date: `${year ?? 2021}-${String(Math.min(number, 12)).padStart(2, '0')}-01`,
});

describe('runs and gaps', () => {
  it('writes held and missing sessions compactly', () => {
    expect(toRuns([224, 210, 211, 212, 210])).toEqual([
      { from: 210, to: 212 },
      { from: 224, to: 224 },
    ]);
    expect(gapsBetween(toRuns([210, 224]))).toEqual([{ from: 211, to: 223 }]);
    expect(formatMissing({ from: 211, to: 223 })).toBe('第211–223次（13 次）');
    expect(formatMissing({ from: 215, to: 215 })).toBe('第215次');
    expect(formatRun({ from: 210, to: 210 })).toBe('第210次');
  });

  it('finds the stretches between report periods that no report covers', () => {
    const h1 = { start: '2020-01-01', end: '2020-06-30' };
    expect(uncoveredBetween([{ start: '2021-01-01', end: '2021-06-30' }, h1])).toEqual([{ start: '2020-07-01', end: '2020-12-31' }]);
    expect(uncoveredBetween([h1, { start: '2020-07-01', end: '2020-12-31' }])).toEqual([]);
    expect(uncoveredBetween([h1, { start: '2020-03-01', end: '2020-04-30' }])).toEqual([]);
  });
});

describe('coverage of the sample archive', () => {
  const archive = buildArchive(documents);
  const coverage = archiveCoverage(archive.series.values());

  it('holds 第210次 and 第224次 of 主任秘書會報: 第211–223次 missing, sessions before 210 outside the archive', () => {
    const chief = coverage.get('taipei/chief-secretaries-meeting')!;
    expect(chief).toMatchObject({ first: '2021-07-22', last: '2022-09-22', missingCount: 13, unnumbered: [], periods: [] });
    expect(chief.numberings).toEqual([
      {
        held: [
          { from: 210, to: 210 },
          { from: 224, to: 224 },
        ],
        missing: [{ from: 211, to: 223 }],
        before: { from: 1, to: 209 },
      },
    ]);
  });

  it('holds one session of a series numbered within a year: nothing missing, 第1–11次 of that year outside the archive', () => {
    expect(coverage.get('information-technology/bureau-meeting')).toMatchObject({
      first: '2024-12-17',
      last: '2024-12-17',
      missingCount: 0,
      numberings: [{ year: 2024, held: [{ from: 12, to: 12 }], missing: [], before: { from: 1, to: 11 } }],
    });
  });

  it('shows the period a report series holds', () => {
    const reports = coverage.get('secretariat/achievement-report')!;
    expect(reports).toMatchObject({ first: '2020-01-01', last: '2020-06-30', numberings: [] });
    expect(reports.periods.map(({ start, end }) => [start, end])).toEqual([['2020-01-01', '2020-06-30']]);
    expect(reports.uncovered).toEqual([]);
  });
});

describe('seriesCoverage', () => {
  it('computes gaps within each year where numbering restarts yearly, never across years', () => {
    const template = byId('information-technology-bureau-meeting-2024-12');
    const meetings = [sessionOf(template, 3, 2024), sessionOf(template, 7, 2024), template, sessionOf(template, 2, 2025)];
    const series = { ...buildArchive([template]).series.get('information-technology/bureau-meeting')!, documents: meetings };
    const coverage = seriesCoverage(series);
    expect(coverage.numberings).toEqual([
      {
        year: 2024,
        held: [
          { from: 3, to: 3 },
          { from: 7, to: 7 },
          { from: 12, to: 12 },
        ],
        missing: [
          { from: 4, to: 6 },
          { from: 8, to: 11 },
        ],
        before: { from: 1, to: 2 },
      },
      { year: 2025, held: [{ from: 2, to: 2 }], missing: [], before: { from: 1, to: 1 } },
    ]);
    expect(coverage.missingCount).toBe(7);
  });

  it('counts a series of one session whose number is 1 as complete', () => {
    const template = byId('taipei-chief-secretaries-meeting-210');
    const series = { ...buildArchive([template]).series.get('taipei/chief-secretaries-meeting')!, documents: [sessionOf(template, 1)] };
    expect(seriesCoverage(series).numberings).toEqual([{ held: [{ from: 1, to: 1 }], missing: [] }]);
  });
});
