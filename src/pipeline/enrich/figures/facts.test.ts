/**
 * Facts and arithmetic on the sentences of 施政成果報告 (the sample report's 重要施政成果 and
 * 已實施之創新作為). Where a test needs a sum or a change that does not agree, it takes a real
 * sentence and changes one figure, and says so.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from './index.ts';
import { findPeriods } from './period.ts';

/** The period of the sample report, 109 年 1-6 月. */
const report = { period: { start: '2020-01-01', end: '2020-06-30' } };
const figures = (text: string) => readFigures(text, report);
const brief = (text: string) => figures(text).map((figure) => [figure.role, figure.text, figure.indicator ?? '']);

const ELECTRICITY = '節電部分：本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,800 度，減少 1.48%。';

describe('a value compared with a baseline, with the change stated', () => {
  it('reads the indicator, the report period, the baseline and its period, and both changes', () => {
    const [value, baseline, amount, percent] = figures(ELECTRICITY);
    expect(value).toMatchObject({
      role: 'value',
      text: '961 萬 400 度',
      value: '9610400',
      unit: 'kWh',
      indicator: '總用電量',
      period: { text: '本期', start: '2020-01-01', end: '2020-06-30' },
      baseline: { value: '9755200', text: '975 萬 5,200 度', period: { text: '108 年同期', start: '2019-01-01', end: '2019-06-30' } },
      change: { direction: 'decrease', amount: { value: '144800', text: '14 萬 4,800 度' }, percent: { value: '1.48', text: '1.48%' } },
      computed: { amount: '-144800', percent: '-1.48' },
      check: 'agrees',
    });
    expect(value!.note).toBeUndefined();
    expect(baseline).toMatchObject({ role: 'baseline', indicator: '總用電量', period: { text: '108 年同期' } });
    expect(amount).toMatchObject({ role: 'change', direction: 'decrease', unit: 'kWh', comparedWith: { text: '108 年同期' } });
    expect(percent).toMatchObject({ role: 'change', direction: 'decrease', unit: '%' });
  });

  it('checks the water and fuel sentences too; 度 of water is a cubic metre', () => {
    const [water] = figures('節水部分：本期總用水量 7 萬 1,378 度，與 108 年同期 7 萬 3,371 度比較，計減少 1,993 度，減少 2.72%。');
    expect(water).toMatchObject({ indicator: '總用水量', unit: 'm³', dimension: 'volume', computed: { amount: '-1993', percent: '-2.72' }, check: 'agrees' });
    const [fuel] = figures('節油部分：本期公務車輛汽油使用量 8,492.54 公升，與 108 年同期 8,629.9 公升比較，計減少 137.36 公升，減少 1.59%。');
    expect(fuel).toMatchObject({ indicator: '公務車輛汽油使用量', unit: 'L', computed: { amount: '-137.36', percent: '-1.59' }, check: 'agrees' });
  });

  it('notes a percentage beyond the printed rounding (the electricity sentence with 960 萬 9,800 度 and 14 萬 5,400 度)', () => {
    const [value] = figures('本期總用電量 960 萬 9,800 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 5,400 度，減少 1.48%。');
    expect(value).toMatchObject({ check: 'disagrees', computed: { percent: '-1.49' }, note: '減少 1.48%，依所列數字計算為 1.49%' });
  });

  it('notes a change amount that is not value minus baseline (14 萬 4,900 度 for 14 萬 4,800)', () => {
    const [value] = figures('本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,900 度，減少 1.48%。');
    expect(value).toMatchObject({ check: 'disagrees', note: '計減少 14 萬 4,900 度，依所列數字計算為 144,800 度' });
  });

  it('notes a direction the figures contradict (增加 for a fall)', () => {
    const [value] = figures('本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計增加 14 萬 4,800 度，增加 1.48%。');
    expect(value!.check).toBe('disagrees');
    expect(value!.note).toBe('計增加 14 萬 4,800 度，依所列數字計算為減少 144,800 度；增加 1.48%，依所列數字計算為減少 1.48%');
  });

  it('allows for figures printed to a magnitude: 961 萬 and 976 萬 may be 9,610,400 and 9,755,200', () => {
    const [value] = figures('本期總用電量 961 萬度，與 108 年同期 976 萬度比較，減少 1.48%。');
    expect(value).toMatchObject({ check: 'agrees', computed: { amount: '-150000', percent: '-1.54' } });
  });

  it('checks the percentage from the value and the change when no baseline is printed', () => {
    const [value] = figures('本期總用電量 961 萬 400 度，較 108 年同期減少 14 萬 4,800 度，減少 1.48%。');
    expect(value).toMatchObject({ check: 'agrees', change: { direction: 'decrease' }, computed: { percent: '-1.48' } });
    expect(value!.baseline).toBeUndefined();
  });

  it('does not check a hedged figure', () => {
    const [value] = figures('本期總用電量約 961 萬度，與 108 年同期 975 萬 5,200 度比較，減少 1.48%。');
    expect(value!.check).toBeUndefined();
    expect(value!.qualifier).toBe('about');
  });

  it('reads percentage points as the change of a percentage', () => {
    const [value] = figures('公文採線上簽核比率高達 94.8%，較 108 年同期 92.3% 增加 2.5 個百分點。');
    expect(value).toMatchObject({ change: { points: { value: '2.5' } }, computed: { points: '2.5' }, check: 'agrees' });
  });
});

describe('comparisons without a stated amount', () => {
  it('checks the direction of 超越', () => {
    const text = '整體公文線上簽核件數達 176 萬 1,000 餘件，公文採線上簽核比率高達 94.8%，超越 108 年 92.3% 平均值。';
    const found = figures(text);
    expect(found.map((figure) => figure.role)).toEqual(['value', 'value', 'baseline']);
    expect(found[1]).toMatchObject({
      indicator: '公文採線上簽核比率',
      baseline: { value: '92.3', period: { text: '108 年', start: '2019-01-01', end: '2019-12-31' } },
      change: { direction: 'increase' },
      check: 'agrees',
    });
  });

  it('reads a change against a base period with no value printed', () => {
    const [change] = figures('配合環保局廚餘減量政策，109 年 1 月至 6 月廚餘量較 107 年基期月減量 36%。');
    expect(change).toMatchObject({
      role: 'change',
      indicator: '廚餘量',
      direction: 'decrease',
      period: { start: '2020-01-01', end: '2020-06-30' },
      comparedWith: { text: '107 年基期', start: '2018-01-01' },
    });
  });

  it('does not take 節省 without a comparison for a change', () => {
    expect(brief('本期計搭設活動式舞臺 3 場次，燈光音響 3 場次，節省 10 萬 5,000 元。')).toEqual([
      ['value', '3 場次', '搭設活動式舞臺'],
      ['value', '3 場次', '燈光音響'],
      ['value', '10 萬 5,000 元', '節省'],
    ]);
  });
});

describe('totals', () => {
  it('adds the parts before 計', () => {
    const found = figures('綜合諮詢服務：本期提供市政業務諮詢服務 2,949 件；協處市民個別陳情 69 件、民眾集體陳情 9 件，計 78 件。');
    expect(found.map((figure) => figure.role)).toEqual(['value', 'value', 'value', 'total']);
    expect(found[3]).toMatchObject({ parts: ['69 件', '9 件'], computed: { total: '78' }, check: 'agrees' });
  });

  it('notes a total that is not the sum (the sentence with 6,604 件 for 6,603)', () => {
    const [, , , total] = figures('專業諮詢服務：本期提供法律諮詢 4,672 件，建築諮詢 1,015 件，地政諮詢 916 件，計 6,604 件。');
    expect(total).toMatchObject({ role: 'total', check: 'disagrees', note: '6,604 件，依所列數字計算為 6,603 件' });
  });
});

describe('indicators', () => {
  it('is the phrase before the number without period and linking verbs', () => {
    expect(brief('本期市政大樓各大門志工服務臺服務 8 萬 5,726 人次，文宣資料發送 1 萬 9,015 件。')).toEqual([
      ['value', '8 萬 5,726 人次', '市政大樓各大門志工服務臺服務'],
      ['value', '1 萬 9,015 件', '文宣資料發送'],
    ]);
    expect(brief('本期升降設備電力回饋 2 萬 677 度，達用電比率 27.44%。')).toEqual([
      ['value', '2 萬 677 度', '升降設備電力回饋'],
      ['value', '27.44%', '用電比率'],
    ]);
  });

  it('takes the counted noun when the phrase is only a verb, and the previous indicator in a list', () => {
    expect(brief('執行財物、勞務及工程採購：本期完成 5 件招標案，總決標金額 325 萬餘元')).toEqual([
      ['value', '5 件', '完成招標案'],
      ['value', '325 萬餘元', '總決標金額'],
    ]);
    expect(brief('本期計接待國際貴賓 14 團、94 人')).toEqual([
      ['value', '14 團', '接待國際貴賓'],
      ['value', '94 人', '接待國際貴賓'],
    ]);
  });

  it('gives none for a figure closing a list (…新加坡等六國)', () => {
    expect(brief('紐西蘭、澳洲、英國、美國、加拿大、新加坡等六國駐華辦事處代表')).toEqual([['value', '六國', '']]);
  });
});

describe('periods', () => {
  const periodsOf = (text: string, context = report) =>
    findPeriods(text, context).map((mention) => [mention.period.text, mention.period.start, mention.period.end]);

  it('resolves the forms reports print', () => {
    expect(periodsOf('本期')).toEqual([['本期', '2020-01-01', '2020-06-30']]);
    expect(periodsOf('與 108 年同期')).toEqual([['108 年同期', '2019-01-01', '2019-06-30']]);
    expect(periodsOf('去年同期')).toEqual([['去年同期', '2019-01-01', '2019-06-30']]);
    expect(periodsOf('上期')).toEqual([['上期', '2019-07-01', '2019-12-31']]);
    expect(periodsOf('109 年 1 月至 6 月')).toEqual([['109 年 1 月至 6 月', '2020-01-01', '2020-06-30']]);
    expect(periodsOf('自 109 年 1 月 1 日至 109 年 6 月 30 日止')).toEqual([['自 109 年 1 月 1 日至 109 年 6 月 30 日止', '2020-01-01', '2020-06-30']]);
    expect(periodsOf('截至 109 年 6 月底止')).toEqual([['截至 109 年 6 月底止', undefined, '2020-06-30']]);
    expect(periodsOf('109 年度上半年')).toEqual([['109 年度上半年', '2020-01-01', '2020-06-30']]);
    expect(periodsOf('(107 年至 108 年)')).toEqual([['107 年至 108 年', '2018-01-01', '2019-12-31']]);
  });

  it('is not a day (108 年 12 月 24 日) nor a year a phrase starts from (109 年起)', () => {
    expect(periodsOf('於 108 年 12 月 24 日獲本市議會審議通過')).toEqual([]);
    expect(periodsOf('109 年起連續 4 年')).toEqual([]);
  });
});
