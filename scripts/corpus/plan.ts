/**
 * Which documents the corpus holds: meeting series (the city's 主任秘书會報 and the 局務會議,
 * 處務會議 or 主管會報 of agencies), each a contiguous run of monthly sessions ending in late 2024,
 * and the half-yearly 施政成果報告 of agencies over the same years. Up to ~10,000 documents there
 * are about 40 series, so 10,000 documents span about 20 years and 1,000 about two; past that the
 * archive grows sideways, not back in time: more series per agency (廉政會報, 業務會報, 資訊安全會報 …,
 * second-level units and district offices too), each still ~20 years of monthly sessions, and
 * reports from second-level units as well, at most ~22 years of them (the rest of the count is
 * minutes). So 100,000 documents are ~450 series over the same years, with real dates and numbers,
 * and every document's identity (holder, series, session or half-year) is its own.
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

/** At least 40 series: the city's own and a varied set of agencies. */
const SERIES_TARGET = 40;
/** Sessions a series writes on average at most (~20 years, monthly): a larger count makes more series. */
const SESSIONS_PER_SERIES = 220;
/** Half-years of reports at most (22 years): past that, second-level units report too, then the rest is minutes. */
const MAX_HALVES = 44;
/**
 * Further meeting series an agency holds besides its own 局務會議 or 主管會報, as Taipei's agencies
 * publish them; drawn from only when the count needs more series than there are agencies.
 */
const FURTHER_SERIES = [
  '業務會報',
  '擴大主管會報',
  '廉政會報',
  '資訊安全會報',
  '性別平等專案小組會議',
  '職業安全衛生委員會會議',
  '考績委員會會議',
  '甄審委員會會議',
  '法規委員會會議',
  '工作會報',
  '內部控制專案小組會議',
  '檔案管理會報',
  '環境教育推動小組會議',
  '人權工作小組會議',
  '公共工程督導會報',
  '預算執行檢討會議',
  '為民服務工作檢討會議',
  '研考會報',
  '勞資會議',
  '職工福利委員會會議',
];
/** The newest meetings are from the second half of 2024, like the newest real minutes. */
const LAST_MONTH = { year: 2024, month: 12 };
const START_TIMES = [9 * 60, 9 * 60 + 30, 10 * 60, 10 * 60, 10 * 60, 14 * 60, 14 * 60, 14 * 60 + 30, 15 * 60];
/** Share of documents that are minutes; the rest are achievement reports. */
export const MINUTES_SHARE = 0.87;

/** The series (with their sessions) and the reports of a corpus of `count` documents. */
export function planCorpus(count: number, random: Random, book: AgencyBook, anchors: Anchor[], withReports: boolean) {
  const wanted = withReports ? count - Math.round(count * MINUTES_SHARE) : 0;
  const reporters = wanted <= book.members.first.length * MAX_HALVES ? book.members.first : [...book.members.first, ...book.members.second];
  const reports = Math.min(wanted, reporters.length * MAX_HALVES);
  const minutes = count - reports;
  const series = chooseSeries(random, book, anchors, Math.max(SERIES_TARGET, Math.ceil(minutes / SESSIONS_PER_SERIES)));
  const weights = series.map((plan) => (plan.holder ? 0.75 + random.next() * 0.35 : 1));
  const quotas = apportion(minutes, weights);
  const planned = series.flatMap((plan, index) => (quotas[index] ? [schedule(plan, quotas[index]!, random, anchors)] : []));
  return { series: planned, reports: planReports(reports, planned, random, reporters) };
}

type Draft = Omit<SeriesPlan, 'sessions'>;

function chooseSeries(random: Random, book: AgencyBook, anchors: Anchor[], target: number): Draft[] {
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
  const holders = [...firstLevel, ...extra].slice(0, Math.max(0, target - drafts.length));
  for (const holder of holders)
    drafts.push(
      agencySeries(
        holder,
        anchors.find((anchor) => anchor.holder === holder.slug),
        random,
      ),
    );
  if (drafts.length < target) addFurtherSeries(drafts, target, random, book, [...firstLevel, ...extra]);
  return drafts;
}

/**
 * More series than agencies: the other second-level units and the district offices hold their own
 * meetings, then every holder a further series of {@link FURTHER_SERIES} in turn, until `target`.
 */
function addFurtherSeries(drafts: Draft[], target: number, random: Random, book: AgencyBook, holding: Agency[]): void {
  const held = new Set(holding.map((agency) => agency.slug));
  const others = random.shuffle([...book.members.second, ...book.members.district].filter((agency) => !held.has(agency.slug)));
  for (const holder of others.slice(0, target - drafts.length)) {
    const own = agencySeries(holder, undefined, random);
    drafts.push(holder.kind === 'district' ? { ...own, series: '區務會議' } : own);
  }
  const holders = [...holding, ...others];
  const names = random.shuffle(FURTHER_SERIES);
  for (let round = 0; drafts.length < target && round < names.length; round++)
    for (const [k, holder] of holders.entries()) {
      if (drafts.length >= target) break;
      // Each holder walks the names from its own place, so the agencies do not all hold the same few.
      const series = names[(k + round) % names.length]!;
      if (drafts.some((draft) => draft.holder === holder && draft.series === series)) continue;
      drafts.push({ ...agencySeries(holder, undefined, random), series });
    }
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

/** Half-yearly reports of the `agencies` (first-level ones, up to a large count), spread over the years the minutes cover, newest first. */
function planReports(total: number, series: SeriesPlan[], random: Random, agencies: Agency[]): ReportPlan[] {
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
