import { describe, expect, it } from 'vitest';
import { splitHeading } from './report-titles.ts';

// Items of 秘書處 109 年 1-6 月施政成果報告 (content/reports/secretariat-2020-h1.txt).
describe('splitHeading', () => {
  it('splits 「標題：內文」 where the lead is a heading, keeping the colon with the title', () => {
    expect(splitHeading('節電部分：本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,800 度，減少 1.48%。')).toEqual({
      title: '節電部分：',
      text: '本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,800 度，減少 1.48%。',
    });
    expect(splitHeading('積極參加國際組織會員活動、重要國際會議及活動：本府例行參與之國際組織會議陸續將實體會議改為視訊會議。')?.title).toBe(
      '積極參加國際組織會員活動、重要國際會議及活動：',
    );
  });
  it('leaves a sentence, a long lead or a title without text after the colon alone', () => {
    expect(splitHeading('市政新聞發布電子化，市政資訊傳遞迅速化：每日配合市長行程及重大市政活動，即時撰發新聞稿')).toBeUndefined();
    expect(splitHeading('辦理「市政大樓消防設備連續 3 年更新工程」（107 年-109 年）：因系統具地圖顯示、連網監控')).toBeUndefined();
    expect(splitHeading('推動節約能源措施')).toBeUndefined();
    expect(splitHeading('聯絡方式：')).toBeUndefined();
  });
});
