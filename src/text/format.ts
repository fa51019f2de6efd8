/** Dates as citizens read them: `2021年7月22日（民國110年7月22日）`. */
import { ROC_OFFSET } from './dates.ts';

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** `2021-07-22` → `2021年7月22日` */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '日期不詳';
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
export const ACTION_LABEL = { released: '解除列管', continued: '賡續列管', merged: '併案', opened: '新增列管' } as const;

/** A label and its text as one line: `(一) 列管編號…`, `一、主任秘書會報…` (a space only after brackets and dots). */
export const withLabel = (label: string, text: string) => (label && /[)）.]$/.test(label) ? `${label} ${text}` : `${label}${text}`);
