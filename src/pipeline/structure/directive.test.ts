import { describe, expect, it } from 'vitest';
import { isDirective } from './directive.ts';

describe('isDirective', () => {
  it('reads a request, a hand-over or an obligation as directing someone', () => {
    // 第113年第12次資訊局局務會議, 第224次主任秘書會報 and the 衛生局 主管會報 of tests/fixtures/layouts.
    expect(isDirective('請各單位注意今年預算執行情形，應支付費用請儘速核銷；另明年預算請預先規劃用途。')).toBe(true);
    expect(isDirective('各機關同仁若有寄至市政大樓之信件、包裹，請務必註明現行任職之機關名稱')).toBe(true);
    expect(isDirective('有關市民陳情案件，交疾病管制科研處，並由長期照護科統籌後續追蹤。')).toBe(true);
    expect(isDirective('各科室應於 8 月 20 日前完成個資盤點，感謝資訊室協助。')).toBe(true);
    expect(isDirective('綜合企劃科：請各科於 3 月底前提報節能措施。')).toBe(true);
  });
  it('does not read a report, a date or a thank-you as a directive, whatever its words', () => {
    expect(isDirective('疾病管制科：登革熱孳生源清除已於 7 月底完成。')).toBe(false);
    expect(isDirective('食品藥物管理科：中秋節應景食品抽驗計畫已函送財政局及教育局參考。')).toBe(false);
    expect(isDirective('113 年度預算支付截止日期為 114 年 1 月 15 日。')).toBe(false);
    expect(isDirective('市府 B1 治理中心散熱空調、環控改善預計於本月底完工，感謝治理中心處理與進行相關協調事宜。')).toBe(false);
    expect(isDirective('申請補助之同仁已完成核銷。')).toBe(false);
  });
});
