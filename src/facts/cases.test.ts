/**
 * Tracked cases across meetings, on the two real 主任秘書會報 minutes of the sample archive: a case's
 * status is stated as of the last meeting naming it, and a case the later complete list of
 * continued cases (第224次: 204-2、220-1、222-2、222-3、222-4 及 223-4 等 6 案) leaves out is no longer
 * said to be open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { processSource } from '../pipeline/index.ts';
import { caseStatus } from '../site/case-status.ts';
import { buildArchive } from './archive.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const read = (path: string) => processSource(readFileSync(join(ARCHIVE, path)), path, registries).document;
const meeting210 = read('content/minutes/taipei-chief-secretaries-meeting-210.txt');
const meeting224 = read('content/minutes/taipei-chief-secretaries-meeting-224.txt');
const archive = buildArchive([meeting224, meeting210]);
const tracked = (id: string) => archive.cases.get(`taipei/chief-secretaries-meeting/${id}`)!;

describe('tracked cases across meetings', () => {
  it('states a released case as released at the meeting that released it', () => {
    expect(tracked('205-1')).toMatchObject({ status: 'released', asOf: meeting210 });
    expect(tracked('205-1').events).toHaveLength(1);
    expect(caseStatus(tracked('205-1')).text).toBe('已解除列管（第210次會議）');
  });
  it('states a case continued at both meetings as open as of the later one', () => {
    expect(tracked('204-2')).toMatchObject({ status: 'open', asOf: meeting224 });
    expect(caseStatus(tracked('204-2')).text).toBe('列管中（截至第224次會議）');
  });
  it('does not call open a case continued at 210 that the complete list of 224 leaves out', () => {
    for (const id of ['205-2', '208-1', '209-2']) {
      expect(tracked(id)).toMatchObject({ status: 'dropped', asOf: meeting210, droppedAt: meeting224 });
      expect(caseStatus(tracked(id)).text).toBe('第224次起未再列管（紀錄未載解除）');
    }
  });
  it('keeps a case open when no later list of the series exists', () => {
    expect(buildArchive([meeting210]).cases.get('taipei/chief-secretaries-meeting/205-2')).toMatchObject({ status: 'open' });
  });
});

describe('a follow-up table without case numbers', () => {
  it('tracks each marked row as a case of its own, keyed by its 案由', () => {
    const path = 'tests/fixtures/layouts/health-executives-8.md';
    const document = processSource(readFileSync(join(import.meta.dirname, '../..', path)), path, registries).document;
    const cases = [...buildArchive([document]).cases.values()];
    expect(cases.map((entry) => [entry.subject, entry.status])).toEqual([
      ['登革熱防治宣導（疾病管制科）', 'released'],
      ['長照據點查核（長期照護科）', 'open'],
    ]);
    expect(cases.every((entry) => /^s-[0-9a-f]{8}$/.test(entry.id) && entry.openedIn === undefined)).toBe(true);
  });
});
