/**
 * The periods a report's sentences name for their figures, resolved to days: 本期 (the report's own
 * period), 109 年 1 月至 6 月, 108 年同期 (the same months of ROC year 108), 去年同期, 上期, 107 年基期,
 * 截至 109 年 6 月底止 (a stock as of a day), 上半年, 本年度. A period the text names but the calendar
 * cannot place (每年) keeps its words only.
 */
import { ROC_OFFSET, isoDate, toHalfWidth } from '../../../text/dates.ts';

export interface Period {
  /** As printed: 「本期」, 「108 年同期」. */
  text: string;
  /** First day, ISO. */
  start?: string;
  /** Last day, ISO (for 截至…止, the day of the stock). */
  end?: string;
}

/** A period printed in a text, at [start, end). */
export interface PeriodMention {
  period: Period;
  start: number;
  end: number;
  /** Another period than the one reported on: 108 年同期, 去年同期, 上期, 107 年基期. */
  other: boolean;
}

/** What periods in a document are relative to: a report's period, or a meeting's day. */
export interface PeriodContext {
  period?: { start: string; end: string };
  date?: string;
}

const monthStart = (year: number, month: number) => isoDate(year, month, 1);
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const year = (iso: string) => Number(iso.slice(0, 4));
const month = (iso: string) => Number(iso.slice(5, 7));
const reference = (context: PeriodContext) => context.period?.end ?? context.date;

function shiftYears(period: { start: string; end: string }, years: number): { start: string; end: string } {
  const shift = (iso: string) => `${year(iso) + years}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');
  return { start: shift(period.start), end: shift(period.end) };
}

/** The period of the same length just before: 上期 of 109 年 1-6 月 is 108 年 7-12 月. */
function previousPeriod(period: { start: string; end: string }): { start: string; end: string } {
  const months = (year(period.end) - year(period.start)) * 12 + month(period.end) - month(period.start) + 1;
  const startIndex = year(period.start) * 12 + month(period.start) - 1 - months;
  const endIndex = startIndex + months - 1;
  return {
    start: monthStart(Math.floor(startIndex / 12), (startIndex % 12) + 1)!,
    end: monthEnd(Math.floor(endIndex / 12), (endIndex % 12) + 1),
  };
}

type Reader = (match: RegExpExecArray, context: PeriodContext) => { period: Omit<Period, 'text'>; other: boolean } | undefined;

const ROC = (text: string | undefined) => (text ? Number(text) + ROC_OFFSET : undefined);

/** Period phrases, the longer forms first; each reads its dates from the match. */
const PATTERNS: [RegExp, Reader][] = [
  [
    // 109 年 1 月至 6 月, 109 年 1 月 1 日至 109 年 6 月 30 日止, 1-6 月
    /(?:自\s*)?(?:(?:民國)?(\d{2,3})\s*年(?:度)?\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(?:至|到|~|～|-)\s*(?:(\d{2,3})\s*年\s*)?(?:(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|(\d{1,2})\s*日)(?:\s*(?:止|為止))?/g,
    (match, context) => {
      const known = reference(context);
      const first = ROC(match[1]) ?? (known ? year(known) : undefined);
      if (!first) return undefined;
      const second = ROC(match[4]) ?? first;
      const start = isoDate(first, Number(match[2]), match[3] ? Number(match[3]) : 1);
      // 1 月 12 日至 22 日: the second day is in the first month.
      const endMonth = match[5] ? Number(match[5]) : Number(match[2]);
      const endDay = match[6] ?? match[7];
      const end = endDay ? isoDate(second, endMonth, Number(endDay)) : monthEnd(second, endMonth);
      return start && end ? { period: { start, end }, other: false } : undefined;
    },
  ],
  [
    // 107 年至 108 年, 109 年-112 年
    /(\d{2,3})\s*年(?:度)?\s*(?:至|到|~|～|-)\s*(\d{2,3})\s*年(?:度)?(?!\s*\d{1,2}\s*月)/g,
    (match) => ({ period: { start: `${ROC(match[1])}-01-01`, end: `${ROC(match[2])}-12-31` }, other: false }),
  ],
  [
    // 截至 109 年 6 月底止, 截至 111 年 8 月 31 日, 109 年 6 月底
    /(?:截至\s*|(?=\d{2,3}\s*年\s*\d{1,2}\s*月底))(?:(\d{2,3})\s*年\s*)?(\d{1,2})\s*月\s*(底|\d{1,2}\s*日)?(?:\s*(?:止|為止))?/g,
    (match, context) => {
      const known = reference(context);
      const at = ROC(match[1]) ?? (known ? year(known) : undefined);
      if (!at) return undefined;
      const end = match[3] && match[3] !== '底' ? isoDate(at, Number(match[2]), Number.parseInt(match[3], 10)) : monthEnd(at, Number(match[2]));
      return end ? { period: { end }, other: false } : undefined;
    },
  ],
  [
    // 109 年度上半年, 上半年, 第 1 季
    /(?:(\d{2,3})\s*年(?:度)?\s*)?(上半年|下半年|第\s*([1-4一二三四])\s*季)/g,
    (match, context) => {
      const known = reference(context);
      const at = ROC(match[1]) ?? (known ? year(known) : undefined);
      if (!at) return undefined;
      const quarter = match[3] ? ' 一二三四'.indexOf(match[3]) || Number(match[3]) : 0;
      const [from, to] = quarter ? [quarter * 3 - 2, quarter * 3] : match[2] === '上半年' ? [1, 6] : [7, 12];
      return { period: { start: monthStart(at, from)!, end: monthEnd(at, to) }, other: false };
    },
  ],
  [
    // 108 年同期, 107 年基期, 108 年 (a whole year; not 108 年 12 月 24 日, a day)
    /(?:民國)?(\d{2,3})\s*年(度)?\s*(同期|基期)?(?!\s*\d{1,2}\s*月)(?![底初起止以前後])/g,
    (match, context) => {
      const at = ROC(match[1])!;
      if (match[3] === '同期' && context.period) {
        const shifted = shiftYears(context.period, at - year(context.period.end));
        return { period: shifted, other: true };
      }
      return { period: { start: `${at}-01-01`, end: `${at}-12-31` }, other: match[3] === '基期' };
    },
  ],
  [
    /(去年|上年度?|前一年)(同期)?/g,
    (match, context) => {
      if (match[2] && context.period) return { period: shiftYears(context.period, -1), other: true };
      const known = reference(context);
      return known ? { period: { start: `${year(known) - 1}-01-01`, end: `${year(known) - 1}-12-31` }, other: true } : undefined;
    },
  ],
  [/上期|前期/g, (_match, context) => (context.period ? { period: previousPeriod(context.period), other: true } : undefined)],
  [/本期/g, (_match, context) => (context.period ? { period: { ...context.period }, other: false } : { period: {}, other: false })],
  [
    /本年度|本年|今年/g,
    (_match, context) => {
      const known = reference(context);
      return known ? { period: { start: `${year(known)}-01-01`, end: `${year(known)}-12-31` }, other: false } : { period: {}, other: false };
    },
  ],
  [/每年|每月|每週|每日|全年/g, () => ({ period: {}, other: false })],
];

/** Every period the text names, in order, none overlapping another. */
export function findPeriods(text: string, context: PeriodContext): PeriodMention[] {
  const half = toHalfWidth(text);
  const mentions: PeriodMention[] = [];
  const taken = (start: number, end: number) => mentions.some((mention) => start < mention.end && mention.start < end);
  for (const [pattern, read] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(half); match; match = pattern.exec(half)) {
      const start = match.index;
      const end = start + match[0].trimEnd().length;
      if (taken(start, end)) continue;
      const found = read(match, context);
      if (found) mentions.push({ period: { text: text.slice(start, end), ...found.period }, start, end, other: found.other });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
