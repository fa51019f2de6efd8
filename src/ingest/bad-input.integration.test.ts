/**
 * The bad-input corpus (tests/fixtures/bad/): for every file, what a publisher gets: the document
 * published, published with a warning naming file and line, or refused with a message saying why.
 * In every published document the model keeps every source character (no `nothing-lost` warning).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../model/types.ts';
import { loadRegistries } from './registries.ts';
import { processPath, separateDuplicates } from './sources.ts';

const registries = loadRegistries('content');
const DIR = 'tests/fixtures/bad';
const run = (name: string) => processPath(process.cwd(), `${DIR}/${name}`, registries);

/** Files that publish cleanly, with the session and date they must yield. */
const published: [string, number, string][] = [
  ['utf8-bom.txt', 101, '2024-05-01'],
  ['utf16le-bom.txt', 102, '2024-05-02'],
  ['utf16be-bom.txt', 103, '2024-05-03'],
  ['utf16le-no-bom.txt', 104, '2024-05-04'],
  ['big5.txt', 105, '2024-05-05'],
  ['mixed-crlf.txt', 106, '2024-05-06'],
  ['hostile.txt', 109, '2024-05-09'],
  ['名稱 有 空白與中文.txt', 110, '2024-05-10'],
  ['deeply-nested.txt', 111, '2024-05-11'],
];

/** Files refused with the exact message (there is nothing to publish, or it is not text). */
const refused: [string, string][] = [
  ['empty.txt', 'empty file: nothing to publish (expected the text of minutes or a report; remove the file or add its text)'],
  ['whitespace-only.txt', 'empty file: nothing to publish (expected the text of minutes or a report; remove the file or add its text)'],
  [
    'pdf-named-txt.txt',
    "cannot read the file: it is a PDF document, not text (expected the document's text saved as UTF-8, UTF-16 or Big5; save the text of the original as a .txt file)",
  ],
  [
    'png-named-txt.txt',
    "cannot read the file: it is a PNG image, not text (expected the document's text saved as UTF-8, UTF-16 or Big5; save the text of the original as a .txt file)",
  ],
];

const headline = (document: ArchiveDocument) => document.title;

describe('bad input', () => {
  it.each(published)('publishes %s with its session and date and no warning', (name, session, date) => {
    const { document, problems } = run(name);
    expect(problems).toEqual([]);
    expect(headline(document!)).toBe(`臺北市政府秘書處第${session}次處務會議紀錄`);
    expect(document!.session?.number).toBe(session);
    expect(document!.date).toBe(date);
    expect(document!.url).toMatch(/^\/[a-z0-9/-]+\/$/);
  });

  it.each(refused)('refuses %s, naming the file and line 1', (name, message) => {
    const { document, problems } = run(name);
    expect(document).toBeUndefined();
    expect(problems).toEqual([`${DIR}/${name}:1:1 ${message}`]);
  });

  it('publishes a text without a recognisable header as unclassified, with what was expected', () => {
    const { document, problems } = run('no-header.txt');
    expect(document!.series).toBe('未分類文件');
    expect(document!.url).toBe('/minutes/taipei/unclassified/no-header/');
    expect(problems).toEqual([
      `${DIR}/no-header.txt:1:1 expected a title such as 臺北市政府第210次主任秘書會報紀錄 or 臺北市政府秘書處 109 年 1-6 月施政成果報告, found “這是一段沒有標題也沒有表頭的文字。”`,
      `${DIR}/no-header.txt:1:1 expected the meeting date in a 時間 or 開會日期 field (e.g. 時間：民國110年7月22日10時0分)`,
      `${DIR}/no-header.txt:3:1 expected numbered items (壹、 一、 (一) …) after the header, found none`,
    ]);
  });

  it('publishes a text that starts with an item as unclassified, its items kept', () => {
    const { document, problems } = run('label-first-line.txt');
    expect(document!.series).toBe('未分類文件');
    expect(document!.items[0]!.title).toBe('沒有標題的紀錄');
    expect(problems[0]).toBe(`${DIR}/label-first-line.txt:1:1 expected a title line naming the meeting or report, found none`);
  });

  it('publishes a document with an impossible date without a date, naming the line', () => {
    const { document, problems } = run('impossible-date.txt');
    expect(document!.date).toBeUndefined();
    expect(document!.header.find((field) => field.label === '時間')?.value).toBe('民國110年13月40日上午10時');
    expect(problems).toEqual([
      `${DIR}/impossible-date.txt:3:1 the date 民國110年13月40日 in 時間 does not exist: expected a real day such as 民國110年7月22日 (published without a date)`,
    ]);
  });

  it('publishes both copies of one meeting and names both files', () => {
    const documents = ['duplicate-a.txt', 'duplicate-b.txt'].map((name) => run(name).document!);
    expect(separateDuplicates(documents)).toEqual([
      `content/${DIR}/duplicate-b.txt:1:1 is the same meeting as content/${DIR}/duplicate-a.txt (same organization, series and session, URL /minutes/secretariat/department-meeting/108/): published at /minutes/secretariat/department-meeting/108-2/; remove one file or fix its title`,
    ]);
    expect(documents.map((document) => document.url)).toEqual([
      '/minutes/secretariat/department-meeting/108/',
      '/minutes/secretariat/department-meeting/108-2/',
    ]);
  });

  it('keeps script, template and link syntax as text, link targets included', () => {
    const { document } = run('hostile.txt');
    const text = JSON.stringify(document);
    for (const piece of [
      '<script>alert(1)</script>',
      '{{ title }}',
      '{Astro.props.x}',
      '[點此](javascript:alert(3))',
      '<a href=\\"javascript:alert(5)\\">連結</a>',
      '${alert(7)}',
      '&lt;b&gt;',
    ]) {
      expect(text).toContain(piece);
    }
  });

  it('reads a 10 MB file and a line of 100,000 characters', { timeout: 60_000 }, () => {
    const root = mkdtempSync(join(tmpdir(), 'bad-large-'));
    mkdirSync(join(root, 'content'));
    // A real meeting's items, repeated until the file holds 10 MB.
    const seed = readFileSync('content/minutes/taipei-chief-secretaries-meeting-210.txt', 'utf8');
    const body = seed.slice(seed.indexOf('一、主任秘書會報會議結論事項執行情形'));
    const parts = [seed];
    for (let size = Buffer.byteLength(seed); size < 10_000_000; size += Buffer.byteLength(body)) parts.push(body);
    writeFileSync(join(root, 'content/large.txt'), parts.join('\n'));
    writeFileSync(join(root, 'content/long-line.txt'), `臺北市政府第301次主任秘書會報紀錄\n\n時間：民國113年5月2日\n\n一、${'長'.repeat(100_000)}。\n`);
    const large = processPath(root, 'content/large.txt', registries);
    expect(large.problems).toEqual([]);
    // Every copy of the items is there: no part of a long file is cut off.
    expect(large.document!.items.length).toBeGreaterThanOrEqual(parts.length);
    expect(large.document!.adjournment).toBeTruthy();
    const long = processPath(root, 'content/long-line.txt', registries);
    expect(long.problems).toEqual([]);
    expect(long.document!.items[0]!.title).toHaveLength(100_001);
  });
});
