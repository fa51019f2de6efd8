/**
 * Days, months and numerals as the city prints them: ROC years (民國 113 = 2024), CJK item numbers
 * (二十三), formal section numbers (壹貳參).
 */
import { ROC_OFFSET } from '../../src/text/dates.ts';

export { ROC_OFFSET };

/** A calendar day, AD year. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: Day) => new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();

/** Months since year 0, so month arithmetic is plain subtraction. */
export const monthIndex = (year: number, month: number) => year * 12 + month - 1;

/** Moves a day by whole months; the last day of a month stays the last day (月底 stays 月底). */
export function addMonths(day: Day, months: number): Day {
  const index = monthIndex(day.year, day.month) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const wasLast = day.day === daysInMonth(day.year, day.month);
  return { year, month, day: wasLast ? last : Math.min(day.day, last) };
}

/** The `nth` (1-based) given weekday of a month, or the last one when the month has fewer. */
export function nthWeekday(year: number, month: number, dayOfWeek: number, nth: number): Day {
  const first = weekday({ year, month, day: 1 });
  let day = 1 + ((dayOfWeek - first + 7) % 7) + (nth - 1) * 7;
  while (day > daysInMonth(year, month)) day -= 7;
  return { year, month, day };
}

const CJK_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 23 → 二十三 (item numbers stay below 100). */
export function cjkNumeral(n: number): string {
  if (n < 10) return CJK_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CJK_DIGITS[tens] : ''}十${ones ? CJK_DIGITS[ones] : ''}`;
}

const FORMAL = '壹貳參肆伍陸柒捌玖拾';

/** Section numbers: 1 → 壹, 3 → 參. */
export const formalNumeral = (n: number) => FORMAL[n - 1] ?? String(n);
