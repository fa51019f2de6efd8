/**
 * Header fields of a document: `時間：民國110年7月22日10時0分`, `主席：陳志銘秘書長 紀錄：戴彙芬`
 * (two fields on one line), `一、 時間：…` (numbered, as in 局務會議), `四、 出席人員（如簽到表）`,
 * and the web layout of 市政會議 where a label stands alone and its value is on the next line.
 */
import type { HeaderField, Person } from '../../model/types.ts';
import { HEADER_FIELDS, ROLES, readLabel } from '../labels.ts';

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
