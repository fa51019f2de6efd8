import { describe, expect, it } from 'vitest';
import { afterStart, findDate, findTime, rocToIso } from './dates.ts';

describe('dates and times', () => {
  it('converts ROC dates', () => {
    expect(rocToIso(110, 7, 22)).toBe('2021-07-22');
    expect(rocToIso(110, 2, 30)).toBeUndefined();
    expect(findDate('民國110年7月22日10時0分')).toMatchObject({ iso: '2021-07-22', text: '民國110年7月22日' });
    expect(findDate('民國 111 年 9 月 22 日 10 時 00 分')?.iso).toBe('2022-09-22');
    expect(findDate('１１３年１２月１７日')?.iso).toBe('2024-12-17');
    expect(findDate('2020-12-22 09:00:00')?.iso).toBe('2020-12-22');
  });
  it('reads times with 上午/下午 and without', () => {
    expect(findTime('10時0分')).toBe('10:00');
    expect(findTime('113 年 12 月 17 日下午 2 時')).toBe('14:00');
    expect(findTime('散會（上午 11 時 36 分）')).toBe('11:36');
    expect(findTime('散會：下午 4 時 13 分')).toBe('16:13');
    expect(findTime('散會：中午 12 時 10 分')).toBe('12:10');
    expect(findTime('2020-12-22 09:00:00')).toBe('09:00');
  });
  it('puts an end time without 上午/下午 after the start', () => {
    expect(afterStart('01:30', '10:00', false)).toBe('13:30');
    expect(afterStart('11:44', '10:00', false)).toBe('11:44');
  });
});
