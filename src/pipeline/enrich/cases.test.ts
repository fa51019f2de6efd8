import { describe, expect, it } from 'vitest';
import { parseCaseActions, subjectKey, tableCaseActions } from './cases.ts';

describe('parseCaseActions', () => {
  it('reads merges, releases and the OCR form 廢續列管', () => {
    const refs = parseCaseActions('列管編號 205-1 併 208-2、209-1、209-3、209-4 等 4 案解除列管；列管編號 204-2、205-2、208-1、209-2 等 4 案廢續列管。');
    // 等 4 案: each case once, 205-1 released as merged into 208-2.
    expect(refs.filter((ref) => ref.action === 'released').map((ref) => ref.id)).toEqual(['205-1', '208-2', '209-1', '209-3', '209-4']);
    expect(refs.filter((ref) => ref.action === 'continued').map((ref) => ref.id)).toEqual(['204-2', '205-2', '208-1', '209-2']);
    expect(refs.slice(0, 2)).toEqual([
      { id: '205-1', action: 'released', mergedInto: '208-2', mergedWith: ['208-2'] },
      { id: '208-2', action: 'released', mergedWith: ['205-1'] },
    ]);
    expect(refs).toHaveLength(9);
  });
  it('reads a merge into a case kept open as merged', () => {
    expect(parseCaseActions('列管編號 205-1 併 208-2 賡續列管')).toEqual([
      { id: '205-1', action: 'merged', into: '208-2', mergedWith: ['208-2'] },
      { id: '208-2', action: 'continued', mergedWith: ['205-1'] },
    ]);
  });
  it('reads 列管案號 lists joined by 及', () => {
    const refs = parseCaseActions('列管案號 9805、10201 及 10203 同意解除列管；列管案號 9903、9904、10104、10202 及 10204 賡續列管。');
    expect(refs.map((ref) => `${ref.id}:${ref.action}`)).toEqual([
      '9805:released',
      '10201:released',
      '10203:released',
      '9903:continued',
      '9904:continued',
      '10104:continued',
      '10202:continued',
      '10204:continued',
    ]);
  });
  it('does not count 等 4 案 as a case; a case named without an action is mentioned', () => {
    expect(parseCaseActions('列管編號 223-1、223-2、223-3 案同意解除列管。').map((ref) => ref.id)).toEqual(['223-1', '223-2', '223-3']);
    expect(parseCaseActions('列管案號 12616 原訂今年 10 月底完工')).toEqual([{ id: '12616', action: 'mentioned' }]);
  });
  it('reads full-width numbers', () => {
    expect(parseCaseActions('列管編號２０４－２賡續列管')).toEqual([{ id: '204-2', action: 'continued' }]);
  });
});

describe('tableCaseActions', () => {
  it('reads the column marked V in a follow-up table', () => {
    const table = {
      header: ['列管編號', '案由及承辦單位', '辦理情形', '解除列管', '繼續列管'],
      rows: [
        ['4-1', '清潔隊收運路線檢討（清潔隊管理科）', '已完成路線調整', 'V', ''],
        ['4-2', '垃圾費隨袋徵收宣導（綜合企劃科）', '辦理中', '', 'V'],
      ],
    };
    expect(tableCaseActions(table)).toEqual([
      { id: '4-1', action: 'released' },
      { id: '4-2', action: 'continued' },
    ]);
  });
  it('keys a row without a case number by its 案由, the same at every meeting that prints it', () => {
    // 衛生局主管會報 (tests/fixtures/layouts/health-executives-8.md): 案由 with the unit in brackets, no number.
    const table = {
      header: ['案由', '辦理情形', '解除列管', '繼續列管'],
      rows: [
        ['登革熱防治宣導（疾病管制科）', '已完成社區宣導', 'V', ''],
        ['長照據點查核（長期照護科）', '查核中', '', 'V'],
        ['', '', '', 'V'],
      ],
    };
    const refs = tableCaseActions(table);
    expect(refs).toEqual([
      { id: subjectKey('登革熱防治宣導（疾病管制科）'), subject: '登革熱防治宣導（疾病管制科）', action: 'released' },
      { id: subjectKey('長照據點查核（長期照護科）'), subject: '長照據點查核（長期照護科）', action: 'continued' },
    ]);
    expect(refs[0]!.id).toMatch(/^s-[0-9a-f]{8}$/);
    // Reprinted with other spacing, full-width brackets or another unit, the row is the same case.
    expect(subjectKey('登革熱防治宣導 (疾病管制科)')).toBe(refs[0]!.id);
    expect(subjectKey('登革熱防治宣導（長期照護科）')).toBe(refs[0]!.id);
    expect(subjectKey('長照據點查核')).not.toBe(refs[0]!.id);
  });
  it('ignores tables that state no status', () => {
    expect(tableCaseActions({ header: ['項目', '金額'], rows: [['1', '100']] })).toEqual([]);
  });
});
