/** Exact arithmetic: what the checks rest on, never a float. */
import { describe, expect, it } from 'vitest';
import { div, exact, mul, parseDecimal, pow10, sub, toDecimal } from './exact.ts';

describe('exact arithmetic', () => {
  it('multiplies a decimal by a power of ten exactly: 4.52 萬 is 45200', () => {
    expect(toDecimal(mul(parseDecimal('4.52'), pow10(4)))).toBe('45200');
    expect(toDecimal(sub(parseDecimal('8629.9'), parseDecimal('8492.54')))).toBe('137.36');
  });

  it('rounds half away from zero to the places asked', () => {
    const share = mul(div(exact(-144800n), exact(9755200n)), exact(100n));
    expect(toDecimal(share, 2)).toBe('-1.48');
    expect(toDecimal(parseDecimal('1.485'), 2)).toBe('1.49');
    expect(toDecimal(parseDecimal('-1.485'), 2)).toBe('-1.49');
    expect(toDecimal(parseDecimal('-0.004'), 2)).toBe('0.00');
  });

  it('writes a finite decimal in full and a repeating one to 12 places', () => {
    expect(toDecimal(div(exact(1n), exact(8n)))).toBe('0.125');
    expect(toDecimal(div(exact(1n), exact(3n)))).toBe('0.333333333333');
  });
});
