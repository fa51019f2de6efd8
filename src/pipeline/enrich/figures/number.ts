/**
 * Reads one number as the city prints it: Arabic digits with thousands separators and a decimal
 * point, mixed with 兆/億/萬/千/百/十 (「961 萬 400」, 「3億2000萬」, 「12.5 萬」, 「1,254 億 3,200 萬」), or
 * Chinese numerals (「一百二十三」, 「二〇二四」, 「兩萬三」). Exact: the value is a fraction of BigInts.
 *
 * The text must already be half-width (`toHalfWidth`, which keeps every offset).
 */
import { type Exact, ONE, ZERO, add, compare, mul, parseDecimal, pow10 } from './exact.ts';

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  貳: 2,
  參: 3,
  肆: 4,
  伍: 5,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const BIG_UNITS: Record<string, number> = { 萬: 4, 万: 4, 億: 8, 亿: 8, 兆: 12 };

/** Characters a Chinese numeral may start with (百, 千, 萬 alone start words such as 千人, 萬華). */
export const CHINESE_START = /[〇零一二兩三四五六七八九十壹貳參肆伍陸柒捌玖拾]/;

/** Arabic digits: `1,254` (groups of three), `8492.54`; a comma not followed by exactly three digits ends the number. */
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/;
const SPACE = /[ \t\u00a0\u2009\u202f]/;

export interface ScannedNumber {
  /** Index just after the number (no trailing space). */
  end: number;
  value: Exact;
  /** Place value of the last digit printed: 1 for 「961 萬 400」, 1,000 for 「12.5 萬」, 0.01 for 「1.48」. */
  step: Exact;
  /** Written in Chinese numerals only. */
  chinese: boolean;
  /** Chinese digits written one per place with no unit (二〇二四), and how many. */
  positional: number;
}

type Previous = 'none' | 'arabic' | 'digit' | 'zero' | 'small' | 'big';

/** Reads the number starting at `start` of a half-width text, or undefined when none starts there. */
export function scanNumber(text: string, start: number): ScannedNumber | undefined {
  let index = start;
  let total = ZERO;
  let section = ZERO;
  let current: Exact | undefined;
  let step = ONE;
  let previous: Previous = 'none';
  let lastBig = Number.POSITIVE_INFINITY;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastUnit = 0;
  let chinese = true;
  let positional = 0;
  let zeroBeforeDigit = false;
  /** The number as it stands after the last big unit, to go back to if the next group cannot belong to it. */
  let atBig: ScannedNumber | undefined;

  const result = (): ScannedNumber => {
    let last = current;
    let lastStep = step;
    // 兩萬三 is 23,000 and 一百五 is 150: a lone digit after a unit counts in the next lower place.
    if (last && chinese && previous === 'digit' && !positional && lastUnit > 1 && !zeroBeforeDigit) {
      last = mul(last, pow10(lastUnit - 1));
      lastStep = pow10(lastUnit - 1);
    }
    return { end: index, value: add(add(total, section), last ?? ZERO), step: lastStep, chinese, positional };
  };

  for (;;) {
    let next = index;
    while (SPACE.test(text[next] ?? '')) next++;
    const spaced = next > index;
    const char = text[next] ?? '';
    if (/\d/.test(char)) {
      // Arabic digits start a number, or follow a big unit (「961 萬 400」), spaces allowed there.
      if (previous !== 'none' && previous !== 'big') break;
      if (spaced && previous !== 'big') break;
      const match = ARABIC.exec(text.slice(next))!;
      const digits = match[0];
      current = parseDecimal(digits.replaceAll(',', ''));
      step = pow10(-(digits.split('.')[1]?.length ?? 0));
      chinese = false;
      previous = 'arabic';
      index = next + digits.length;
      continue;
    }
    if (char in CHINESE_DIGITS) {
      if (spaced || previous === 'arabic') break;
      const digit = BigInt(CHINESE_DIGITS[char]!);
      if (digit === 0n && (previous === 'small' || previous === 'big')) {
        // 一百零五: the zero only holds a place.
        previous = 'zero';
        index = next + 1;
        continue;
      }
      if (previous === 'digit') {
        // 二〇二四: digits one per place.
        current = add(mul(current ?? ZERO, pow10(1)), { n: digit, d: 1n });
        positional = positional ? positional + 1 : 2;
      } else {
        zeroBeforeDigit = previous === 'zero';
        current = { n: digit, d: 1n };
        step = ONE;
      }
      previous = 'digit';
      index = next + 1;
      continue;
    }
    if (char in SMALL_UNITS) {
      const power = SMALL_UNITS[char]!;
      const after = text[next + 1] ?? '';
      // 千瓦, 千克 and 百分點, 百分之 are units, not magnitudes.
      if ((char === '千' && /[瓦克米卡]/.test(after)) || (char === '百' && after === '分')) break;
      if (spaced && (previous !== 'arabic' || chinese)) break;
      if (power >= lastSmall || positional) break;
      let factor = current;
      if (!factor) {
        // 十二 is 12; 百 and 千 alone are words (千人, 百貨).
        if (power !== 1 || previous === 'arabic' || previous === 'small') break;
        factor = ONE;
        step = ONE;
      }
      section = add(section, mul(factor, pow10(power)));
      step = mul(step, pow10(power));
      current = undefined;
      lastSmall = power;
      lastUnit = power;
      previous = 'small';
      index = next + 1;
      continue;
    }
    if (char in BIG_UNITS) {
      const power = BIG_UNITS[char]!;
      if (spaced && previous !== 'arabic') break;
      if (previous === 'none' || previous === 'big' || power >= lastBig || positional) break;
      const group = add(section, current ?? ZERO);
      if (group.n === 0n) break;
      // 3 億 2,000 萬: the group before 萬 must be less than one 億.
      if (Number.isFinite(lastBig) && compare(mul(group, pow10(power)), pow10(lastBig)) >= 0) break;
      total = add(total, mul(group, pow10(power)));
      step = mul(step, pow10(power));
      section = ZERO;
      current = undefined;
      lastSmall = Number.POSITIVE_INFINITY;
      lastBig = power;
      lastUnit = power;
      previous = 'big';
      index = next + 1;
      atBig = result();
      continue;
    }
    break;
  }
  if (previous === 'none') return undefined;
  // 961 萬 40000 cannot be one number: the group after 萬 must be less than 萬.
  if (atBig && previous !== 'big' && compare(add(section, current ?? ZERO), pow10(lastBig)) >= 0) return atBig;
  return result();
}
