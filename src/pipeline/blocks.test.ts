import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { toBlocks } from './blocks.ts';
import { parseMarkdown } from './parse.ts';
import { repairFile } from './repair.ts';

function blocks(source: string) {
  const file = repairFile(new VFile({ path: 'a.txt', value: source }));
  return toBlocks(parseMarkdown(file), String(file.value), file.data.sourceMap!);
}

describe('toBlocks', () => {
  it('drops markdown residue and keeps the words, with source lines', () => {
    const result = blocks(
      '# 臺北市政府資訊局 113 年第 12 次局務會議紀錄\n\n**會議結論：**同意備查，本案如能 9 月底前提前完工。\n\n##### **總務組涂組長補充報告：**\n\n- (一) 有關風險評估作業暨內控作業\n',
    );
    expect(result.map((block) => block.text)).toEqual([
      '臺北市政府資訊局 113 年第 12 次局務會議紀錄',
      '會議結論：同意備查，本案如能 9 月底前提前完工。',
      '總務組涂組長補充報告：',
      '(一) 有關風險評估作業暨內控作業',
    ]);
    expect(result.map((block) => block.line)).toEqual([1, 3, 5, 7]);
    expect(result[2]).toMatchObject({ heading: 5, bold: true });
  });

  it('keeps ordered-list numbers, which are labels, and splits lines a plain break separates', () => {
    const result = blocks(
      '標題\n\n四、有關台北通實聯制推廣精進計畫：\n\n1. 與各局處業務相關之公會、工會與協會。\n2. 各局處業務相關或轄管之外部單位。\n\n四、有關 110 年第 1 季案。（法務局）\n會議結論：建管處訴願答辯逾期案件數量多。\n',
    );
    expect(result.map((block) => block.text)).toEqual([
      '標題',
      '四、有關台北通實聯制推廣精進計畫：',
      '1. 與各局處業務相關之公會、工會與協會。',
      '2. 各局處業務相關或轄管之外部單位。',
      '四、有關 110 年第 1 季案。（法務局）',
      '會議結論：建管處訴願答辯逾期案件數量多。',
    ]);
  });

  it('keeps autolinked addresses without their brackets', () => {
    const [, block] = blocks('標題\n\n(二) 申請方式 (<https://mycodeplus.gov.taipei/>)；如有大量申請需求\n');
    expect(block!.text).toBe('(二) 申請方式 (https://mycodeplus.gov.taipei/)；如有大量申請需求');
  });

  it('reads GFM tables as tables', () => {
    const [, table] = blocks('標題\n\n| 列管編號 | 案由 | 解除列管 | 繼續列管 |\n| --- | --- | --- | --- |\n| 4-1 | 清潔隊收運路線檢討 | V |  |\n');
    expect(table!.table).toEqual({ header: ['列管編號', '案由', '解除列管', '繼續列管'], rows: [['4-1', '清潔隊收運路線檢討', 'V', '']] });
    expect(table!.line).toBe(3);
  });
});
