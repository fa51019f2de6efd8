import { describe, expect, it } from 'vitest';
import { formatQuantity, groupDigits, unitLabel } from './quantities.ts';

describe('figures as the pages show them', () => {
  it('groups thousands and keeps decimals exactly', () => {
    expect(groupDigits('9610400')).toBe('9,610,400');
    expect(groupDigits('8492.54')).toBe('8,492.54');
    expect(groupDigits('-144800')).toBe('-144,800');
    expect(groupDigits('125432000000')).toBe('125,432,000,000');
  });

  it('writes the unit as a reader of Chinese expects', () => {
    expect(formatQuantity('3250000', 'TWD')).toBe('3,250,000 元');
    expect(formatQuantity('9610400', 'kWh')).toBe('9,610,400 kWh');
    expect(formatQuantity('1.48', '%')).toBe('1.48%');
    expect(formatQuantity('2.5', 'pp')).toBe('2.5 個百分點');
    expect(formatQuantity('85726', '人次')).toBe('85,726 人次');
    expect(formatQuantity('3', '')).toBe('3');
    expect(unitLabel('m³')).toBe('m³');
  });
});
