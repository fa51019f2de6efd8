import { describe, expect, it } from 'vitest';
import { cjkNumber, readLabel, startsStructure, stripResidue } from './labels.ts';

describe('readLabel', () => {
  it('reads every label kind the documents use', () => {
    expect(readLabel('貳、報告事項')).toEqual({ kind: 'heavenly', text: '貳、', value: 2 });
    expect(readLabel('四、有關 110 年 1 月至 3 月')).toEqual({ kind: 'cjk', text: '四、', value: 4 });
    expect(readLabel('(二十三) 今年新進人員較多')).toEqual({ kind: 'cjk-paren', text: '(二十三)', value: 23 });
    expect(readLabel('（一）請各局處協助')?.kind).toBe('cjk-paren');
    expect(readLabel('1. 推動節約能源措施')).toEqual({ kind: 'arabic', text: '1.', value: 1 });
    expect(readLabel('2.積極參加國際組織')).toMatchObject({ kind: 'arabic', value: 2 });
    expect(readLabel('(1)節電部分：本期總用電量')).toEqual({ kind: 'arabic-paren', text: '(1)', value: 1 });
    expect(readLabel('• 綜合企劃科：')).toMatchObject({ kind: 'bullet' });
    expect(readLabel('第二案')).toMatchObject({ kind: 'ordinal', value: 2 });
    expect(readLabel('六、 散會：下午 4 時 13 分')).toMatchObject({ kind: 'cjk', value: 6 });
  });

  it('does not read numbers in running text as labels', () => {
    expect(readLabel('110 年度上半年本府活動')).toBeUndefined();
    expect(readLabel('2.5 億元')).toBeUndefined();
    expect(readLabel('會議結論：紀錄確定。')).toBeUndefined();
  });
});

describe('cjkNumber', () => {
  it('reads CJK numerals', () => {
    expect(cjkNumber('十')).toBe(10);
    expect(cjkNumber('二十一')).toBe(21);
    expect(cjkNumber('一百零五')).toBe(105);
    expect(cjkNumber('二一三〇')).toBe(2130);
    expect(cjkNumber('報告')).toBeUndefined();
  });
});

describe('stripResidue and startsStructure', () => {
  it('removes list markers, heading hashes and emphasis', () => {
    expect(stripResidue('- (一) 列管編號 205-1')).toBe('(一) 列管編號 205-1');
    expect(stripResidue('##### **總務組涂組長補充報告：**')).toBe('總務組涂組長補充報告：');
    expect(stripResidue('**會議結論：**同意備查')).toBe('會議結論：同意備查');
  });
  it('recognises the start of a unit', () => {
    expect(startsStructure('- (二) 請各局處')).toBe(true);
    expect(startsStructure('公管中心趙主任補充說明：列管案號 12616')).toBe(true);
    expect(startsStructure('可借鏡學習其他區公所之作法。')).toBe(false);
    expect(startsStructure('標，若流標將採後續擴充方式處理。')).toBe(false);
  });
});
