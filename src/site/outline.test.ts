import { describe, expect, it } from 'vitest';
import type { Item } from '../model/types.ts';
import { newItem } from '../pipeline/structure/outline.ts';
import { addedTopics, headingLevel, itemShape, labelPath } from './outline.ts';

const item = (fields: Partial<Item>): Item => ({ ...newItem('', '', 1), anchor: 'item-1', ...fields });

describe('outline', () => {
  it('gives sections h2, their items h3 and deeper items one level more, h6 at most', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(headingLevel)).toEqual([2, 3, 4, 5, 6, 6, 6]);
  });

  it('keeps a title with anything under it whole, however long', () => {
    const title = '本府各相關機關動支111年度本市總預算災害準備金，其中屬加班費及預撥救災、緊急搶修等經費案件截至111年8月31日止之執行情形。';
    expect(itemShape(item({ label: '四、', title, resolutions: [{} as Item['resolutions'][number]] }))).toEqual({ heading: title });
    expect(itemShape(item({ label: '1.', title: '推動節約能源措施' }))).toEqual({ heading: '推動節約能源措施' });
  });

  it('titles a long leaf paragraph by its lead before the colon, the rest in regular text', () => {
    const title = '節電部分：本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,800 度，減少 1.48%。';
    const shape = itemShape(item({ label: '(1)', title }));
    expect(shape).toEqual({
      heading: '節電部分：',
      prose: '本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,800 度，減少 1.48%。',
    });
    expect(`${shape.heading}${shape.prose}`).toBe(title);
  });

  it('reads a long leaf paragraph without a lead as a paragraph', () => {
    const title =
      '市政大樓為降低夏季尖峰時程使用之市電，於大樓內試辦小型儲能系統之設置，該系統係利用夜間離峰用電時段儲存電能，於日間尖峰用電時段進行放電供應大樓照明插座迴路，以抑低尖峰負載用電，並兼具節流與電力調度效益。本期累積放電量 5,956.6 度。';
    expect(itemShape(item({ label: '(二)', title }))).toEqual({ prose: title });
  });

  it('joins the labels of the enclosing items, skipping unlabelled ones', () => {
    expect(labelPath(['', '一、', '(一)', '1.'])).toBe('一、(一)1.');
  });

  it('shows only the topics the parent item does not have', () => {
    const parent = item({ topics: ['energy-saving'] });
    expect(addedTopics(item({ topics: ['energy-saving', 'official-vehicles'] }), parent)).toEqual(['official-vehicles']);
    expect(addedTopics(item({ topics: ['energy-saving'] }))).toEqual(['energy-saving']);
  });
});
