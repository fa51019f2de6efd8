/**
 * The quantity parser on the forms the city prints (the sample report and minutes, and the forms
 * issue 19 lists, including those the npm packages get wrong: 「961萬400」, 「3億2000萬」, spaces and
 * thousands separators inside the number).
 */
import { describe, expect, it } from 'vitest';
import { findQuantities, readNumbers } from './quantity.ts';
import { unitOf } from './units.ts';

/** The one quantity of a text: value, unit code, qualifier and the text printed. */
function one(text: string) {
  const found = findQuantities(text);
  expect(found, `quantities in 「${text}」`).toHaveLength(1);
  const [quantity] = found;
  return { value: quantity!.value, unit: quantity!.unit?.code, qualifier: quantity!.qualifier, text: quantity!.text };
}
const kinds = (text: string) => readNumbers(text).map((reading) => [reading.kind, reading.text]);
const values = (text: string) => findQuantities(text).map((quantity) => `${quantity.value} ${quantity.unit?.code ?? ''}`.trim());

describe('numbers mixed with 兆/億/萬/千', () => {
  it('reads a group after 萬 with spaces and a thousands separator: 「961 萬 400」, 「14 萬 4,800」', () => {
    expect(one('本期總用電量 961 萬 400 度')).toMatchObject({ value: '9610400', unit: 'kWh', text: '961 萬 400 度' });
    expect(one('計減少 14 萬 4,800 度')).toMatchObject({ value: '144800', text: '14 萬 4,800 度' });
    expect(one('本期升降設備電力回饋 2 萬 677 度')).toMatchObject({ value: '20677', text: '2 萬 677 度' });
  });

  it('reads them without spaces: 「961萬400」, 「3億2000萬」', () => {
    expect(one('961萬400').value).toBe('9610400');
    expect(one('3億2000萬').value).toBe('320000000');
  });

  it('reads 億 and 萬 groups before a unit of money: 「1,254 億 3,200 萬元」 = 125,432,000,000 元', () => {
    expect(one('1,254 億 3,200 萬元')).toEqual({ value: '125432000000', unit: 'TWD', qualifier: undefined, text: '1,254 億 3,200 萬元' });
  });

  it('multiplies decimals exactly: 「12.5 萬」 = 125,000, 4.52 萬 = 45,200, never 45,199.999…', () => {
    expect(one('12.5 萬').value).toBe('125000');
    expect(one('4.52 萬').value).toBe('45200');
    expect(one('本期公務車輛汽油使用量 8,492.54 公升').value).toBe('8492.54');
    expect(one('本期累積放電量 5,956.6 度。').value).toBe('5956.6');
  });

  it('keeps the printed rounding as the place of the last digit', () => {
    expect(findQuantities('12.5 萬')[0]!.step).toBe('1000');
    expect(findQuantities('本期總用電量 961 萬 400 度')[0]!.step).toBe('1');
    expect(findQuantities('總決標金額 325 萬餘元')[0]!.step).toBe('10000');
    expect(findQuantities('減少 1.48%')[0]!.step).toBe('0.01');
  });

  it('does not take a group after 萬 that is 萬 or more, nor a comma without three digits', () => {
    expect(values('12 萬 34567 件')).toEqual(['120000', '34567 件']);
    expect(values('1,23 件')).toEqual(['1', '23 件']);
  });

  it('reads full-width digits and separators as printed', () => {
    expect(one('計 １，０６７ 件')).toMatchObject({ value: '1067', unit: '件', text: '１，０６７ 件' });
    expect(one('減少１．４８％')).toMatchObject({ value: '1.48', unit: '%', text: '１．４８％' });
  });
});

describe('Chinese numerals', () => {
  it('reads 一百二十三, 兩, 十二 and the colloquial 兩萬三', () => {
    expect(one('一百二十三人').value).toBe('123');
    expect(one('兩人').value).toBe('2');
    expect(one('十二件').value).toBe('12');
    expect(one('一千零五十元').value).toBe('1050');
    expect(one('兩萬三千人').value).toBe('23000');
    expect(one('兩萬三人').value).toBe('23000');
  });

  it('reads 二〇二四 digit by digit, as a year before 年', () => {
    expect(kinds('二〇二四年')).toEqual([['year', '二〇二四年']]);
  });

  it('counts a numeral before a measure word and leaves the words it is part of', () => {
    expect(one('紐西蘭、澳洲、英國、美國、加拿大、新加坡等六國駐華辦事處代表')).toMatchObject({ value: '6', unit: '國', text: '六國' });
    // 三合一 (a name), 一案 (the matter of), 統一, 兩市 (both cities), 十分 (very): no quantity.
    expect(findQuantities('完成檔案管理績效三合一填報及稽核作業')).toEqual([]);
    expect(findQuantities('本市與捷克布拉格締結姊妹市一案於 108 年 12 月 24 日獲本市議會審議通過')).toEqual([]);
    expect(findQuantities('市政大樓公務車輛統一調派管理系統')).toEqual([]);
    expect(findQuantities('見證兩市簽署動物園交流')).toEqual([]);
    expect(findQuantities('意義十分重大')).toEqual([]);
  });
});

describe('qualifiers', () => {
  it('餘 and 多 are "more than", before or after 萬', () => {
    expect(one('總決標金額 325 萬餘元')).toEqual({ value: '3250000', unit: 'TWD', qualifier: 'more-than', text: '325 萬餘元' });
    expect(one('整體公文線上簽核件數達 176 萬 1,000 餘件')).toMatchObject({ value: '1761000', qualifier: 'more-than', text: '176 萬 1,000 餘件' });
    expect(one('寄送本市姊妹市等 70 餘個國際友好城市')).toMatchObject({ value: '70', unit: '個', qualifier: 'more-than' });
    expect(one('3 萬多人')).toMatchObject({ value: '30000', unit: '人', qualifier: 'more-than' });
    // 餘 before the magnitude: more than 10 萬, not 10 with no unit.
    expect(one('服務 10 餘萬人次')).toMatchObject({ value: '100000', unit: '人次', qualifier: 'more-than', text: '10 餘萬人次' });
    expect(one('經費 3 多億元')).toMatchObject({ value: '300000000', unit: 'TWD', qualifier: 'more-than' });
  });

  it('約 and 大約 are "about", 逾 and 超過 "over", 近 and 將近 "nearly", the word in the span', () => {
    expect(one('1 月至 6 月共使用約 1,237.6 公升')).toMatchObject({ value: '1237.6', unit: 'L', qualifier: 'about', text: '約 1,237.6 公升' });
    expect(one('估計每年節電效益約 121 萬度')).toMatchObject({ value: '1210000', unit: 'kWh', qualifier: 'about', text: '約 121 萬度' });
    expect(one('大約 30 人')).toMatchObject({ qualifier: 'about', text: '大約 30 人' });
    expect(one('七月份加班超過 45 小時的同仁')).toMatchObject({ value: '45', unit: '小時', qualifier: 'over', text: '超過 45 小時' });
    expect(one('第 1 次加班逾 45 小時')).toMatchObject({ qualifier: 'over', text: '逾 45 小時' });
    expect(one('近 500 件')).toMatchObject({ qualifier: 'nearly', text: '近 500 件' });
    expect(one('將近 500 件')).toMatchObject({ qualifier: 'nearly', text: '將近 500 件' });
    expect(one('年度執行率 95%以上')).toMatchObject({ value: '95', unit: '%', qualifier: 'at-least', text: '95%以上' });
  });

  it('does not read 約 in 節約 or 契約, nor 近 in 最近 or 近 3 年 ("the last three years")', () => {
    expect(one('節約 100 度').qualifier).toBeUndefined();
    expect(one('最近 3 個月').qualifier).toBeUndefined();
    expect(one('近 3 年').qualifier).toBeUndefined();
  });
});

describe('percentages and percentage points', () => {
  it('tells a percentage from percentage points (百分點)', () => {
    expect(one('減少 1.48%')).toMatchObject({ value: '1.48', unit: '%' });
    expect(one('增加 2.5 個百分點')).toMatchObject({ value: '2.5', unit: 'pp', text: '2.5 個百分點' });
    expect(one('上升 3 百分點')).toMatchObject({ value: '3', unit: 'pp' });
    expect(one('百分之三十')).toMatchObject({ value: '30', unit: '%', text: '百分之三十' });
  });
});

describe('numbers that are not quantities', () => {
  it('ROC and AD years are years', () => {
    expect(kinds('與 108 年同期 975 萬 5,200 度比較')).toEqual([
      ['year', '108 年'],
      ['quantity', '975 萬 5,200 度'],
    ]);
    expect(kinds('民國110年7月22日')).toEqual([
      ['year', '110年'],
      ['date', '7月'],
      ['date', '22日'],
    ]);
    expect(kinds('109 年度上半年重要施政成果')).toEqual([['year', '109 年度']]);
    expect(kinds('要求各機關著手清理 95 年以前已屆保存年限檔案')).toEqual([['year', '95 年']]);
    expect(kinds('邀請觀傳局報告 2020 臺北國際燈節')).toEqual([['year', '2020']]);
  });

  it('a number of years is a duration: 連續 4 年', () => {
    expect(kinds('109 年起連續 4 年（109 年至 112 年）辦理')).toEqual([
      ['year', '109 年'],
      ['quantity', '4 年'],
      ['year', '109 年'],
      ['year', '112 年'],
    ]);
  });

  it('dates, months in ranges and lists, and times of day', () => {
    expect(kinds('109 年 1 月 12 日至 22 日')).toEqual([
      ['year', '109 年'],
      ['date', '1 月'],
      ['date', '12 日'],
      ['date', '22 日'],
    ]);
    expect(kinds('初步統計 1 至 7 月')).toEqual([
      ['date', '1'],
      ['date', '7 月'],
    ]);
    expect(kinds('5、6 月受疫情影響')).toEqual([
      ['date', '5'],
      ['date', '6 月'],
    ]);
    expect(kinds('散會（上午 11 時 36 分）')).toEqual([['time', '11 時 36 分']]);
    expect(kinds('2020-12-22 09:00:00')).toEqual([
      ['date', '2020-12-22'],
      ['time', '09:00:00'],
    ]);
  });

  it('ordinals and session numbers, labels and floors', () => {
    expect(kinds('彙編市議會第 13 屆第 3 次定期大會')).toEqual([
      ['ordinal', '13'],
      ['ordinal', '3'],
    ]);
    expect(kinds('宣讀本府110年6月25日第209次主任秘書會報紀錄')).toEqual([
      ['year', '110年'],
      ['date', '6月'],
      ['date', '25日'],
      ['ordinal', '209'],
    ]);
    expect(kinds('(1)')).toEqual([['label', '1']]);
    expect(kinds('本期計租借 1 樓中庭 6 場次')).toEqual([
      ['label', '1 樓'],
      ['quantity', '6 場次'],
    ]);
  });

  it('case numbers and the lists after 列管編號 and 案號', () => {
    expect(kinds('列管編號 205-1 併 208-2、209-1、209-3、209-4 等 4 案解除列管')).toEqual([
      ['identifier', '205-1'],
      ['identifier', '208-2'],
      ['identifier', '209-1'],
      ['identifier', '209-3'],
      ['identifier', '209-4'],
      ['quantity', '4 案'],
    ]);
    expect(kinds('列管編號 223-1、223-2、223-3 案同意解除列管')).toEqual([
      ['identifier', '223-1'],
      ['identifier', '223-2'],
      ['identifier', '223-3'],
    ]);
    expect(kinds('列管案號 9805、10201')).toEqual([
      ['identifier', '9805'],
      ['identifier', '10201'],
    ]);
    expect(kinds('電話：1999 轉 6053')).toEqual([['identifier', '1999 轉 6053']]);
  });

  it('numbers inside names: 5G, A4, 「2020 臺北上海城市論壇」, 《臺北市年鑑 2019》', () => {
    expect(findQuantities('考察赫爾辛基 5G 建設')).toEqual([]);
    expect(findQuantities('計節約 A4 用紙 798 萬餘張').map((quantity) => quantity.text)).toEqual(['798 萬餘張']);
    expect(findQuantities('7 月 22 日辦理「2020 臺北上海城市論壇」')).toEqual([]);
    expect(findQuantities('《臺北市年鑑 2019》業依編印期程於 109 年 6 月底發行')).toEqual([]);
    expect(findQuantities('「大於 26 日公文辦理情形」查核簽報事宜')).toEqual([]);
  });
});

describe('units', () => {
  it('度 is kWh; 元 and its scaled forms are TWD', () => {
    expect(one('本期太陽能光電發電度數 2,371.2 度。')).toMatchObject({ value: '2371.2', unit: 'kWh' });
    expect(one('共收費 1 萬 5,000 元')).toMatchObject({ value: '15000', unit: 'TWD' });
    expect(one('經費 5,000 千元')).toMatchObject({ value: '5000000', unit: 'TWD' });
    expect(one('1.2 億元')).toMatchObject({ value: '120000000', unit: 'TWD' });
    expect(one('新臺幣 3,000 元')).toMatchObject({ value: '3000', unit: 'TWD', text: '新臺幣 3,000 元' });
    expect(unitOf('千元')).toEqual({ printed: '千元', code: 'TWD', dimension: 'money', scale: 3 });
    expect(unitOf('萬元').scale).toBe(4);
    expect(unitOf('億元').scale).toBe(8);
  });

  it('公升, 公噸, 公頃 and 平方公尺 as their SI symbols', () => {
    expect(one('8,629.9 公升').unit).toBe('L');
    expect(one('12 公噸').unit).toBe('t');
    expect(one('3.5 公頃').unit).toBe('ha');
    expect(one('1,200 平方公尺').unit).toBe('m²');
  });

  it('counts keep their measure word, the longest printed: 人次 before 人, 場次 before 場', () => {
    expect(values('本期市政大樓各大門志工服務臺服務 8 萬 5,726 人次，文宣資料發送 1 萬 9,015 件。')).toEqual(['85726 人次', '19015 件']);
    expect(values('本期計租借 1 樓中庭 6 場次、市民廣場 4 場次')).toEqual(['6 場次', '4 場次']);
    expect(values('現有公務汽車 11 輛及機車 1 輛')).toEqual(['11 輛', '1 輛']);
    expect(values('經管市有建物 11 筆、市有土地 4 筆')).toEqual(['11 筆', '4 筆']);
    expect(values('單房間職務宿舍 123 間')).toEqual(['123 間']);
    expect(values('本期完成 5 件招標案')).toEqual(['5 件']);
    expect(values('本期計接待國際貴賓 14 團、94 人')).toEqual(['14 團', '94 人']);
    expect(values('赴歐洲訪問 4 國 4 城市')).toEqual(['4 國', '4 城市']);
  });

  it('keeps a unit it does not know as printed', () => {
    expect(findQuantities('於市政大樓 4 大門及停車場出入口')[0]!.unit).toEqual({ printed: '大門', code: '大門', dimension: 'other', scale: 0 });
  });

  it('gives the first bound of a range the unit after the second', () => {
    expect(values('3-5 人')).toEqual(['3 人', '5 人']);
    expect(values('3 至 5 人')).toEqual(['3 人', '5 人']);
  });
});

describe('spans', () => {
  it('every quantity keeps its exact span in the text', () => {
    const text = '(1)節電部分：本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,800 度，減少 1.48%。';
    const found = findQuantities(text);
    expect(found.map((quantity) => quantity.text)).toEqual(['961 萬 400 度', '975 萬 5,200 度', '14 萬 4,800 度', '1.48%']);
    for (const quantity of found) expect(text.slice(quantity.start, quantity.end)).toBe(quantity.text);
    expect(found.map((quantity) => quantity.number)).toEqual(['961 萬 400', '975 萬 5,200', '14 萬 4,800', '1.48']);
  });
});
