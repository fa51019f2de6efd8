import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importOriginal } from './index.ts';
import { isPageNumber } from './pdf-furniture.ts';
import { pageRanges } from './pdf.ts';

const read = (path: string) => importOriginal(readFileSync(path), path);

// pdfjs starts in a thread of its own the first time: generous timeouts for a busy machine.
describe('PDF importer', { timeout: 120_000 }, () => {
  it('rebuilds paragraphs from positions, across lines and page breaks, without the page numbers', () => {
    const pdf = read('tests/fixtures/originals/taipei-chief-secretaries-meeting-210.pdf');
    expect(pdf.format).toBe('pdf');
    expect(pdf.messages).toEqual([]);
    expect(pdf.pageCount).toBe(6);
    const lines = pdf.text.split('\n');
    expect(lines[0]).toBe('臺北市政府第 210 次主任秘書會報紀錄');
    // Three lines of the PDF, CJK joined without spaces; the space before 2 種 is the PDF's own.
    expect(lines).toContain('(一) 列管編號 205-1 併 208-2、209-1、209-3、209-4 等 4 案解除列管；列管編號 204-2、205-2、208-1、209-2 等 4 案廢續列管。');
    // A paragraph that runs from page 4 onto page 5, and a word cut at a line end (mycodep|lus).
    expect(lines).toContain('八、110 年度上半年臺北市政府議會協調案件數據分析報告。(研考會)');
    expect(pdf.text).toContain('如能於會勘、會議當場確認案件無權責應辦事項，儘量與議員或研究室主任溝通減免發文，減輕同仁負擔。');
    expect(pdf.text).toContain('(<https://mycodeplus.gov.taipei/>)');
    // An item title that fills its line still ends before the speaker's report.
    expect(lines).toContain('六、本府各機關契約不可中斷案件截至 6 月底前執行情形。（研考會）');
    expect(lines.some((line) => line.startsWith('資訊局陳主秘補充報告：資訊局為調整驗收期程'))).toBe(true);
    expect(pdf.omitted).toEqual([1, 2, 3, 4, 5, 6].map((n) => `第 ${n} 頁，共 6 頁`));
    expect(pdf.text).not.toContain('頁，共');
    // The page each line starts on.
    expect(pdf.pageOfLine?.[lines.indexOf('二、府會聯繫重要事項。')]).toBe(2);
    expect(pdf.pageOfLine?.[lines.indexOf('散會（上午 11 時 36 分）')]).toBe(6);
  });

  it('names the pages of a scan without a text layer, and refuses a PDF that is all scan', () => {
    const scan = read('tests/fixtures/bad-originals/scanned.pdf');
    expect(scan.messages).toEqual([{ reason: expect.stringMatching(/^第 1–3 頁沒有文字層（掃描影像）: all 3 pages have no text/), fatal: true, page: 1 }]);
    // A page number stamped in text by the scanner is no text layer.
    const stamped = read('tests/fixtures/bad-originals/stamped-scan.pdf');
    expect(stamped.messages).toEqual([{ reason: expect.stringMatching(/^第 1–2 頁沒有文字層（掃描影像）/), fatal: true, page: 1 }]);
    const partly = read('tests/fixtures/bad-originals/partly-scanned.pdf');
    expect(partly.pageCount).toBe(6);
    expect(partly.messages).toEqual([{ reason: expect.stringMatching(/^第 3 頁沒有文字層（掃描影像）/), page: 3 }]);
    expect(partly.text).toContain('臺北市政府第 224 次主任秘書會報紀錄');
  });

  it('refuses encrypted and damaged PDFs, and a file that only has the name', () => {
    expect(read('tests/fixtures/bad-originals/encrypted.pdf').messages).toEqual([
      { reason: expect.stringContaining('the PDF is encrypted with a password'), fatal: true },
    ]);
    expect(read('tests/fixtures/bad-originals/truncated.pdf').messages).toEqual([{ reason: expect.stringContaining('the PDF is damaged'), fatal: true }]);
    const fake = importOriginal(readFileSync('tests/fixtures/originals/taipei-chief-secretaries-meeting-210.html'), 'x.pdf');
    expect(fake.messages).toEqual([{ reason: expect.stringContaining('is not a PDF (no %PDF- header)'), fatal: true }]);
  });

  it('knows page numbers as the layouts print them', () => {
    for (const text of ['第 1 頁，共 6 頁', '第3頁', '- 1 -', '— 12 —', '3 / 12', '7']) expect(isPageNumber(text)).toBe(true);
    for (const text of ['第 1 季', '110 年度', '散會（上午 11 時 36 分）']) expect(isPageNumber(text)).toBe(false);
    expect(pageRanges([1, 2, 3, 5, 7, 8])).toBe('1–3、5、7–8');
  });
});
