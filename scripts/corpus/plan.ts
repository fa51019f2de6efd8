/**
 * Which documents the corpus holds: meeting series (the city's 主任秘书會報 and the 局務會議,
 * 處務會議 or 主管會報 of agencies), each a contiguous run of monthly sessions ending in late 2024,
 * and the half-yearly 施政成果報告 of agencies over the same years. The number of series stays near
 * 40 whatever the count, so 10,000 documents span about 20 years and 1,000 about two.
 */
import type { Agency } from '../../src/schemas/registry.ts';
import type { AgencyBook } from './agencies.ts';
import { type Day, ROC_OFFSET, daysInMonth, monthIndex, nthWeekday, weekday } from './calendar.ts';
import type { Anchor, Layout } from './pools.ts';
import type { Random } from './random.ts';

export interface Session {
  number: number;
  day: Day;
  /** Minutes after midnight. */
  start: number;
  end: number;
  /** Unpublished sessions are still read at the next one (a gap in the archive, as real archives have). */
  published: boolean;
}

export interface SeriesPlan {
  holder?: Agency;
  /** As printed before the session: 臺北市政府, 臺北市政府資訊局. */
  organization: string;
  series: string;
  /** Numbered within the ROC year (`113 年第 12 次`), restarting each January. */
  yearly: boolean;
  layout: Layout;
  /** Case numbers `223-1` (dashed) or `10201`. */
  dashedCases: boolean;
  /** Sessions per chair (and recorder, and house style): people and habits change every few years. */
  term: number;
  /** sessions[0] is the meeting before the first one written: the first document reads its minutes. */
  sessions: Session[];
}

export interface ReportPlan {
  agency: Agency;
  year: number;
  half: 1 | 2;
}

/** About 40 series: the city's own and a varied set of agencies. */
const SERIES_TARGET = 40;
/** The newest meetings are from the second half of 2024, like the newest real minutes. */
const LAST_MONTH = { year: 2024, month: 12 };
const START_TIMES = [9 * 60, 9 * 60 + 30, 10 * 60, 10 * 60, 10 * 60, 14 * 60, 14 * 60, 14 * 60 + 30, 15 * 60];
/** Share of documents that are minutes; the rest are achievement reports. */
export const MINUTES_SHARE = 0.87;

/** The series (with their sessions) and the reports of a corpus of `count` documents. */
export function planCorpus(count: number, random: Random, book: AgencyBook, anchors: Anchor[], withReports: boolean) {
  const minutes = withReports ? Math.round(count * MINUTES_SHARE) : count;
  const series = chooseSeries(random, book, anchors);
  const weights = series.map((plan) => (plan.holder ? 0.75 + random.next() * 0.35 : 1));
  const quotas = apportion(minutes, weights);
  const planned = series.flatMap((plan, index) => (quotas[index] ? [schedule(plan, quotas[index]!, random, anchors)] : []));
  return { series: planned, reports: planReports(count - minutes, planned, random, book) };
}

type Draft = Omit<SeriesPlan, 'sessions'>;

function chooseSeries(random: Random, book: AgencyBook, anchors: Anchor[]): Draft[] {
  const city = [...new Map(anchors.filter((anchor) => !anchor.holder).map((anchor) => [anchor.series, anchor])).values()];
  const drafts: Draft[] = city.map((anchor) => ({
    organization: anchor.organization,
    series: anchor.series,
    yearly: anchor.yearly,
    layout: anchor.layout,
    dashedCases: true,
    term: random.int(24, 48),
  }));
  // First-level agencies hold the meetings; a few second-level 處 make up the number when needed.
  const firstLevel = random.shuffle(book.members.first);
  const extra = random.shuffle(book.members.second.filter((agency) => agency.kind === 'department'));
  const holders = [...firstLevel, ...extra].slice(0, Math.max(0, SERIES_TARGET - drafts.length));
  for (const holder of holders)
    drafts.push(
      agencySeries(
        holder,
        anchors.find((anchor) => anchor.holder === holder.slug),
        random,
      ),
    );
  return drafts;
}

function agencySeries(holder: Agency, anchor: Anchor | undefined, random: Random): Draft {
  const last = holder.short.at(-1)!;
  const own = /[局處會]/.test(last) ? `${last}務會議` : '主管會報';
  const series = anchor?.series ?? (random.chance(0.8) ? own : random.pick([own.replace('會議', '會報'), '主管會報']));
  const yearly = anchor?.yearly ?? random.chance(0.4);
  const layout = anchor?.layout ?? (random.chance(yearly ? 0.5 : 0.15) ? 'numbered' : 'office');
  return { holder, organization: holder.name, series, yearly, layout, dashedCases: yearly || random.chance(0.5), term: random.int(24, 48) };
}

/** Splits a total over weights in whole numbers (largest remainders), summing exactly to the total. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const whole = exact.map(Math.floor);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  const missing = total - whole.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) whole[order[k % order.length]!.index]!++;
  return whole;
}

/** Monthly sessions (now and then a month skipped) backwards from late 2024, numbered through the real ones. */
function schedule(draft: Draft, quota: number, random: Random, anchors: Anchor[]): SeriesPlan {
  const published: boolean[] = [];
  for (let written = 0; written < quota; ) {
    const shown = !published.length || random.next() > 0.02;
    published.push(shown);
    if (shown) written++;
  }
  const anchor = anchors.find((candidate) => candidate.organization === draft.organization && candidate.series === draft.series);
  const dayOfWeek = anchor ? weekday(anchor.day) : random.pick([1, 2, 2, 3, 3, 4, 4, 5]);
  const nth = anchor ? Math.ceil(anchor.day.day / 7) : random.int(1, 4);
  const start = random.pick(START_TIMES);
  let month = monthIndex(LAST_MONTH.year, LAST_MONTH.month) - random.int(0, 5);
  const months: number[] = [];
  for (let k = 0; k <= published.length; k++) {
    months.unshift(month);
    month -= random.chance(0.08) ? 2 : 1;
  }
  const days = months.map((index) => meetingDay(Math.floor(index / 12), (index % 12) + 1, dayOfWeek, nth, random));
  const numbers = draft.yearly ? yearlyNumbers(days) : runningNumbers(days, anchor, random);
  const sessions = days.map((day, k) => {
    const begins = random.chance(0.1) ? random.pick(START_TIMES) : start;
    return { number: numbers[k]!, day, start: begins, end: begins + random.int(55, 150), published: k > 0 && published[k - 1]! };
  });
  return { ...draft, sessions };
}

/** The series' usual day (the third Thursday, say), moved a day or two now and then for a holiday. */
function meetingDay(year: number, month: number, dayOfWeek: number, nth: number, random: Random): Day {
  const usual = nthWeekday(year, month, dayOfWeek, nth);
  if (!random.chance(0.15)) return usual;
  const moved = { ...usual, day: usual.day + random.pick([-2, -1, 1, 2]) };
  const ok = moved.day >= 1 && moved.day <= daysInMonth(year, month) && weekday(moved) % 6 !== 0;
  return ok ? moved : usual;
}

function runningNumbers(days: Day[], anchor: Anchor | undefined, random: Random): number[] {
  let first = random.int(1, 80);
  if (anchor) {
    // Pass through the real session: the session held in the anchor's month has the anchor's number.
    const target = monthIndex(anchor.day.year, anchor.day.month);
    const nearest = days.reduce(
      (best, day, k) => (Math.abs(monthIndex(day.year, day.month) - target) < Math.abs(monthIndex(days[best]!.year, days[best]!.month) - target) ? k : best),
      0,
    );
    first = Math.max(1, anchor.number - nearest + (monthIndex(days[nearest]!.year, days[nearest]!.month) - target));
  }
  return days.map((_, k) => first + k);
}

/** `113 年第 1 次` in January's meeting; a run starting mid-year counts the months it missed. */
function yearlyNumbers(days: Day[]): number[] {
  const numbers: number[] = [];
  days.forEach((day, k) => {
    const previous = days[k - 1];
    numbers.push(previous && previous.year === day.year ? numbers[k - 1]! + 1 : k === 0 ? day.month : 1);
  });
  return numbers;
}

/** Half-yearly reports of first-level agencies, spread over the years the minutes cover, newest first. */
function planReports(total: number, series: SeriesPlan[], random: Random, book: AgencyBook): ReportPlan[] {
  const agencies = book.members.first;
  if (!total || !agencies.length) return [];
  const earliest = Math.min(...series.map((plan) => monthIndex(plan.sessions[0]!.day.year, plan.sessions[0]!.day.month)), monthIndex(LAST_MONTH.year, 1));
  const span = Math.floor((monthIndex(LAST_MONTH.year, LAST_MONTH.month) - earliest) / 6) + 1;
  const halves = Math.max(span, Math.ceil(total / agencies.length));
  const reports: ReportPlan[] = [];
  for (let h = 0; h < halves; h++) {
    const take = Math.floor((total * (h + 1)) / halves) - Math.floor((total * h) / halves);
    const index = monthIndex(LAST_MONTH.year, 7) - h * 6;
    const year = Math.floor(index / 12);
    const half = index % 12 < 6 ? 1 : 2;
    for (const agency of random.sample(agencies, take)) reports.push({ agency, year, half });
  }
  return reports;
}

export const rocYear = (day: Day) => day.year - ROC_OFFSET;
