import { describe, expect, it } from 'vitest';
import { continuesParagraph, repairLayout } from './repair.ts';

const TITLE = '臺北市政府第210次主任秘書會報紀錄\n\n';

describe('repairLayout', () => {
  it('joins a paragraph a page break cut after a comma', () => {
    const source = `${TITLE}- (四) 另請民政局加強督導文山及內湖區公所提升台北通簽到使用率，有窒礙難行之處，\n\n可借鏡學習其他區公所之作法。\n`;
    expect(repairLayout(source).text).toContain('有窒礙難行之處，可借鏡學習其他區公所之作法。');
  });

  it('joins a word a page break cut in two', () => {
    const source = `${TITLE}文化局劉主秘補充報告：文化局列管案將於今日決\n\n標，若流標將採後續擴充方式處理。\n`;
    expect(repairLayout(source).text).toContain('今日決標，若流標');
  });

  it('unwraps hard wraps that end in two spaces, keeping one space between Latin words', () => {
    const source = `${TITLE}- (三) 原始碼經本府資訊局檢測發現有多項弱點，請  \n公管中心確實辦理系統安全改善及優化作業。\n- (四) Win  \nSer 版本\n`;
    const { text } = repairLayout(source);
    expect(text).toContain('弱點，請公管中心確實辦理');
    expect(text).toContain('Win Ser 版本');
  });

  it('keeps the space the source had beside a number across a hard wrap, and none between two CJK characters', () => {
    // 第103次處務會議 (content/minutes/secretariat-office-meeting-103.txt:106-108), as published.
    const source = `${TITLE}- (一) 12 樓劉銘傳廳麥克風設備更新，原預計 8 月 19  \n至 23 日進場施工，因 23 日下午 5 時，導於議  \n場地辦理演講，故請廠商趕工務必提前完成。\n`;
    const { text } = repairLayout(source);
    expect(text).toContain('原預計 8 月 19 至 23 日進場施工');
    expect(text).toContain('導於議場地辦理');
    expect(repairLayout(`${TITLE}本期共 12\n\n件。\n`).text).toContain('本期共 12件。');
  });

  it('does not join a finished sentence, a new label, a field or a speaker', () => {
    expect(continuesParagraph('七、110 年度上半年本府活動適用無現金交易執行情形。', '(研考會)')).toBe(false);
    expect(continuesParagraph('會議結論：', '- (一) 請各局處函送議會審議之議法案')).toBe(false);
    expect(continuesParagraph('時間：民國110年7月22日10時0分', '地點：視訊會議')).toBe(false);
    expect(continuesParagraph('貳、報告事項', '一、主任秘書會報會議結論事項執行情形。')).toBe(false);
    expect(continuesParagraph('重要施政成果', '本期總用電量 961 萬 400 度')).toBe(false);
    expect(continuesParagraph('主任秘書會報會議結論事項執行情形', '資訊局陳主秘補充報告：資訊局為調整驗收期程')).toBe(false);
    expect(continuesParagraph('開會日期', '2020-12-22 09:00:00')).toBe(false);
  });

  it('keeps lines apart that a plain line break separates', () => {
    const source = `${TITLE}出席\n黃副市長珊珊、蔡副市長炳坤(公假)、彭副市長振聲\n陳秘書長志銘\n`;
    expect(repairLayout(source).text).toContain('彭副市長振聲\n陳秘書長志銘');
  });

  it('maps repaired text back to source lines', () => {
    const source = `${TITLE}會議結論：目前即將來到年度第 4 季，以提升災害\n\n準備金運作效率及執行成效。\n`;
    const { text, map } = repairLayout(source);
    expect(map.point(text.indexOf('會議結論')).line).toBe(3);
    expect(map.point(text.indexOf('準備金運作')).line).toBe(5);
    expect(map.point(text.indexOf('準備金運作')).column).toBe(1);
  });

  it('removes only white space', () => {
    const source = `${TITLE}一、近期疫情趨緩，並提出解決方式協\n\n助他們」，爰請各局處審慎評估。  \n\n二、有關議員索資。\n`;
    const strip = (text: string) => text.replace(/\s+/g, '');
    expect(strip(repairLayout(source).text)).toBe(strip(source));
  });
});
