import { describe, expect, it } from 'vitest';
import { UnreadableSourceError, detectEncoding, readSource } from './read.ts';

const TEXT = '臺北市政府第210次主任秘書會報紀錄\r\n\r\n時間：民國110年7月22日10時0分\r\n';
const EXPECTED = '臺北市政府第210次主任秘書會報紀錄\n\n時間：民國110年7月22日10時0分\n';
/** The same text as a Big5 system saves it. */
const BIG5 = Buffer.from(
  'bb4fa55fa5abac46a9b2b2c4323130a6b8a544a5f4afb5aed1b77cb3f8acf6bffd0d0a0d0aaec9b6a1a147a5c1b0ea313130a67e37a4eb3232a4e93130aec930a4c00d0a',
  'hex',
);

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const bytes = bigEndian ? Buffer.from(le).swap16() : le;
  const mark = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

describe('readSource', () => {
  it('decodes UTF-8 with and without a BOM, dropping only the BOM', () => {
    expect(String(readSource(Buffer.from(TEXT), 'a.txt').value)).toBe(EXPECTED);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    expect(String(readSource(withBom, 'a.txt').value)).toBe(EXPECTED);
  });

  it('decodes UTF-16 in both byte orders, with or without a BOM', () => {
    for (const bigEndian of [false, true]) {
      for (const bom of [true, false]) {
        const file = readSource(utf16(TEXT, bigEndian, bom), 'a.txt');
        expect(String(file.value)).toBe(EXPECTED);
        expect(file.data.encoding).toBe(bigEndian ? 'utf-16be' : 'utf-16le');
      }
    }
  });

  it('decodes Big5', () => {
    const file = readSource(BIG5, 'a.txt');
    expect(file.data.encoding).toBe('big5');
    expect(String(file.value)).toBe(EXPECTED);
  });

  it('keeps line numbers: CRLF and lone CR each become one LF', () => {
    const file = readSource(Buffer.from('一\r\n二\r三\n四'), 'a.txt');
    expect(String(file.value).split('\n')).toEqual(['一', '二', '三', '四']);
  });

  it('refuses bytes that are no supported encoding, naming the file', () => {
    const junk = Uint8Array.from([0x81, 0x30, 0xff, 0xfe, 0x00, 0x81, 0xff, 0x30, 0x80, 0x80]);
    expect(detectEncoding(junk.subarray(2))).not.toBe('utf-8');
    expect(() => readSource(Uint8Array.from([0x80, 0x81, 0xff, 0x30, 0xc0]), 'content/minutes/bad.txt')).toThrow(UnreadableSourceError);
    expect(() => readSource(Uint8Array.from([0x80, 0x81, 0xff, 0x30, 0xc0]), 'content/minutes/bad.txt')).toThrow(/content\/minutes\/bad\.txt:1:1/);
  });
});
