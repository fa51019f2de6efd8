/**
 * Header fields of a document: `時間：民國110年7月22日10時0分`, `主席：陳志銘秘書長 紀錄：戴彙芬`
 * (two fields on one line), `一、 時間：…` (numbered, as in 局務會議), `四、 出席人員（如簽到表）`,
 * and the web layout of 市政會議 where a label stands alone and its value is on the next line.
 */
import type { HeaderField, Person } from '../../model/types.ts';
import { HEADER_FIELDS, ROLES, readLabel } from '../labels.ts';

/**
 * What a header field says, with every name documents print it under: a new spelling is a new name
 * here. Where one name serves two meanings (開會日期 holds the date, and sometimes the time too), it
 * is listed under both.
 */
export const HEADER_NAMES = {
  organization: ['發文機關'],
  when: ['時間', '開會時間', '會議時間', '開會日期', '日期'],
  date: ['開會日期', '日期'],
  time: ['開會時間', '會議時間'],
  location: ['地點', '開會地點', '會議地點'],
  chair: ['主席', '主持人'],
  recorder: ['紀錄', '記錄'],
  attendees: ['出席', '出席人員', '出席者'],
  observers: ['列席', '列席人員', '列席者'],
  dataCutoff: ['資料截止日期'],
  published: ['資料公告日期'],
  contactName: ['專責人員', '聯絡人'],
  contactTitle: ['職稱'],
  contactPhone: ['電話', '聯絡電話'],
  contactEmail: ['E-mail', 'Email', '電子郵件'],
} as const satisfies Record<string, readonly string[]>;

export type HeaderMeaning = keyof typeof HEADER_NAMES;

/** The first header field that says `meaning`. */
export function headerField(header: HeaderField[], meaning: HeaderMeaning): HeaderField | undefined {
  const names: readonly string[] = HEADER_NAMES[meaning];
  return header.find((entry) => names.includes(entry.label));
}

const FIELD_NAMES = [...HEADER_FIELDS].sort((a, b) => b.length - a.length).map((name) => name.replace(/-/g, '\\-'));
/** A field name followed by a colon, or (for attendance) by a bracketed value. */
const FIELD = new RegExp(`(?:^|\\s)(${FIELD_NAMES.join('|')})\\s*(?:[：:]|(?=[（(]))`, 'g');
const BARE_FIELD = new RegExp(`^(${FIELD_NAMES.join('|')})\\s*[：:]?$`);

/** Splits a line into the header fields it holds; an empty array when it holds none. */
export function readHeaderLine(text: string, line: number): HeaderField[] {
  const label = readLabel(text);
  const body = (label && label.kind !== 'bullet' ? text.slice(label.text.length) : text).trim();
  const starts = [...body.matchAll(FIELD)];
  if (!starts.length || starts[0]!.index !== 0) return [];
  const prefix = text.slice(0, text.length - body.length);
  return starts.map((match, index) => {
    const valueStart = match.index + match[0].length;
    const valueEnd = starts[index + 1]?.index ?? body.length;
    let value = body.slice(valueStart, valueEnd).trim();
    const bracketed = /^[（(](.*)[）)]$/.exec(value);
    if (bracketed && !match[0].trimEnd().endsWith('：') && !match[0].trimEnd().endsWith(':')) value = bracketed[1]!.trim();
    const printed = body.slice(match.index, valueEnd).trim();
    return { label: match[1]!, value, text: index === 0 ? `${prefix}${printed}` : printed, line };
  });
}

/** A line that is only a field name (`開會日期`), its value on the next line. */
export function readBareField(text: string): string | undefined {
  const label = readLabel(text);
  const body = (label && label.kind !== 'bullet' ? text.slice(label.text.length) : text).trim();
  return BARE_FIELD.exec(body)?.[1];
}

const ROLE_PATTERN = new RegExp(`(${[...ROLES].sort((a, b) => b.length - a.length).join('|')})`);

/**
 * `陳志銘秘書長` → 陳志銘 / 秘書長; `柯市長文哲` → 柯文哲 / 市長; `陳志銘` → name only.
 * The whole value is kept in `text`.
 */
export function readPerson(text: string): Person {
  const value = text.trim();
  // `陳志銘 秘書長` and `陳志銘秘書長` are the same person; a second name after a comma is not read.
  const core = (value.split(/[，,、;；]/)[0] ?? value).replace(/\s+/g, '');
  const suffix = new RegExp(`^(.{2,4}?)${ROLE_PATTERN.source}$`).exec(core);
  if (suffix) return { name: suffix[1]!, title: suffix[2]!, text: value };
  const prefix = new RegExp(`^${ROLE_PATTERN.source}(.{2,4})$`).exec(core);
  if (prefix) return { name: prefix[2]!, title: prefix[1]!, text: value };
  const infix = new RegExp(`^(.)${ROLE_PATTERN.source}(.{1,2})$`).exec(core);
  if (infix) return { name: infix[1]! + infix[3]!, title: infix[2]!, text: value };
  return { name: core, text: value };
}
