/**
 * Dates as citizens read them, the same on every page, card, list and feed: the ROC year first, as
 * the city prints it, with the AD year beside it: `民國110年（2021年）7月22日`.
 */
import { ROC_OFFSET } from './dates.ts';

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** `2021-07-22` → `民國110年（2021年）7月22日`; `日期不詳` without a date. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '日期不詳';
  const [year, month, day] = parts(iso);
  return `民國${year - ROC_OFFSET}年（${year}年）${month}月${day}日`;
}

/** `2020-01-01`, `2020-06-30` → `民國109年（2020年）1月1日至6月30日`: the year once when both dates share it. */
export function formatDateSpan(start: string | undefined, end: string | undefined): string {
  if (!start || !end || start === end) return formatDate(start ?? end);
  const [_year, month, day] = parts(end);
  return start.slice(0, 4) === end.slice(0, 4) ? `${formatDate(start)}至${month}月${day}日` : `${formatDate(start)}至${formatDate(end)}`;
}

/** `2021-07-22` → `2021年7月22日`: the AD date alone, beside a date printed in ROC years. */
export function formatAdDate(iso: string | undefined): string {
  if (!iso) return '';
  const [year, month, day] = parts(iso);
  return `${year}年${month}月${day}日`;
}

/** `2021-07-22` → `民國110年7月22日` */
export function formatRocDate(iso: string | undefined): string {
  if (!iso) return '';
  const [year, month, day] = parts(iso);
  return `民國${year - ROC_OFFSET}年${month}月${day}日`;
}

/** `10:00`–`11:36` → `10:00–11:36` */
export function formatTimeSpan(start?: string, end?: string): string {
  if (start && end) return `${start}–${end}`;
  return start ?? end ?? '';
}

/** The year of a document, for year pages; `undated` when it has no date. */
export const yearOf = (iso: string | undefined) => (iso ? iso.slice(0, 4) : 'undated');

/** How many of the dates fall in each year, oldest year first (`undated` last, when asked for). */
export function countByYear(dates: Array<string | undefined>, options: { undated?: boolean } = {}): Array<[string, number]> {
  const years = new Map<string, number>();
  for (const date of dates) if (date || options.undated) years.set(yearOf(date), (years.get(yearOf(date)) ?? 0) + 1);
  return [...years].sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a.localeCompare(b)));
}

/** The Chinese word for a case action. */
export const ACTION_LABEL = { released: '解除列管', continued: '賡續列管', merged: '併案', opened: '新增列管', mentioned: '提及' } as const;

/** What goes between a label and its text: a space after brackets and dots (`(一) 列管編號…`), none after `、`. */
export const labelGap = (label: string) => (label && /[)）.]$/.test(label) ? ' ' : '');

/** A label and its text as one line: `(一) 列管編號…`, `一、主任秘書會報…` (a space only after brackets and dots). */
export const withLabel = (label: string, text: string) => `${label}${labelGap(label)}${text}`;
