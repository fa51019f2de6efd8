/**
 * The title line names the document: who held the meeting, which series, which session
 * (`臺北市政府第210次主任秘書會報紀錄`, `臺北市政府資訊局113年第12次局務會議紀錄`), or which agency
 * reports on which period (`臺北市政府秘書處 109 年 1-6 月施政成果報告`).
 */
import type { DocumentKind, Session } from '../../model/types.ts';
import { ROC_OFFSET, isoDate, toHalfWidth } from '../../text/dates.ts';
import { cjkNumber } from '../labels.ts';

export interface TitleInfo {
  kind: DocumentKind;
  organization: string;
  series: string;
  session?: Session;
  period?: { start: string; end: string };
}

const SESSION_NUMBER = String.raw`(\d+|[〇零一二三四五六七八九十百]+)`;
const MINUTES_TITLE = new RegExp(
  String.raw`^(?<org>.*?)\s*(?:(?<year>\d{2,3})\s*年(?:度)?\s*)?第\s*${SESSION_NUMBER}\s*次\s*(?<series>.+?(?:會議|會報|會|座談|審查|工作坊|論壇))\s*(?:紀錄|記錄)?$`,
);
const REPORT_TITLE =
  /^(?<org>.*?)\s*(?<year>\d{2,3})\s*年(?:度)?\s*(?:(?<m1>\d{1,2})\s*(?:月)?\s*[-－~～至到]\s*(?<m2>\d{1,2})\s*月|(?<half>上半年|下半年))?\s*(?:份|度)?\s*(?<series>\S*?(?:施政成果報告|施政報告|工作報告|成果報告|業務報告))$/;

/** Reads a title line; undefined when it is not the title of a minutes or report document. */
export function readTitle(line: string): TitleInfo | undefined {
  const text = toHalfWidth(line).replace(/\s+/g, ' ').trim();
  const report = REPORT_TITLE.exec(text)?.groups;
  if (report) {
    const year = Number(report.year) + ROC_OFFSET;
    let [m1, m2] = [Number(report.m1 ?? 1), Number(report.m2 ?? 12)];
    if (report.half === '上半年') [m1, m2] = [1, 6];
    if (report.half === '下半年') [m1, m2] = [7, 12];
    const start = isoDate(year, m1, 1);
    const end = isoDate(year, m2, new Date(Date.UTC(year, m2, 0)).getUTCDate());
    return {
      kind: 'report',
      organization: organizationOf(report.org ?? ''),
      series: report.series ?? '施政成果報告',
      ...(start && end ? { period: { start, end } } : {}),
    };
  }
  const minutes = MINUTES_TITLE.exec(text);
  if (minutes?.groups) {
    const raw = minutes[3]!;
    const number = /^\d+$/.test(raw) ? Number(raw) : cjkNumber(raw);
    if (number === undefined) return undefined;
    const year = minutes.groups.year ? Number(minutes.groups.year) + ROC_OFFSET : undefined;
    const sessionText = /(?:\d{2,3}\s*年(?:度)?\s*)?第\s*\S+?\s*次/.exec(line)?.[0] ?? `第${raw}次`;
    return {
      kind: 'minutes',
      organization: organizationOf(minutes.groups.org ?? ''),
      series: minutes.groups.series!,
      session: { number, ...(year ? { year } : {}), label: sessionText.trim() },
    };
  }
  return undefined;
}

/** A title without a holder (`第103次處務會議紀錄`) was still held by the city government. */
function organizationOf(text: string): string {
  const org = text.trim();
  return org || '臺北市政府';
}
