import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importOriginal } from './index.ts';

const page = 'tests/fixtures/originals/taipei-chief-secretaries-meeting-210.html';

describe('web page importer', () => {
  it('takes the minutes and leaves out the site header, menu, breadcrumbs, page info and footer, saying what they were', () => {
    const read = importOriginal(readFileSync(page), page);
    expect(read.format).toBe('html');
    const lines = read.text.split('\n');
    expect(lines[0]).toBe('臺北市政府第210次主任秘書會報紀錄');
    expect(lines.at(-2)).toBe('散會（上午 11 時 36 分）');
    for (const chrome of ['市政新聞', '全站搜尋', '目前位置', '點閱次數', '版權所有', '隱私權及資訊安全政策', '會議紀錄.pdf', ':::', '跳到主要內容區塊']) {
      expect(read.text).not.toContain(chrome);
      expect(read.omitted?.some((text) => text.includes(chrome))).toBe(true);
    }
    expect(read.tree.children[0]).toMatchObject({ type: 'heading' });
  });

  it('picks the region by its text and links, not by class names', () => {
    const html = `<html><body><div class="x1"><a href="/">首頁</a> <a href="/a">市政新聞</a> <a href="/b">市政會議</a></div>
      <div class="x2"><div><p>臺北市政府第210次主任秘書會報紀錄</p><p>時間：民國110年7月22日10時0分</p><p>地點：視訊會議</p>
      <ol><li>與各局處業務相關之公會、工會與協會。</li><li>各局處業務相關或轄管之外部單位。</li></ol></div></div>
      <div class="x3"><a href="/p">隱私權及資訊安全政策</a>｜<a href="/q">無障礙聲明</a></div></body></html>`;
    const read = importOriginal(new TextEncoder().encode(html), 'page.html');
    expect(read.text).toBe(
      '臺北市政府第210次主任秘書會報紀錄\n時間：民國110年7月22日10時0分\n地點：視訊會議\n1. 與各局處業務相關之公會、工會與協會。\n2. 各局處業務相關或轄管之外部單位。\n',
    );
    expect(read.omitted).toEqual(['首頁 市政新聞 市政會議', '隱私權及資訊安全政策 ｜ 無障礙聲明']);
  });
});
