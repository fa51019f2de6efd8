import { describe, expect, it } from 'vitest';
import { formatNumber, odfNumberFormat } from './numbering.ts';

describe('list numbering', () => {
  it('prints numbers in the formats of Chinese list templates', () => {
    expect([1, 2, 10, 11, 20, 23, 100, 105].map((n) => formatNumber(n, 'taiwaneseCountingThousand'))).toEqual([
      '一',
      '二',
      '十',
      '十一',
      '二十',
      '二十三',
      '一百',
      '一百零五',
    ]);
    expect([1, 3, 4, 10, 12].map((n) => formatNumber(n, 'ideographLegalTraditional'))).toEqual(['壹', '參', '肆', '拾', '拾貳']);
    expect([1, 2, 11].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '乙', '甲']);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(5, 'somethingNew')).toBe('5');
  });

  it('reads ODF formats as LibreOffice writes them', () => {
    expect(odfNumberFormat('一, 二, 三, ...')).toBe('taiwaneseCountingThousand');
    expect(odfNumberFormat('壹, 貳, 參, ...')).toBe('ideographLegalTraditional');
    expect(odfNumberFormat('1')).toBe('decimal');
    expect(odfNumberFormat('')).toBe('none');
  });
});
