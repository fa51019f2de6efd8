import { describe, expect, it } from 'vitest';
import { formatAdDate, formatDate, formatDateSpan, formatRocDate, withLabel } from './format.ts';

describe('dates as the site prints them', () => {
  it('puts the ROC year first with the AD year beside it', () => {
    expect(formatDate('2021-07-22')).toBe('民國110年（2021年）7月22日');
    expect(formatDate(undefined)).toBe('日期不詳');
  });

  it('gives the year once in a span within one year', () => {
    expect(formatDateSpan('2020-01-01', '2020-06-30')).toBe('民國109年（2020年）1月1日至6月30日');
    expect(formatDateSpan('2021-07-22', '2022-09-22')).toBe('民國110年（2021年）7月22日至民國111年（2022年）9月22日');
    expect(formatDateSpan('2021-07-22', '2021-07-22')).toBe('民國110年（2021年）7月22日');
  });

  it('writes either calendar alone', () => {
    expect(formatAdDate('2024-12-17')).toBe('2024年12月17日');
    expect(formatRocDate('2024-12-17')).toBe('民國113年12月17日');
  });

  it('joins a label and its text with a space only after brackets and dots', () => {
    expect(withLabel('(一)', '列管編號 205-1')).toBe('(一) 列管編號 205-1');
    expect(withLabel('一、', '主任秘書會報會議結論事項執行情形。')).toBe('一、主任秘書會報會議結論事項執行情形。');
  });
});
