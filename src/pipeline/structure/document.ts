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
import { type HeaderMeaning, headerField, readBareField, readHeaderLine, readPerson } from './header.ts';
import { buildOutline } from './outline.ts';
import { splitReportTitles } from './report-titles.ts';
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
      file.message(`expected a title such as 臺北市政府第210次主任秘書會報紀錄 or 臺北市政府秘書處 109 年 1-6 月施政成果報告, found “${text.slice(0, 40)}”`, {
        place: { line: block.line, column: block.column },
        ruleId: 'title',
        source: 'minutes-archive',
      });
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

/** Header fields copied into the model as printed. */
const TEXT_FIELDS = [
  ['location', 'location'],
  ['recorder', 'recorder'],
  ['attendees', 'attendees'],
  ['observers', 'observers'],
] as const satisfies ReadonlyArray<readonly [keyof StructuredDocument, HeaderMeaning]>;

const message = (file: VFile, reason: string, line: number, ruleId: string) =>
  file.message(reason, { place: { line, column: 1 }, ruleId, source: 'minutes-archive' });

/** Date, ROC date, start and end time: from the 時間 field (or 開會日期 and 開會時間) and the closing line. */
function readWhen(document: StructuredDocument, header: HeaderField[], adjournment: string | undefined): HeaderField | undefined {
  const when = headerField(header, 'when');
  if (when) {
    const date = findDate(when.value) ?? findDate(headerField(header, 'date')?.value ?? '');
    if (date) {
      document.date = date.iso;
      if (/年/.test(date.text)) document.rocDate = date.text;
    }
    // The time follows the date (`民國110年7月22日10時0分`), or has a field of its own (開會時間).
    const afterDate = date && when.value.includes(date.text) ? when.value.slice(when.value.indexOf(date.text) + date.text.length) : when.value;
    const time = findTime(afterDate) ?? findTime(headerField(header, 'time')?.value ?? '');
    if (time) document.startTime = time;
  }
  if (adjournment) {
    const end = findTime(adjournment);
    if (end) document.endTime = afterStart(end, document.startTime, /上午|下午|中午|晚上|早上|傍晚/.test(adjournment));
  }
  return when;
}

/** A report's period, data cut-off and publication dates and contact; its date is the period's end. */
function readReportFields(document: StructuredDocument, header: HeaderField[], info: TitleInfo | undefined): void {
  if (info?.period) document.period = info.period;
  const cutoff = findDate(headerField(header, 'dataCutoff')?.value ?? '');
  if (cutoff) document.dataCutoff = cutoff.iso;
  const published = findDate(headerField(header, 'published')?.value ?? '');
  if (published) document.published = published.iso;
  const contact = {
    name: headerField(header, 'contactName')?.value,
    title: headerField(header, 'contactTitle')?.value,
    phone: headerField(header, 'contactPhone')?.value,
    email: headerField(header, 'contactEmail')?.value,
  };
  const present = Object.fromEntries(Object.entries(contact).filter(([, value]) => value));
  if (Object.keys(present).length) document.contact = present;
  document.date = document.period?.end ?? document.published;
}

/** What minutes must have and may lack: a real date, and numbered items. */
function checkMinutes(document: StructuredDocument, when: HeaderField | undefined, fallbackLine: number, bodyLine: number, file: VFile): void {
  const impossible = when && findImpossibleDate(when.value);
  if (!document.date && impossible) {
    message(
      file,
      `the date ${impossible} in ${when.label} does not exist: expected a real day such as 民國110年7月22日 (published without a date)`,
      when.line,
      'date',
    );
  } else if (!document.date) {
    message(file, 'expected the meeting date in a 時間 or 開會日期 field (e.g. 時間：民國110年7月22日10時0分)', when?.line ?? fallbackLine, 'date');
  }
  if (!document.items.length) message(file, 'expected numbered items (壹、 一、 (一) …) after the header, found none', bodyLine, 'items');
}

/** Builds the document model from its lines. */
export function structureDocument(blocks: Block[], file: VFile, source: string): StructuredDocument {
  const { title, header, bodyStart } = readHead(blocks, file);
  const outline = buildOutline(blocks.slice(bodyStart));
  // A skipped number is the source's own (the sample 第224次 prints 壹、貳、肆): a note, not a problem.
  for (const problem of outline.problems)
    file.info(problem.reason, { place: { line: problem.line, column: 1 }, ruleId: problem.ruleId, source: 'minutes-archive' });
  const info = title?.info;
  if (!title) message(file, 'expected a title line naming the meeting or report, found none', 1, 'title');
  const document: StructuredDocument = {
    kind: info?.kind ?? 'minutes',
    title: title?.text.replace(/^#+\s*/, '') ?? '',
    source,
    // A file made from a string rather than read from bytes (tests, tools) counts as its UTF-8.
    file: file.data.published ?? fingerprint(new TextEncoder().encode(String(file.value)), source, 'utf-8'),
    organization: info?.organization || headerField(header, 'organization')?.value || '',
    series: info?.series || UNCLASSIFIED,
    ...(info?.session ? { session: info.session } : {}),
    header,
    items: outline.items,
    warnings: [],
  };
  if (outline.intro.length) document.intro = outline.intro.join('\n');
  if (outline.adjournment) document.adjournment = outline.adjournment.text;
  const when = readWhen(document, header, outline.adjournment?.text);
  for (const [key, meaning] of TEXT_FIELDS) {
    const found = headerField(header, meaning);
    if (found) document[key] = found.value;
  }
  const chair = headerField(header, 'chair');
  if (chair?.value) document.chair = readPerson(chair.value);
  if (document.kind === 'report') {
    readReportFields(document, header, info);
    splitReportTitles(document.items);
  } else checkMinutes(document, when, title?.line ?? 1, blocks[bodyStart]?.line ?? 1, file);
  return document;
}
