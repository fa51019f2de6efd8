import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources, processPath } from '../ingest/sources.ts';
import { escapeText, foldLine, hasCalendar, seriesCalendar, utcDateTime } from './calendar.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const documents = listSources(ARCHIVE).map((path) => processPath(ARCHIVE, path, registries).document!);
const chiefSecretaries = documents.filter((document) => document.series === '主任秘書會報');
const page = (document: { url: string }) => `https://minutes.gov.taipei${document.url}`;
const text = seriesCalendar({
  name: '臺北市政府主任秘書會報',
  page: 'https://minutes.gov.taipei/series/taipei/chief-secretaries-meeting/',
  host: 'minutes.gov.taipei',
  pageUrl: page,
  documents: chiefSecretaries,
});

describe('a series calendar', () => {
  it('parses in ical.js as one event per meeting: UTC start and end, UID from the document id, location, the page URL', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('臺北市政府主任秘書會報');
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(chiefSecretaries.length);
    const meeting = events.find((event) => event.uid === 'taipei-chief-secretaries-meeting-210@minutes.gov.taipei')!;
    expect(meeting.summary).toBe('臺北市政府第210次主任秘書會報紀錄');
    expect(meeting.location).toBe('視訊會議');
    // 民國110年7月22日 上午10時 to 散會 11時36分, Taipei time.
    expect(meeting.startDate.toJSDate().toISOString()).toBe('2021-07-22T02:00:00.000Z');
    expect(meeting.endDate.toJSDate().toISOString()).toBe('2021-07-22T03:36:00.000Z');
    expect(meeting.startDate.zone.tzid).toBe('UTC');
    expect(meeting.component.getFirstPropertyValue('url')).toBe('https://minutes.gov.taipei/minutes/taipei/chief-secretaries-meeting/210/');
    expect(meeting.description).toContain('主席：');
    expect(meeting.description).toContain('https://minutes.gov.taipei/minutes/taipei/chief-secretaries-meeting/210/');
  });

  it('ends every line with CRLF and folds none longer than 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('folds at character boundaries, so the Chinese survives unfolding byte for byte', () => {
    const title = `SUMMARY:${escapeText('臺北市政府資訊局 113 年第 12 次局務會議紀錄，臺北市政府資訊局 113 年第 12 次局務會議紀錄')}`;
    const folded = foldLine(title);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(title);
    expect(escapeText('甲;乙,丙\\丁\n戊')).toBe('甲\\;乙\\,丙\\\\丁\\n戊');
  });

  it('writes Taipei times in UTC, across midnight too', () => {
    expect(utcDateTime('2024-12-17', '14:00')).toBe('20241217T060000Z');
    expect(utcDateTime('2021-01-01', '07:30')).toBe('20201231T233000Z');
  });

  it('gives a meeting without a printed time a whole day, and one without 散會 no invented end', () => {
    const [meeting] = chiefSecretaries;
    const undated = seriesCalendar({
      name: 'x',
      page: 'https://minutes.gov.taipei/',
      host: 'minutes.gov.taipei',
      pageUrl: page,
      documents: [
        { ...meeting!, startTime: undefined, endTime: undefined },
        { ...meeting!, id: 'open-ended', endTime: undefined },
      ],
    });
    const [allDay, openEnded] = new ICAL.Component(ICAL.parse(undated)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(allDay!.startDate.isDate).toBe(true);
    expect(allDay!.startDate.toString()).toBe(meeting!.date);
    expect(openEnded!.component.hasProperty('dtend')).toBe(false);
  });

  it('is made for meeting series only', () => {
    expect(hasCalendar({ kind: 'minutes', documents: chiefSecretaries })).toBe(true);
    expect(hasCalendar({ kind: 'report', documents: documents.filter((document) => document.kind === 'report') })).toBe(false);
  });
});
