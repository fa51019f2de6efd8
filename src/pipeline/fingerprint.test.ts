import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readSource } from './read.ts';

const TEXT = '臺北市政府第210次主任秘書會報紀錄\r\n\r\n時間：民國110年7月22日10時0分\r\n';

describe('fingerprint of a source file (kept by the read stage)', () => {
  it('hashes the bytes as published, BOM and CRLF included, not the decoded text', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    const published = readSource(bytes, 'content/minutes/a.txt').data.published;
    expect(published).toEqual({
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding: 'utf-8',
      mediaType: 'text/plain; charset=utf-8',
    });
    expect(published!.sha256).not.toBe(createHash('sha256').update(TEXT.replace(/\r/g, '')).digest('hex'));
  });

  it('names the encoding it read, and markdown as markdown', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(readSource(utf16, 'content/minutes/a.md').data.published).toMatchObject({
      bytes: utf16.byteLength,
      encoding: 'utf-16le',
      mediaType: 'text/markdown; charset=utf-16le',
    });
  });
});
