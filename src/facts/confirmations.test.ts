import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveDocument, PreviousMinutes } from '../model/types.ts';
import { processSource } from '../pipeline/index.ts';
import { buildArchive } from './archive.ts';
import { archiveConfirmations, nextSessionLabel } from './confirmations.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources } from '../ingest/sources.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = ARCHIVE;
const registries = loadRegistries(join(root, 'content'));
const documents = listSources(root).map((path) => processSource(readFileSync(join(root, path)), path, registries).document);
const byId = (id: string) => documents.find((document) => document.id === id)!;
const confirmations = (all: ArchiveDocument[]) => archiveConfirmations(buildArchive(all).series.values());

/** The meeting after a real one: same series, next session, reading the real one's minutes as `previous` says. */
function nextMeeting(template: ArchiveDocument, previous?: Omit<PreviousMinutes, 'session'>): ArchiveDocument {
  const number = template.session!.number + 1;
  const { previous: _, ...rest } = template;
  return {
    ...rest,
    id: `${template.id}-next`,
    url: template.url.replace(/\d+\/$/, `${number}/`),
    session: { number, label: `第${number}次` },
    date: '2022-10-20',
    ...(previous ? { previous: { ...previous, session: template.session! } } : {}),
  };
}

describe('confirmation of the sample minutes', () => {
  const records = confirmations(documents);

  it('does not take 第224次 for the confirmation of 第210次: 224 confirms 223, and 211 is not in the archive', () => {
    expect(byId('taipei-chief-secretaries-meeting-224').previous?.session?.number).toBe(223);
    expect(records.get('taipei-chief-secretaries-meeting-210')).toEqual({ state: 'next-not-held', next: '第211次' });
    expect(records.get('taipei-chief-secretaries-meeting-224')).toEqual({ state: 'next-not-held', next: '第225次' });
    expect(records.get('secretariat-department-meeting-103')).toEqual({ state: 'next-not-held', next: '第104次' });
  });

  it('says nothing of a series whose minutes never read the previous ones', () => {
    expect(records.has('information-technology-bureau-meeting-2024-12')).toBe(false);
    expect(records.has('secretariat-achievement-report-2020-01-2020-06')).toBe(false);
  });
});

describe('archiveConfirmations', () => {
  const first = byId('taipei-chief-secretaries-meeting-224');

  it('finds the meeting that amended a document, with the amendments in its words', () => {
    const amendment = {
      anchor: 'res-1-1',
      label: '(一)',
      text: '報告事項三會議結論 (三)「……公務車駕駛人員出勤趟數、時數及里程數，……」部分文字刪除，修改為「……公務車駕駛人員出勤趟數、時數，……」。',
    };
    const second = nextMeeting(first, { status: 'amended', anchor: 'item-1', amendments: [amendment] });
    expect(confirmations([first, second]).get(first.id)).toEqual({
      state: 'recorded',
      confirmation: { by: second, status: 'amended', anchor: 'item-1', amendments: [amendment] },
    });
  });

  it('says when the next meeting is held but does not record reading the minutes', () => {
    const second = nextMeeting(first);
    expect(confirmations([first, second]).get(first.id)).toEqual({ state: 'not-recorded', next: second });
  });

  it("names the next session where numbering restarts yearly, the next year's first too when the year may have ended", () => {
    expect(nextSessionLabel({ number: 12, year: 2024, label: '113 年第 12 次' }, false)).toBe('113年第13次或114年第1次');
    expect(nextSessionLabel({ number: 12, year: 2024, label: '113 年第 12 次' }, true)).toBe('113年第13次');
    expect(nextSessionLabel({ number: 210, label: '第210次' }, false)).toBe('第211次');
  });
});
