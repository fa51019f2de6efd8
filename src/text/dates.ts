/**
 * Dates and times as the city prints them: ROC years (民國110年 = 2021), 上午/下午, full-width or
 * half-width digits, spaces or none (`110 年 8 月 19 日`, `110年7月22日`), and the ISO form of the
 * city's web pages (`2020-12-22 09:00:00`).
 */

/** The ROC calendar starts in 1912: ROC year 1 = AD 1912. */
export const ROC_OFFSET = 1911;

/** Full-width digits and letters to ASCII, so `１１０` reads as 110. Used for reading, never for display. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `rocToIso(110, 7, 22)` → `2021-07-22`; undefined for an impossible date. */
export function rocToIso(rocYear: number, month: number, day: number): string | undefined {
  return isoDate(rocYear + ROC_OFFSET, month, day);
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export interface FoundDate {
  iso: string;
  /** As printed, e.g. `民國110年7月22日`. */
  text: string;
  /** Index just after the date in the searched text. */
  end: number;
}

const ROC_DATE = /(?:民國|中華民國)?\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ISO_DATE = /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})/;

/** Finds the first date (ROC or ISO form) in a text. */
export function findDate(text: string): FoundDate | undefined {
  const half = toHalfWidth(text);
  const roc = ROC_DATE.exec(half);
  const iso = ISO_DATE.exec(half);
  if (roc && (!iso || roc.index <= iso.index)) {
    const value = rocToIso(Number(roc[1]), Number(roc[2]), Number(roc[3]));
    if (value) return { iso: value, text: text.slice(roc.index, roc.index + roc[0].length).trim(), end: roc.index + roc[0].length };
  }
  if (iso) {
    const value = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (value) return { iso: value, text: text.slice(iso.index, iso.index + iso[0].length), end: iso.index + iso[0].length };
  }
  return undefined;
}

/** A date as printed that names no real day (`民國110年13月40日`), so the reader can be told which. */
export function findImpossibleDate(text: string): string | undefined {
  if (findDate(text)) return undefined;
  const half = toHalfWidth(text);
  const match = ROC_DATE.exec(half) ?? ISO_DATE.exec(half);
  return match ? text.slice(match.index, match.index + match[0].length).trim() : undefined;
}

const MERIDIEM: Record<string, number> = { 上午: 0, 早上: 0, 中午: 12, 下午: 12, 晚上: 12, 傍晚: 12 };

/**
 * Finds the first time of day: `10時0分`, `下午 2 時`, `上午 11 時 36 分`, `11:44`, `09:00:00`.
 * Returns `HH:MM` in 24-hour form.
 */
export function findTime(text: string): string | undefined {
  const half = toHalfWidth(text);
  const cjk = /(上午|早上|中午|下午|晚上|傍晚)?\s*(\d{1,2})\s*[時点點]\s*(?:(\d{1,2})\s*分|(半))?/.exec(half);
  const colon = /(上午|早上|中午|下午|晚上|傍晚)?\s*(?<![\d-])(\d{1,2}):(\d{2})(?::\d{2})?/.exec(half);
  const match = cjk && (!colon || cjk.index <= colon.index) ? cjk : colon;
  if (!match) return undefined;
  let hour = Number(match[2]);
  const minute = match[4] ? 30 : Number(match[3] ?? 0);
  const meridiem = match[1];
  if (meridiem && hour < 12) hour += MERIDIEM[meridiem] ?? 0;
  if (meridiem === '中午' && hour === 24) hour = 12;
  if (hour > 23 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * An end time printed without 上午/下午 (`散會（1時30分）`) that falls before the start is in the afternoon.
 */
export function afterStart(end: string, start: string | undefined, explicitMeridiem: boolean): string {
  if (!start || explicitMeridiem || end >= start) return end;
  const hour = Number(end.slice(0, 2)) + 12;
  return hour <= 23 ? `${pad(hour)}${end.slice(2)}` : end;
}
