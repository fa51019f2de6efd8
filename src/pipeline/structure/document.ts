/**
 * Stage 4, structure: the document's lines → title, header fields and item tree.
 *
 * Problems go on the vfile as messages with the source line, so the lenient build can still publish
 * the text and `npm run check` can name the line to fix.
 */
import type { VFile } from 'vfile';
import type { ArchiveDocument, HeaderField, PublishedFile } from '../../model/types.ts';
import type { Block } from '../blocks.ts';
import { afterStart, findDate, findImpossibleDate, findTime } from '../../text/dates.ts';
import { fingerprint } from '../fingerprint.ts';
import { isSectionName, readLabel } from '../labels.ts';
import { readBareField, readHeaderLine, readPerson } from './header.ts';
import { buildOutline } from './outline.ts';
import { type TitleInfo, readTitle } from './title.ts';

/**
 * The document as structure reads it: ids, anchors, agencies, cases and topics come in the enrich
 * stage, and with the id the URL the source file is published at.
 */
export type StructuredDocument = Omit<ArchiveDocument, 'id' | 'url' | 'seriesSlug' | 'file'> & { file: PublishedFile };

const ATTENDANCE = /^(?:出席|列席|請假)/;

/** Splits the leading lines into title and header fields; returns where the body starts. */
function readHead(blocks: Block[], file: VFile) {
  let title: { text: string; info: TitleInfo; line: number } | undefined;
  const header: HeaderField[] = [];
  let pending: { label: string; text: string } | undefined;
  let index = 0;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    const text = block.text.trim();
    if (!title && index < 6) {
      const info = readTitle(text);
      if (info) {
        title = { text, info, line: block.line };
        continue;
      }
    }
    if (pending) {
      header.push({ label: pending.label, value: text, text: `${pending.text}\n${text}`, line: block.line });
      pending = undefined;
      continue;
    }
    const fields = readHeaderLine(text, block.line);
    if (fields.length) {
      header.push(...fields);
      continue;
    }
    const bare = readBareField(text);
    if (bare) {
      pending = { label: bare, text };
      continue;
    }
    // A name list running on below 出席/列席 (web layout) belongs to that field.
    const last = header.at(-1);
    if (last && ATTENDANCE.test(last.label) && !readLabel(text) && !/[。：:]/.test(text) && !block.heading && !isSectionName(text)) {
      last.value = `${last.value}\n${text}`;
      last.text = `${last.text}\n${text}`;
      continue;
    }
    if (!title && index === 0 && !readLabel(text)) {
      // An unrecognised first line is still the title; the message says what was expected.
      file.message(
        `expected a title such as 臺北市政府第210次主任秘書會報紀錄 or 臺北市政府秘書處 109 年 1-6 月施政成果報告, found “${text.slice(0, 40)}”`,
        { place: { line: block.line, column: block.column }, ruleId: 'title', source: 'minutes-archive' },
      );
      title = { text, info: { kind: 'minutes', organization: '', series: UNCLASSIFIED }, line: block.line };
      continue;
    }
    break;
  }
  if (pending) file.message(`header field ${pending.label} has no value on the next line`, { ruleId: 'header', source: 'minutes-archive' });
  return { title, header, bodyStart: index };
}

/** The series of a document whose title names none: it is published, and listed apart. */
export const UNCLASSIFIED = '未分類文件';

const field = (header: HeaderField[], ...names: string[]) => header.find((entry) => names.includes(entry.label));

/** Builds the document model from its lines. */
export function structureDocument(blocks: Block[], file: VFile, source: string): StructuredDocument {
  const { title, header, bodyStart } = readHead(blocks, file);
  const outline = buildOutline(blocks.slice(bodyStart));
  const info = title?.info;
  if (!title) {
    file.message('expected a title line naming the meeting or report, found none', {
      place: { line: 1, column: 1 },
      ruleId: 'title',
      source: 'minutes-archive',
    });
  }
  const org = field(header, '發文機關')?.value;
  const document: StructuredDocument = {
    kind: info?.kind ?? 'minutes',
    title: title?.text.replace(/^#+\s*/, '') ?? '',
    source,
    // A file made from a string rather than read from bytes (tests, tools) counts as its UTF-8.
    file: file.data.published ?? fingerprint(new TextEncoder().encode(String(file.value)), source, 'utf-8'),
    organization: info?.organization || org || '',
    series: info?.series || UNCLASSIFIED,
    ...(info?.session ? { session: info.session } : {}),
    header,
    items: outline.items,
    warnings: [],
  };
  if (outline.intro.length) document.intro = outline.intro.join('\n');
  if (outline.adjournment) document.adjournment = outline.adjournment.text;

  const when = field(header, '時間', '開會時間', '會議時間', '開會日期', '日期');
  if (when) {
    const date = findDate(when.value) ?? findDate(field(header, '開會日期', '日期')?.value ?? '');
    if (date) {
      document.date = date.iso;
      if (/年/.test(date.text)) document.rocDate = date.text;
    }
    // The time follows the date (`民國110年7月22日10時0分`), or has a field of its own (開會時間).
    const afterDate = date && when.value.includes(date.text) ? when.value.slice(when.value.indexOf(date.text) + date.text.length) : when.value;
    const time = findTime(afterDate) ?? findTime(field(header, '開會時間', '會議時間')?.value ?? '');
    if (time) document.startTime = time;
  }
  if (outline.adjournment) {
    const end = findTime(outline.adjournment.text);
    if (end) document.endTime = afterStart(end, document.startTime, /上午|下午|中午|晚上|早上|傍晚/.test(outline.adjournment.text));
  }
  const location = field(header, '地點', '開會地點', '會議地點');
  if (location) document.location = location.value;
  const chair = field(header, '主席', '主持人');
  if (chair?.value) document.chair = readPerson(chair.value);
  const recorder = field(header, '紀錄', '記錄');
  if (recorder) document.recorder = recorder.value;
  const attendees = field(header, '出席', '出席人員', '出席者');
  if (attendees) document.attendees = attendees.value;
  const observers = field(header, '列席', '列席人員', '列席者');
  if (observers) document.observers = observers.value;

  if (document.kind === 'report') {
    if (info?.period) document.period = info.period;
    const cutoff = findDate(field(header, '資料截止日期')?.value ?? '');
    if (cutoff) document.dataCutoff = cutoff.iso;
    const published = findDate(field(header, '資料公告日期')?.value ?? '');
    if (published) document.published = published.iso;
    const contact = {
      name: field(header, '專責人員', '聯絡人')?.value,
      title: field(header, '職稱')?.value,
      phone: field(header, '電話', '聯絡電話')?.value,
      email: field(header, 'E-mail', 'Email', '電子郵件')?.value,
    };
    const present = Object.fromEntries(Object.entries(contact).filter(([, value]) => value));
    if (Object.keys(present).length) document.contact = present;
    document.date = document.period?.end ?? document.published;
  }

  if (document.kind === 'minutes') {
    const impossible = when && findImpossibleDate(when.value);
    if (!document.date && impossible) {
      file.message(`the date ${impossible} in ${when.label} does not exist: expected a real day such as 民國110年7月22日 (published without a date)`, {
        place: { line: when.line, column: 1 },
        ruleId: 'date',
        source: 'minutes-archive',
      });
    } else if (!document.date) {
      file.message('expected the meeting date in a 時間 or 開會日期 field (e.g. 時間：民國110年7月22日10時0分)', {
        place: { line: when?.line ?? title?.line ?? 1, column: 1 },
        ruleId: 'date',
        source: 'minutes-archive',
      });
    }
    if (!document.items.length) {
      file.message('expected numbered items (壹、 一、 (一) …) after the header, found none', {
        place: { line: blocks[bodyStart]?.line ?? 1, column: 1 },
        ruleId: 'items',
        source: 'minutes-archive',
      });
    }
  }
  return document;
}

