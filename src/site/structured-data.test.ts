import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../ingest/registries.ts';
import { processSource } from '../pipeline/index.ts';
import { documentJsonLd, jsonLdText } from './structured-data.ts';
import { join } from 'node:path';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const load = (path: string) => processSource(readFileSync(join(ARCHIVE, `content/${path}`)), `content/${path}`, registries).document;

describe('documentJsonLd', () => {
  it('describes minutes as the meeting, with its time, place and organizer', () => {
    const data = documentJsonLd(load('minutes/taipei-chief-secretaries-meeting-210.txt'), 'https://example.org/m/210/');
    expect(data).toMatchObject({ '@type': 'Event', name: '臺北市政府第210次主任秘書會報紀錄', inLanguage: 'zh-TW', organizer: { name: '臺北市政府' } });
    expect(data.startDate).toMatch(/^2021-07-22T\d\d:\d\d:00\+08:00$/);
  });
  it('describes an achievement report as a Report', () => {
    expect(documentJsonLd(load('reports/secretariat-2020-h1.txt'), 'https://example.org/r/')).toMatchObject({ '@type': 'Report' });
  });
  it('cannot be closed by the text it carries', () => {
    expect(jsonLdText({ name: '</script><script>alert(1)</script>' })).not.toContain('<');
  });
});
