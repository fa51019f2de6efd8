/**
 * What the archive holds of each series and what it lacks: for minutes, the sessions held and the
 * sessions missing between them (within each year where numbering restarts yearly); for reports, the
 * periods held and the stretches between them no report covers. Only gaps between held documents
 * are called missing: before the first held session the archive simply does not reach, and after
 * the last nobody can tell how many more sessions there were.
 */
import type { ArchiveDocument } from '../model/types.ts';
import { ROC_OFFSET } from '../text/dates.ts';
import type { Series } from './archive.ts';

/** Consecutive session numbers, both ends included. */
export interface SessionRun {
  from: number;
  to: number;
}

/** The sessions of one numbering: a whole series, or one year of a series numbered within a year. */
export interface NumberingCoverage {
  /** AD year, for series numbered within a year (`113 年第 12 次`). */
  year?: number;
  held: SessionRun[];
  /** Sessions between two held ones that the archive lacks. */
  missing: SessionRun[];
  /** Sessions numbered before the first held one (第1次 up to it): outside the archive, not missing. */
  before?: SessionRun;
}

export interface PeriodHeld {
  start: string;
  end: string;
  document: ArchiveDocument;
}

export interface SeriesCoverage {
  series: Series;
  /** First and last date held: meeting dates, or the ends of the report periods. */
  first?: string;
  last?: string;
  /** Minutes: one numbering, or one per year (oldest first). */
  numberings: NumberingCoverage[];
  /** Minutes without a session number. */
  unnumbered: ArchiveDocument[];
  /** Reports: the periods held, oldest first. */
  periods: PeriodHeld[];
  /** Reports: stretches between two held periods that no report covers. */
  uncovered: Array<{ start: string; end: string }>;
  /** Sessions missing in all numberings. */
  missingCount: number;
}

export const runLength = (run: SessionRun) => run.to - run.from + 1;

/** Sorted, distinct numbers as runs: 1, 2, 3, 7 → 1–3, 7. */
export function toRuns(numbers: Iterable<number>): SessionRun[] {
  const runs: SessionRun[] = [];
  for (const number of [...new Set(numbers)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && number === last.to + 1) last.to = number;
    else runs.push({ from: number, to: number });
  }
  return runs;
}

/** The runs between held runs: 210, 224 → 211–223. */
export function gapsBetween(held: SessionRun[]): SessionRun[] {
  return held.slice(1).map((run, index) => ({ from: held[index]!.to + 1, to: run.from - 1 }));
}

function numbering(numbers: number[], year?: number): NumberingCoverage {
  const held = toRuns(numbers);
  const first = held[0]!.from;
  return { ...(year !== undefined ? { year } : {}), held, missing: gapsBetween(held), ...(first > 1 ? { before: { from: 1, to: first - 1 } } : {}) };
}

const addDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Stretches between consecutive periods that none covers (overlapping or adjoining periods leave none). */
export function uncoveredBetween(periods: Array<{ start: string; end: string }>): Array<{ start: string; end: string }> {
  const gaps: Array<{ start: string; end: string }> = [];
  let reach: string | undefined;
  for (const period of [...periods].sort((a, b) => a.start.localeCompare(b.start))) {
    if (reach && addDays(reach, 1) < period.start) gaps.push({ start: addDays(reach, 1), end: addDays(period.start, -1) });
    if (!reach || period.end > reach) reach = period.end;
  }
  return gaps;
}

export function seriesCoverage(series: Series): SeriesCoverage {
  // A report spans its period; its date is only the period's end.
  const dates = series.documents
    .flatMap((document) => (document.period ? [document.period.start, document.period.end] : document.date ? [document.date] : []))
    .sort();
  const byYear = new Map<number | undefined, number[]>();
  const unnumbered: ArchiveDocument[] = [];
  const periods: PeriodHeld[] = [];
  for (const document of series.documents) {
    if (document.period) periods.push({ ...document.period, document });
    else if (document.session) byYear.set(document.session.year, [...(byYear.get(document.session.year) ?? []), document.session.number]);
    else if (document.kind === 'minutes') unnumbered.push(document);
  }
  const numberings = [...byYear].sort(([a], [b]) => (a ?? 0) - (b ?? 0)).map(([year, numbers]) => numbering(numbers, year));
  periods.sort((a, b) => a.start.localeCompare(b.start));
  return {
    series,
    ...(dates.length ? { first: dates[0], last: dates.at(-1) } : {}),
    numberings,
    unnumbered,
    periods,
    uncovered: uncoveredBetween(periods),
    missingCount: numberings.reduce((sum, entry) => sum + entry.missing.reduce((total, run) => total + runLength(run), 0), 0),
  };
}

/** Coverage of every series, by series key. */
export function archiveCoverage(series: Iterable<Series>): Map<string, SeriesCoverage> {
  return new Map([...series].map((entry) => [entry.key, seriesCoverage(entry)]));
}

/** `第211–223次`, `第215次`. */
export const formatRun = (run: SessionRun) => (run.from === run.to ? `第${run.from}次` : `第${run.from}–${run.to}次`);

/** A missing run with its size: `第211–223次（13 次）`. */
export const formatMissing = (run: SessionRun) => (run.from === run.to ? formatRun(run) : `${formatRun(run)}（${runLength(run)} 次）`);

/** The heading of a year's numbering, as the documents count years: `113 年（2024）`. */
export const formatNumberingYear = (year: number) => `${year - ROC_OFFSET} 年（${year}）`;
