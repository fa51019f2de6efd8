/**
 * Figures placed in the document model: anchors, source lines, the warning for a disagreement, and
 * minutes' resolutions read for money and counts only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../../../tests/fixtures/archive.ts';
import { loadRegistries } from '../../../ingest/registries.ts';
import { processSource } from '../../index.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const run = (text: string, path: string) => processSource(new TextEncoder().encode(text), path, registries).document;

describe('figures in the document model', () => {
  it('warns with file:line:column where a stated change disagrees, and keeps the text as printed', () => {
    // The sample report's head and its electricity sentence, with 960 萬 9,800 度 and 14 萬 5,400 度 for
    // 961 萬 400 度 and 14 萬 4,800 度: 145,400 / 9,755,200 is 1.49%, not the 1.48% printed.
    const sentence = '- (1)節電部分：本期總用電量 960 萬 9,800 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 5,400 度，減少 1.48%。';
    const text = [
      '臺北市政府秘書處 109 年 1-6 月施政成果報告',
      '',
      '資料截止日期：109 年 6 月 30 日',
      '',
      '重要施政成果',
      '',
      '一、109 年度上半年重要施政成果',
      '',
      sentence,
      '',
    ].join('\n');
    const document = run(text, 'content/reports/x.txt');
    const column = sentence.indexOf('960 萬 9,800 度') + 1;
    expect(document.warnings).toEqual([
      `content/reports/x.txt:9:${column} the figures do not add up: 總用電量 「減少 1.48%，依所列數字計算為 1.49%」 (960 萬 9,800 度 against 108 年同期 975 萬 5,200 度); the text is published as printed, with this note`,
    ]);
    const [value] = document.figures!;
    expect(value).toMatchObject({ anchor: 'item-1-1-1', field: 'text', line: 9, check: 'disagrees', note: '減少 1.48%，依所列數字計算為 1.49%' });
    expect(document.items[0]!.items[0]!.items[0]!.text).toContain('減少 1.48%');
  });

  it("reads money and counts in minutes' resolutions, not their percentages or item text", () => {
    const path = 'content/minutes/taipei-chief-secretaries-meeting-210.txt';
    const { document } = processSource(readFileSync(join(ARCHIVE, path)), path, registries);
    const figures = document.figures!.map((figure) => [figure.anchor, figure.text, figure.unit]);
    expect(figures).toContainEqual(['res-2-1-1', '4 案', '案']);
    expect(figures).toContainEqual(['res-2-3-3', '5 個', '個']);
    expect(document.figures!.every((figure) => figure.field === 'resolution' && ['money', 'count'].includes(figure.dimension!))).toBe(true);
    // 「落後 5%以上案件」 is in the resolutions of item 九, a percentage: not read in minutes.
    expect(figures.some(([, text]) => text.includes('%'))).toBe(false);
  });
});
