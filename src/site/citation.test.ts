import { describe, expect, it } from 'vitest';
import { citation } from './citation.ts';

describe('citation', () => {
  it('cites a resolution by title, label path, ROC and AD date, and its absolute link', () => {
    expect(
      citation({
        title: '臺北市政府第 224 次主任秘書會報紀錄',
        labels: ['貳、', '一、', '(二)'],
        date: '2022-09-22',
        url: 'https://example.org/minutes/taipei/chief-secretaries-meeting/224/#res-2-1-2',
      }),
    ).toBe(
      '臺北市政府第 224 次主任秘書會報紀錄，貳、一、(二)，民國111年（2022年）9月22日，https://example.org/minutes/taipei/chief-secretaries-meeting/224/#res-2-1-2',
    );
  });

  it('drops the trailing 、 of an item path and says when the date is unknown', () => {
    expect(citation({ title: '臺北市政府第210次主任秘書會報紀錄', labels: ['貳、', '一、'], url: 'https://example.org/x/#item-2-1' })).toBe(
      '臺北市政府第210次主任秘書會報紀錄，貳、一，日期不詳，https://example.org/x/#item-2-1',
    );
  });
});
