import { describe, expect, it } from 'vitest';
import { coveringExcerpt, excerpt, findTerms } from './excerpt.ts';
import { fold, queryTerms } from './fold.ts';

const marks = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]);

describe('excerpt', () => {
  it('marks every term of a two-term query standing close together, in one stretch', () => {
    const text = '(四) 市長室晨會的台北通簽到使用率同意不列入資訊局績效統計';
    const html = excerpt(text, fold(text), queryTerms('臺北通 簽到'), 5);
    expect(marks(html)).toEqual(['台北通簽到']);
    expect(html).toBe('…長室晨會的<mark>台北通簽到</mark>使用率同意…');
  });
  it('shows each term where it stands when the terms are far apart, joined by …', () => {
    const text = '(四) 市長室晨會的台北通簽到使用率同意不列入資訊局績效統計，請各機關持續推動電子發票。';
    const html = excerpt(text, fold(text), queryTerms('台北通 電子發票'), 3);
    expect(marks(html)).toEqual(['台北通', '電子發票']);
    expect(html).toBe('…晨會的<mark>台北通</mark>簽到使…續推動<mark>電子發票</mark>。');
  });
  it('marks every occurrence inside the excerpt, in the original spelling and width', () => {
    const text = '臺北通與台北通 ＱＲ code';
    const html = excerpt(text, fold(text), queryTerms('台北通 qr'));
    expect(marks(html)).toEqual(['臺北通', '台北通', 'ＱＲ']);
  });
  it('escapes the text and starts at the beginning when no term is found', () => {
    const text = '<b>會議</b>';
    expect(excerpt(text, fold(text), ['資安'])).toBe('&lt;b&gt;會議&lt;/b&gt;');
  });
});

describe('findTerms', () => {
  it('joins overlapping occurrences into one range and keeps each term’s first', () => {
    const text = '台北通 台北';
    const { ranges, first } = findTerms(text, fold(text), ['台北', '北通']);
    expect(ranges).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 6 },
    ]);
    expect(first).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 },
    ]);
  });
  it('maps a term across the spaces folding removes back to the original', () => {
    const text = '第 224 次會議';
    expect(findTerms(text, fold(text), queryTerms('第224次')).ranges).toEqual([{ start: 0, end: 7 }]);
  });
});

describe('coveringExcerpt', () => {
  const texts = ['時間：民國 110 年 8 月 19 日 出席：如簽到表', '(四) 請人事室向同仁加強宣導台北通的各項便利性'].map((text) => ({ text, folded: fold(text) }));
  it('shows every term of the document when no one text holds them all', () => {
    const html = coveringExcerpt(texts, queryTerms('臺北通 簽到'), 4)!;
    expect(marks(html)).toEqual(['簽到', '台北通']);
  });
  it('takes the first text holding every term when there is one, and nothing when none holds any', () => {
    expect(marks(coveringExcerpt(texts, queryTerms('人事室 台北通'), 4)!)).toEqual(['人事室', '台北通']);
    expect(coveringExcerpt(texts, ['資安'])).toBeUndefined();
  });
});
