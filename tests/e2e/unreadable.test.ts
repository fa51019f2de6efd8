/**
 * A file the archive cannot read is never dropped without a word: the lenient build publishes the
 * rest, and lists the file with why and the file itself, byte for byte.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectCopy, removeProjectCopies, root } from './harness.ts';

let dist: string;
const scan = join(root, 'tests/fixtures/bad-originals/scanned.pdf');

beforeAll(async () => {
  const project = projectCopy('unreadable');
  cpSync(scan, join(project, 'content/minutes/2024/scanned.pdf'));
  dist = await buildSite('/', project);
});
afterAll(removeProjectCopies);

describe('a scanned PDF in content/', () => {
  it('is listed on 未能收錄的檔案 with the pages that have no text layer', () => {
    const page = readFileSync(join(dist, 'documents/unreadable/index.html'), 'utf8');
    expect(page).toContain('minutes/2024/scanned.pdf');
    expect(page).toContain('第 1–3 頁沒有文字層（掃描影像）');
    expect(page).toContain('href="/sources/unreadable/minutes/2024/scanned.pdf"');
  });

  it('is published as it is, and the list of all documents points to it', () => {
    expect(readFileSync(join(dist, 'sources/unreadable/minutes/2024/scanned.pdf')).equals(readFileSync(scan))).toBe(true);
    expect(readFileSync(join(dist, 'documents/index.html'), 'utf8')).toMatch(/另有 1 個來源檔案無法讀取：<a href="\/documents\/unreadable\/">/);
  });

  it('leaves the readable documents published', () => {
    expect(readFileSync(join(dist, 'minutes/taipei/chief-secretaries-meeting/224/index.html'), 'utf8')).toContain('第 224 次主任秘書會報紀錄');
  });
});
