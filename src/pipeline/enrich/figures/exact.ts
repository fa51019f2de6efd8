/**
 * Exact arithmetic for printed figures: a value is a fraction of two BigInts, so 4.52 萬 is 45200
 * exactly and a percentage is compared by cross-multiplying, never through a float.
 */

/** A rational number n/d, d > 0, in lowest terms. */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};

export function exact(n: bigint, d = 1n): Exact {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const ZERO = exact(0n);
export const ONE = exact(1n);

/** `pow10(4)` = 10,000; `pow10(-2)` = 0.01. */
export function pow10(power: number): Exact {
  return power >= 0 ? exact(10n ** BigInt(power)) : exact(1n, 10n ** BigInt(-power));
}

/** Reads a plain decimal (`8492.54`, `-3`, `0.5`); no separators. */
export function parseDecimal(text: string): Exact {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new SyntaxError(`not a decimal number: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const n = BigInt(`${whole}${fraction}`) * (sign ? -1n : 1n);
  return exact(n, 10n ** BigInt(fraction.length));
}

export const add = (a: Exact, b: Exact): Exact => exact(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Exact, b: Exact): Exact => exact(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Exact, b: Exact): Exact => exact(a.n * b.n, a.d * b.d);
export const div = (a: Exact, b: Exact): Exact => exact(a.n * b.d, a.d * b.n);
export const neg = (a: Exact): Exact => exact(-a.n, a.d);
export const abs = (a: Exact): Exact => (a.n < 0n ? neg(a) : a);
/** -1, 0 or 1 as a < b, a = b, a > b. */
export const compare = (a: Exact, b: Exact): number => {
  const difference = a.n * b.d - b.n * a.d;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
};
export const sign = (a: Exact): number => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
export const min = (...values: Exact[]): Exact => values.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
export const max = (...values: Exact[]): Exact => values.reduce((a, b) => (compare(a, b) >= 0 ? a : b));

/**
 * The number as a decimal string: exactly when it has a finite decimal expansion (every value read
 * from a document has), otherwise rounded half away from zero to `places` (default 12).
 */
export function toDecimal(value: Exact, places?: number): string {
  if (places === undefined) {
    let d = value.d;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) [d, twos] = [d / 2n, twos + 1];
    while (d % 5n === 0n) [d, fives] = [d / 5n, fives + 1];
    return d === 1n ? round(value, Math.max(twos, fives)) : round(value, 12);
  }
  return round(value, places);
}

function round(value: Exact, places: number): string {
  const scale = 10n ** BigInt(places);
  const negative = value.n < 0n;
  const n = negative ? -value.n : value.n;
  // Half away from zero: floor((2·n·scale + d) / 2d).
  const scaled = (2n * n * scale + value.d) / (2n * value.d);
  const digits = scaled.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = places ? `.${digits.slice(digits.length - places)}` : '';
  return `${negative && scaled !== 0n ? '-' : ''}${whole}${fraction}`;
}

/** Number of digits after the point in a decimal string: `1.48` → 2. */
export const decimalPlaces = (text: string): number => text.split('.')[1]?.length ?? 0;
