import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../../ingest/registries.ts';
import { processSource } from '../index.ts';
import { ARCHIVE } from '../../../tests/fixtures/archive.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
/** A sample document by its path in the fixture archive, or a layout fixture by its path in the repository. */
const load = (path: string) =>
  processSource(readFileSync(join(path.startsWith('tests/') ? join(import.meta.dirname, '../../..') : ARCHIVE, path)), path, registries).document;

describe('findPrevious', () => {
  it('keeps the resolution that amends the previous minutes, not the one that confirms the rest', () => {
    expect(load('content/minutes/taipei-chief-secretaries-meeting-224.txt').previous).toEqual({
      session: { number: 223, label: '第 223 次' },
      date: '2022-08-24',
      status: 'amended',
      anchor: 'item-1',
      amendments: [
        {
          anchor: 'res-1-1',
          label: '(一)',
          text: '報告事項三會議結論 (三)「……公務車駕駛人員出勤趟數、時數及里程數，……」部分文字刪除，修改為「……公務車駕駛人員出勤趟數、時數，……」。',
        },
      ],
    });
  });

  it('keeps the line of the item when the amendment is only said in its text (市政會議)', () => {
    expect(load('tests/fixtures/layouts/city-administration-meeting-2130.txt').previous).toMatchObject({
      status: 'amended',
      amendments: [{ anchor: 'item-1', label: '', text: '第2129次市政會議紀錄修正後確定。' }],
    });
  });

  it('records no amendments when the minutes are confirmed as they stand', () => {
    const previous = load('content/minutes/taipei-chief-secretaries-meeting-210.txt').previous;
    expect(previous).toMatchObject({ session: { number: 209 }, status: 'confirmed' });
    expect(previous).not.toHaveProperty('amendments');
  });
});
