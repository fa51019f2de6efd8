/**
 * Numbers as list numbering prints them. Word (`w:numFmt`) and ODF (`style:num-format`) generate the
 * labels of a numbered list (壹、 一、 (一) 1. (1)) instead of storing them in the text, so an importer
 * has to print them again from the format and the count, or the items lose their labels.
 */

/** The number formats of Word's numbering, by their `w:numFmt` names (ODF formats map onto them). */
export type NumberFormat =
  | 'decimal'
  | 'decimalZero'
  | 'decimalFullWidth'
  | 'decimalEnclosedCircle'
  | 'upperRoman'
  | 'lowerRoman'
  | 'upperLetter'
  | 'lowerLetter'
  | 'taiwaneseCounting'
  | 'taiwaneseCountingThousand'
  | 'chineseCounting'
  | 'chineseCountingThousand'
  | 'taiwaneseDigital'
  | 'ideographDigital'
  | 'ideographTraditional'
  | 'ideographZodiac'
  | 'ideographLegalTraditional'
  | 'bullet'
  | 'none';

const CJK_DIGIT = '〇一二三四五六七八九';
const COUNTING_DIGIT = '零一二三四五六七八九';
const LEGAL_DIGIT = '零壹貳參肆伍陸柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** `11` → 十一, `20` → 二十, `105` → 一百零五 (Taiwanese counting: how 一、 … 十一、 items are numbered). */
export function cjkCounting(value: number, digits = COUNTING_DIGIT, units = ['', '十', '百', '千']): string {
  if (value <= 0 || value >= 10_000) return String(value);
  const parts = String(value).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((digit, index) => {
    const unit = units[parts.length - 1 - index]!;
    if (digit === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一, not 一十一, when ten leads the number.
    out += (digit === 1 && unit === units[1] && out === '' ? '' : digits[digit]) + unit;
  });
  return out;
}

function roman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [amount, letters] of table) for (; value >= amount; value -= amount) out += letters;
  return out;
}

function letters(value: number): string {
  // Word repeats the letter: a … z, aa … zz.
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function cyclic(value: number, symbols: string): string {
  return symbols[(value - 1) % symbols.length]!;
}

/** Prints `value` in `format`; a format not known prints decimal digits, so no label goes missing. */
export function formatNumber(value: number, format: NumberFormat | string): string {
  switch (format) {
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
      return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerLetter':
      return letters(value);
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'chineseCounting':
    case 'chineseCountingThousand':
      return cjkCounting(value);
    case 'taiwaneseDigital':
    case 'ideographDigital':
      return String(value).replace(/\d/g, (d) => CJK_DIGIT[Number(d)]!);
    case 'ideographTraditional':
      return cyclic(value, HEAVENLY_STEMS);
    case 'ideographZodiac':
      return cyclic(value, EARTHLY_BRANCHES);
    case 'ideographLegalTraditional':
      return cjkCounting(value, LEGAL_DIGIT, ['', '拾', '佰', '仟']);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(value);
  }
}

/**
 * ODF's `style:num-format` as a Word format: `1`, `a`, `A`, `i`, `I`, and the CJK formats LibreOffice
 * writes as a sample of their sequence (`一, 二, 三, ...`, `壹, 貳, 參, ...`, `甲, 乙, 丙, ...`).
 */
export function odfNumberFormat(format: string | undefined): NumberFormat {
  if (format === undefined || format === '') return 'none';
  const first = format.trim()[0] ?? '';
  switch (first) {
    case '1':
      return 'decimal';
    case 'a':
      return 'lowerLetter';
    case 'A':
      return 'upperLetter';
    case 'i':
      return 'lowerRoman';
    case 'I':
      return 'upperRoman';
    case '１':
      return 'decimalFullWidth';
    case '①':
      return 'decimalEnclosedCircle';
    case '一':
      return 'taiwaneseCountingThousand';
    case '壹':
      return 'ideographLegalTraditional';
    case '甲':
      return 'ideographTraditional';
    case '子':
      return 'ideographZodiac';
    case '〇':
      return 'ideographDigital';
    default:
      return 'decimal';
  }
}
