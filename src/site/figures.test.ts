import { describe, expect, it } from 'vitest';
import type { ImageRef } from '../model/types.ts';
import { withFigures } from './figures.ts';

const image = (text: string, path?: string): ImageRef => ({ alt: 'a', src: 'a.png', text, line: 1, ...(path ? { path } : {}) });

describe('withFigures', () => {
  it('puts each figure where its reference stands, dropping only the line breaks around it', () => {
    const chart = image('![圖 1](a.png)', 'reports/a.png');
    expect(withFigures('第一段\n![圖 1](a.png)\n第二段', [chart])).toEqual([{ text: '第一段' }, { image: chart }, { text: '第二段' }]);
    expect(withFigures('如下圖![圖 1](a.png)所示', [chart])).toEqual([{ text: '如下圖' }, { image: chart }, { text: '所示' }]);
  });

  it('keeps a reference without a file as text, and shows a figure whose reference is elsewhere after the text', () => {
    const missing = image('![圖 2](b.png)');
    const elsewhere = image('![圖 3](c.png)', 'reports/c.png');
    expect(withFigures('說明\n![圖 2](b.png)', [missing, elsewhere])).toEqual([{ text: '說明\n![圖 2](b.png)' }, { image: elsewhere }]);
    expect(withFigures('', [])).toEqual([]);
  });

  it('places two references with the same text one after the other', () => {
    const first = image('![圖](a.png)', 'reports/a.png');
    const second = image('![圖](a.png)', 'reports/a.png');
    expect(withFigures('![圖](a.png)\n中間\n![圖](a.png)', [first, second])).toEqual([{ image: first }, { text: '中間' }, { image: second }]);
  });
});
