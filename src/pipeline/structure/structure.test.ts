import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { toBlocks } from '../blocks.ts';
import { parseMarkdown } from '../parse.ts';
import { repairFile } from '../repair.ts';
import { structureDocument } from './document.ts';
import { readFileSync } from 'node:fs';
import { RESOLUTION_SECTION, isSectionName } from '../labels.ts';
import { readHeaderLine, readPerson } from './header.ts';
import { readSpeaker, splitAgency } from './outline.ts';
import { readTitle } from './title.ts';

function structure(source: string, path = 'content/minutes/x.txt') {
  const file = repairFile(new VFile({ path, value: source }));
  const blocks = toBlocks(parseMarkdown(file), String(file.value), file.data.sourceMap!);
  return { document: structureDocument(blocks, file, path), file };
}

describe('readTitle', () => {
  it('reads series and session, also year-scoped', () => {
    expect(readTitle('臺北市政府第 224 次主任秘書會報紀錄')).toMatchObject({ organization: '臺北市政府', series: '主任秘書會報', session: { number: 224 } });
    expect(readTitle('臺北市政府秘書處第 103 次處務會議紀錄')).toMatchObject({ organization: '臺北市政府秘書處', series: '處務會議' });
    expect(readTitle('臺北市政府資訊局 113 年第 12 次局務會議紀錄')).toMatchObject({ session: { number: 12, year: 2024, label: '113 年第 12 次' } });
    expect(readTitle('臺北市政府第2130次市政會議紀錄')).toMatchObject({ series: '市政會議', session: { number: 2130 } });
  });
  it('reads a report period', () => {
    expect(readTitle('臺北市政府秘書處 109 年 1-6 月施政成果報告')).toMatchObject({ kind: 'report', period: { start: '2020-01-01', end: '2020-06-30' } });
    expect(readTitle('臺北市政府秘書處 109 年下半年施政成果報告')).toMatchObject({ period: { start: '2020-07-01', end: '2020-12-31' } });
  });
  it('is not fooled by a field line', () => {
    expect(readTitle('時間：民國110年7月22日10時0分')).toBeUndefined();
  });
});

describe('header fields', () => {
  it('splits two fields on one line and keeps what was printed', () => {
    expect(readHeaderLine('主席：陳志銘秘書長 紀錄：戴彙芬', 9)).toEqual([
      { label: '主席', value: '陳志銘秘書長', text: '主席：陳志銘秘書長', line: 9 },
      { label: '紀錄', value: '戴彙芬', text: '紀錄：戴彙芬', line: 9 },
    ]);
    expect(readHeaderLine('四、 出席人員（如簽到表）', 13)).toEqual([{ label: '出席人員', value: '如簽到表', text: '四、 出席人員（如簽到表）', line: 13 }]);
    expect(readHeaderLine('會議結論：紀錄確定。', 17)).toEqual([]);
  });
  it('reads a person with the title before, after or inside the name', () => {
    expect(readPerson('陳志銘秘書長')).toMatchObject({ name: '陳志銘', title: '秘書長' });
    expect(readPerson('趙式隆局長')).toMatchObject({ name: '趙式隆', title: '局長' });
    expect(readPerson('柯市長文哲')).toMatchObject({ name: '柯文哲', title: '市長' });
    expect(readPerson('劉銘龍 局長')).toMatchObject({ name: '劉銘龍', title: '局長' });
    expect(readPerson('陳志銘')).toEqual({ name: '陳志銘', text: '陳志銘' });
  });
});

describe('speakers and reporting agencies', () => {
  it('reads supplementary-report speakers', () => {
    expect(readSpeaker('資訊局陳主秘補充報告：資訊局為調整驗收期程')).toEqual({
      speaker: '資訊局陳主秘',
      role: '主秘',
      verb: '補充報告',
      rest: '資訊局為調整驗收期程',
    });
    expect(readSpeaker('公管中心趙主任補充說明：列管案號 12616')).toMatchObject({ speaker: '公管中心趙主任', verb: '補充說明' });
    expect(readSpeaker('會議結論：洽悉。')).toBeUndefined();
    expect(readSpeaker('節電部分：本期總用電量')).toBeUndefined();
  });
  it('splits a bracketed agency off a title', () => {
    expect(splitAgency('有關…應檢討改進案。（法務局）')).toEqual({ title: '有關…應檢討改進案。', agencyText: '（法務局）' });
    expect(splitAgency('本府各機關（構）110 年 6 月統計')).toEqual({ title: '本府各機關（構）110 年 6 月統計' });
    expect(splitAgency('本府公務雲(Taipeion)上線一案。(公管中心)')).toEqual({ title: '本府公務雲(Taipeion)上線一案。', agencyText: '(公管中心)' });
  });
});

describe('structureDocument on other published layouts', () => {
  it('reads 市政會議 as published on the web: labels on their own lines, ISO date-time, 決議 and 主席裁示', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../../tests/fixtures/layouts/city-administration-meeting-2130.txt', import.meta.url), 'utf8');
    const { document, file } = structure(source);
    expect(document).toMatchObject({
      series: '市政會議',
      session: { number: 2130 },
      date: '2020-12-22',
      startTime: '09:00',
      endTime: '12:10',
      location: '市政大樓 1 樓市政會議室',
      chair: { name: '柯文哲', title: '市長' },
    });
    expect(document.attendees).toContain('蔡副市長炳坤(公假)');
    expect(document.attendees).toContain('財政局陳局長家蓁(何副局長代)');
    expect(document.items.map((item) => item.title)).toEqual(['宣讀上次紀錄', '討論事項', '報告事項', '臨時動議']);
    const [first, second] = document.items[1]!.items;
    expect(first).toMatchObject({ label: '第一案', agencyText: '（市場處）', resolutionHeading: '決議：' });
    expect(first!.resolutions[0]!.text).toBe('修正後通過，函送臺北市議會審議。');
    expect(second!.resolutions[0]!.text).toContain('列管編號 2128-3 解除列管');
    const reports = document.items[2]!.items;
    expect(reports[0]!.resolutions.map((resolution) => resolution.label)).toEqual(['(一)', '(二)']);
    expect(reports[1]!.resolutions.map((resolution) => resolution.text)).toEqual(['洽悉。']);
    expect(file.messages).toEqual([]);
  });

  it('reads a 主管會報 written as bullet lists, with a follow-up table', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../../tests/fixtures/layouts/environmental-protection-executives-5.md', import.meta.url), 'utf8');
    const { document } = structure(source);
    expect(document).toMatchObject({
      organization: '臺北市政府環境保護局',
      series: '主管會報',
      date: '2024-03-04',
      startTime: '09:30',
      endTime: '10:40',
      recorder: '林怡君',
    });
    expect(document.items[0]!.tables[0]!.rows).toHaveLength(2);
    expect(document.items[1]!.items.map((item) => item.label)).toEqual(['•', '•']);
    expect(document.items[2]!.resolutions.map((resolution) => resolution.text)).toEqual([
      '請各科落實資安規定，不得使用大陸廠牌資通訊產品。',
      '請綜合企劃科彙整各科預算執行情形，於下次會議提報。',
    ]);
  });
});

describe('resolution sections by their shape, and bullet-layout minutes', () => {
  const source = readFileSync(new URL('../../../tests/fixtures/layouts/health-executives-8.md', import.meta.url), 'utf8');
  const { document, file } = structure(source, 'content/minutes/health-executives-8.md');

  it('reads a section named for who decides (肆、局長指示事項) as resolutions, one per bullet', () => {
    const section = document.items[2]!;
    expect(section.title).toBe('局長指示事項');
    expect(section.items).toEqual([]);
    expect(section.resolutions.map((resolution) => [resolution.line, resolution.label])).toEqual([
      [30, '•'],
      [32, '•'],
      [34, '•'],
    ]);
  });
  it("keeps a unit's report bullet as an item and makes the bullet that directs someone a resolution of the section", () => {
    const [followUp, reports] = document.items;
    expect(followUp!.items.map((item) => item.title)).toEqual(['疾病管制科：登革熱孳生源清除已於 7 月底完成。']);
    expect(followUp!.resolutions.map((resolution) => resolution.text)).toEqual(['請醫事管理科於 8 月底前完成轄內診所消防安全檢查，並副知消防局。']);
    expect(reports!.items.map((item) => item.line)).toEqual([24]);
    expect(reports!.resolutions.map((resolution) => resolution.text)).toEqual(['請秘書室彙整各科預算執行情形，於下次會議提報。']);
  });
  it('notes a skipped section number with its line, and still reads the document', () => {
    expect(file.messages.map((message) => [message.line, message.ruleId, message.fatal])).toEqual([[28, 'numbering', undefined]]);
    expect(file.messages[0]!.reason).toBe('numbering skips from 貳、 to 肆、: no 參、 (check the source for a lost section or a misprint)');
  });
  it('reads the names of resolution sections and markers by pattern', () => {
    for (const name of ['科長指示事項', '局長裁示', '處長指示', '主席裁示', '黃局長指示', '決議事項', '決議事项', '綜合會議結論', '裁示事項']) {
      expect(isSectionName(name), name).toBe(true);
      expect(RESOLUTION_SECTION.test(name), name).toBe(true);
    }
    for (const name of ['上次會議決議及指裁示事項執行情形報告', '各科重大事項提報', '請依指示辦理', '報告事項'])
      expect(RESOLUTION_SECTION.test(name), name).toBe(false);
    const minutes = structure(
      '臺北市政府資訊局第 5 次主管會報紀錄\n\n時間：113年1月2日上午9時\n\n一、各科業務報告。\n\n處長指示：請各科於月底前完成盤點。\n',
    ).document;
    expect(minutes.items[0]!.resolutions.map((resolution) => resolution.text)).toEqual(['請各科於月底前完成盤點。']);
    expect(minutes.items[0]!.resolutionHeading).toBe('處長指示：');
  });
});

describe('markdown bullets around speakers and resolutions', () => {
  it('reads `- 某科某科長補充報告：` and `- 會議結論：` in bullet lists as a report and resolutions', () => {
    const source =
      '臺北市政府資訊局第 5 次主管會報紀錄\n\n時間：113年1月2日上午9時\n\n一、各科業務報告。\n\n- 資訊科王科長補充報告：系統已上線。\n- 會議結論：\n- 洽悉。\n';
    const { document } = structure(source);
    const [item] = document.items;
    expect(item!.reports).toMatchObject([{ speaker: '資訊科王科長', role: '科長', text: '系統已上線。' }]);
    expect(item!.resolutionHeading).toBe('會議結論：');
    expect(item!.resolutions.map((resolution) => resolution.text)).toEqual(['洽悉。']);
  });
});

describe('malformed documents', () => {
  it('names the line when the title is missing', () => {
    const { file } = structure('會議記錄草稿\n\n時間：民國110年7月22日10時0分\n\n一、報告事項。\n');
    expect(file.messages[0]).toMatchObject({ line: 1, ruleId: 'title' });
    expect(file.messages[0]!.reason).toMatch(/expected a title/);
  });
  it('names the line when the date cannot be read, and keeps the text', () => {
    const { document, file } = structure('臺北市政府第210次主任秘書會報紀錄\n\n時間：上週四上午\n\n壹、報告事項\n\n一、府會聯繫重要事項。\n');
    expect(file.messages.map((message) => [message.line, message.ruleId])).toEqual([[3, 'date']]);
    expect(document.items[0]!.items[0]!.title).toBe('府會聯繫重要事項。');
  });
});
