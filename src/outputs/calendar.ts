/**
 * iCalendar (RFC 5545) of a meeting series: `series/<org>/<series>/calendar.ics`, one VEVENT per
 * meeting the archive holds, for staff who keep the meetings in their own calendar.
 *
 * Times are printed in Taipei time (UTC+8, no daylight saving since 1979) and written in UTC, so
 * no VTIMEZONE is needed; a meeting whose start time was not printed is an all-day event on its
 * date, and one whose end (散會) was not printed has no DTEND (RFC 5545: it ends when it starts)
 * rather than a made-up one. The UID is the document id at the site's host, so a calendar that
 * subscribes sees a re-published meeting as the same event. DTSTAMP is the meeting's start, not the
 * build time, so that two builds of the same documents write the same bytes.
 */
import type { ArchiveDocument } from '../model/types.ts';

/** Taipei's offset from UTC, in hours. */
const TAIPEI_OFFSET = 8;

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, line breaks as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line to lines of at most 75 octets (RFC 5545 §3.1), each continuation starting
 * with one space, never inside a UTF-8 sequence (a CJK character is 3 octets).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2021-07-22` and `10:00` in Taipei → `20210722T020000Z`. */
export function utcDateTime(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const utc = new Date(Date.UTC(year, month - 1, day, hour - TAIPEI_OFFSET, minute));
  return `${utc.getUTCFullYear()}${pad(utc.getUTCMonth() + 1)}${pad(utc.getUTCDate())}T${pad(utc.getUTCHours())}${pad(utc.getUTCMinutes())}00Z`;
}

const isTime = (time: string | undefined): time is string => Boolean(time && /^\d{2}:\d{2}$/.test(time));
const dateValue = (date: string) => date.replace(/-/g, '');
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export interface CalendarOptions {
  /** The calendar's name: the series, `臺北市政府主任秘書會報`. */
  name: string;
  /** Absolute URL of the series page. */
  page: string;
  /** The site's host name, for UIDs: `minutes.gov.taipei`. */
  host: string;
  /** Absolute URL of a document's page. */
  pageUrl: (document: ArchiveDocument) => string;
  documents: ArchiveDocument[];
}

/** The lines of one meeting's VEVENT; none for a document with no date. */
function meetingEvent(document: ArchiveDocument, options: CalendarOptions): string[] {
  if (!document.date) return [];
  const timed = isTime(document.startTime);
  const start = timed ? utcDateTime(document.date, document.startTime!) : undefined;
  const end = timed && isTime(document.endTime) && document.endTime > document.startTime! ? utcDateTime(document.date, document.endTime) : undefined;
  const url = options.pageUrl(document);
  const about = [[document.series, document.session?.label].filter(Boolean).join(' '), document.chair ? `主席：${document.chair.text}` : '', url].filter(
    Boolean,
  );
  return [
    'BEGIN:VEVENT',
    `UID:${document.id}@${options.host}`,
    `DTSTAMP:${start ?? `${dateValue(document.date)}T000000Z`}`,
    ...(start ? [`DTSTART:${start}`] : [`DTSTART;VALUE=DATE:${dateValue(document.date)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(document.date))}`]),
    ...(end ? [`DTEND:${end}`] : []),
    `SUMMARY:${escapeText(document.title)}`,
    ...(document.location ? [`LOCATION:${escapeText(document.location)}`] : []),
    `URL:${url}`,
    `DESCRIPTION:${escapeText(about.join('\n'))}`,
    'END:VEVENT',
  ];
}

/** The `.ics` file: CRLF after every line, lines folded at 75 octets. */
export function seriesCalendar(options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//minutes-archive//calendar of a meeting series//ZH-TW',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // RFC 7986's name and the X-WR- one that older clients read.
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `URL:${options.page}`,
    ...options.documents.flatMap((document) => meetingEvent(document, options)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Where a series page's calendar is published: `calendar.ics` in the page's folder. */
export const calendarPath = (page: string) => `${page}calendar.ics`;

/** Whether a series has a calendar: meetings (not achievement reports), one of them dated at least. */
export function hasCalendar(series: { kind: ArchiveDocument['kind']; documents: ArchiveDocument[] }): boolean {
  return series.kind === 'minutes' && series.documents.some((document) => document.date);
}
