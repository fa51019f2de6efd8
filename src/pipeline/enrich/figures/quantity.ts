/**
 * Finds every quantity in a text: a number with its unit, its qualifier and the exact span printed
 * (「約 1,237.6 公升」, 「325 萬餘元」, 「8 萬 5,726 人次」, 「1.48%」, 「六國」), and tells apart the numbers
 * that are not amounts: ROC and AD years (108 年, 民國110年), dates and times, ordinals and session
 * numbers (第 224 次), labels ((1), 1.), case and document numbers (列管編號 205-1, 案號 9805),
 * floors and addresses (1 樓), phone numbers, and numbers inside names (5G, A4, 「2020 臺北上海城市論壇」).
 */
import { toHalfWidth } from '../../../text/dates.ts';
import { type Exact, compare, mul, pow10, toDecimal } from './exact.ts';
import { CHINESE_START, type ScannedNumber, scanNumber } from './number.ts';
import { type Unit, readUnit, unitOf } from './units.ts';

/** How a quantity is hedged in print. */
export type Qualifier = 'more-than' | 'about' | 'over' | 'nearly' | 'at-least' | 'at-most' | 'under';

export interface Quantity {
  /** The exact value in `unit.code`, as a decimal string: `9610400` for 「961 萬 400 度」, `3250000` for 「325 萬餘元」. */
  value: string;
  /** Place value of the last digit printed, in the same unit: `1` for 961 萬 400, `10000` for 325 萬; the printed rounding. */
  step: string;
  /** Absent for a bare number (「計 3 項」 has one, 「編號 3」 is no quantity, 「其中 3」 has none). */
  unit?: Unit;
  qualifier?: Qualifier;
  /** The number alone as printed: 「961 萬 400」. */
  number: string;
  /** The whole quantity as printed, qualifier and unit included: 「325 萬餘元」. */
  text: string;
  /** Offsets of `text` in the searched text, [start, end). */
  start: number;
  end: number;
}

/** What a number in the text is. */
export type NumberKind = 'quantity' | 'year' | 'date' | 'time' | 'ordinal' | 'label' | 'identifier' | 'name';

export interface NumberReading {
  kind: NumberKind;
  start: number;
  end: number;
  text: string;
  quantity?: Quantity;
}

const SPACES = /[ \t\u00a0\u2009\u202f]*/y;
const skipSpaces = (text: string, index: number) => {
  SPACES.lastIndex = index;
  SPACES.exec(text);
  return SPACES.lastIndex;
};
const spacesBefore = (text: string, index: number) => {
  let at = index;
  while (at > 0 && /[ \t\u00a0\u2009\u202f]/.test(text[at - 1]!)) at--;
  return at;
};

const BEFORE_QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:大約|約略|約計|大概|(?<![節契簽合邀預相條公制履解違續規誓婚特和])約)$/, 'about'],
  [/(?:將近|接近|幾近|(?<![最附接將鄰親])近)$/, 'nearly'],
  [/(?:超過|超出|多於|高於|逾)$/, 'over'],
  [/(?:未滿|不到|少於|低於|未達|不足)$/, 'under'],
  [/(?:至少|最少)$/, 'at-least'],
  [/(?:最多|至多)$/, 'at-most'],
];
/** After the unit; 餘 and 多 there only after a duration (1 年餘, 3 個月多: 「5 件多為陳情」 is "most of the 5"). */
const AFTER_UNIT_QUALIFIERS: [RegExp, Qualifier, boolean?][] = [
  [/^以上/, 'at-least'],
  [/^(?:以下(?!列)|以內)/, 'at-most'],
  [/^(?:左右|上下)/, 'about'],
  [/^(?:有餘|餘|多)/, 'more-than', true],
];

const CURRENCY_PREFIX = /(?:新臺幣|新台幣|NT\$|NTD)$/;
const IDENTIFIER_LABEL = /(?:編號|案號|字號|文號|號碼|電話|傳真|分機|代碼|代號|統一編號|統編|帳號|序號|門牌)\s*[:：]?\s*$/;
const DURATION_BEFORE = /(?:連續|為期|長達|歷時|逾|超過|將近|近|約|滿|共|計|每|多達|前後|大於|小於|費時|需|須)\s*$/;
const TIME_OF_DAY = /(?:上午|下午|晚上|早上|凌晨|中午|傍晚)\s*$/;
/** Characters that cannot start a unit the table does not know (they join or end a phrase). */
const NOT_A_UNIT =
  /[\s\p{P}\p{S}0-9A-Za-z的之及與和或並且在於為是等至到~以、，。；：「」『』《》〈〉（）()年月日時分秒第〇零一二兩三四五六七八九十百千萬億兆]/u;

const QUOTES: Record<string, string> = { '「': '」', '『': '』', '《': '》', '〈': '〉', '“': '”' };
const OPENING_QUOTE = new RegExp(`[${Object.keys(QUOTES).join('')}]`);

/** Spans inside 「」『』《》〈〉“”: names of plans, forums and books, whose numbers are part of the name. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // Most texts quote nothing: one native scan instead of a step per character.
  if (!OPENING_QUOTE.test(text)) return spans;
  const open: { char: string; at: number }[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char in QUOTES) open.push({ char, at: index });
    else if (open.length) {
      const last = open.findLastIndex((entry) => QUOTES[entry.char] === char);
      if (last >= 0) {
        spans.push([open[last]!.at, index]);
        open.length = last;
      }
    }
  }
  return spans;
}

interface Scan {
  half: string;
  quoted: [number, number][];
  /** End of the last identifier read after a label such as 列管編號, so 、9805、10201 continue it. */
  identifierEnd: number;
}

/** Reads every number of the text in order, each with what it is. */
export function readNumbers(text: string): NumberReading[] {
  const half = toHalfWidth(text);
  const scan: Scan = { half, quoted: quotedSpans(half), identifierEnd: -1 };
  const readings: NumberReading[] = [];
  let index = 0;
  while (index < half.length) {
    const char = half[index]!;
    const percentWords = half.startsWith('百分之', index);
    if (!/\d/.test(char) && !CHINESE_START.test(char) && !percentWords) {
      index++;
      continue;
    }
    const reading = readAt(scan, index, percentWords);
    if (!reading) {
      index++;
      continue;
    }
    reading.text = text.slice(reading.start, reading.end);
    if (reading.quantity) reading.quantity.text = reading.text;
    if (reading.quantity) reading.quantity.number = text.slice(...numberSpan(reading));
    readings.push(reading);
    index = Math.max(reading.end, index + 1);
  }
  shareRanges(readings, half);
  return readings;
}

/** Every quantity of the text, in order. */
export function findQuantities(text: string): Quantity[] {
  return readNumbers(text).flatMap((reading) => (reading.quantity ? [reading.quantity] : []));
}

const numberSpans = new WeakMap<NumberReading, [number, number]>();
const numberSpan = (reading: NumberReading): [number, number] => numberSpans.get(reading) ?? [reading.start, reading.end];

function readAt(scan: Scan, start: number, percentWords: boolean): NumberReading | undefined {
  const { half } = scan;
  const numberStart = percentWords ? start + 3 : start;
  const before = half.slice(Math.max(0, start - 12), start);
  const lineStart = half.lastIndexOf('\n', start - 1) + 1;
  const other = (kind: NumberKind, end: number): NumberReading => ({ kind, start, end, text: '' });

  // Digits joined to Latin letters belong to a name: 5G, A4, COVID-19, Windows10.
  if (/[A-Za-z]$|[A-Za-z][-_]$/.test(before) && /\d/.test(half[start]!)) {
    return other('name', start + /^[0-9A-Za-z.\-_]*/.exec(half.slice(start))![0].length);
  }
  const number = scanNumber(half, numberStart);
  if (!number) return undefined;
  // A lone 一 is an article or part of a word (一案, 統一, 三合一), and two digits written one per place
  // (三四人) a range, not a number.
  if (number.chinese && (half.slice(numberStart, number.end) === '一' || number.positional === 2)) return undefined;
  let end = number.end;
  const next = half.slice(end);

  if (scan.quoted.some(([open, close]) => open < start && start < close)) return other('name', end);
  if (/^:\d{2}/.test(next)) return other('time', end + /^(?::\d{2})+/.exec(next)![0].length);
  if (/^[A-Za-z]/.test(next) && !readUnit(next)) return other('name', end + /^[0-9A-Za-z.\-_]*/.exec(next)![0].length);
  if (/第\s*$/.test(before)) return other('ordinal', end);
  if (/[(（]\s*$/.test(before) && /^\s*[)）]/.test(next)) return other('label', end);
  if (/^[\s\-•*]*$/.test(half.slice(lineStart, start)) && /^[.、](?!\d)/.test(next)) return other('label', end);
  const phone = /^\s*轉\s*\d+/.exec(next);
  if (phone) return other('identifier', end + phone[0].length);
  // 205-1, 109/06/30, 2022-09-22: identifiers and dates, not amounts.
  const joined = /\d/.test(half[start]!) ? /^(?:[-/.](?:\d+))+/.exec(next) : null;
  const joinedEnd = end + (joined?.[0].length ?? 0);
  if (IDENTIFIER_LABEL.test(before) || (scan.identifierEnd >= 0 && /^[\s、,，及與和併]+$/.test(half.slice(scan.identifierEnd, start)))) {
    scan.identifierEnd = joinedEnd;
    return other('identifier', joinedEnd);
  }
  if (joined) {
    const after = half.slice(skipSpaces(half, joinedEnd));
    if (/^[年月日]/.test(after) || joined[0].startsWith('/') || /^([-.])\d{1,2}\1\d{1,2}$/.test(joined[0])) return other('date', joinedEnd);
    // 3-5 人 is a range (its bounds are read one by one); 205-1 and 223-3 案 identifiers.
    const unit = /^-\d+$/.test(joined[0]) ? readUnit(after) : undefined;
    if (!unit || unit.dimension === 'other' || compare(number.value, parseExact(joined[0].slice(1))) >= 0) return other('identifier', joinedEnd);
  }

  let value = number.value;
  let step = number.step;
  const integer = value.d === 1n ? Number(value.n) : Number.NaN;
  let unitAt = skipSpaces(half, end);
  const rest = half.slice(unitAt);

  // Years, months, days and times of day.
  const year = readYear(half, start, unitAt, integer, number);
  if (year) return other(year.kind, year.end);
  if (rest.startsWith('月') && integer <= 12) return other('date', unitAt + 1);
  if (rest.startsWith('日') && integer <= 31 && !isDuration(before, rest)) return other('date', unitAt + 1);
  if (/^[時点]/.test(rest) || (rest.startsWith('點') && (TIME_OF_DAY.test(before) || /^點\s*(?:\d+\s*分|半|鐘)/.test(rest)))) {
    return other('time', unitAt + /^[時点點](?:\s*\d+\s*分)?(?:\s*\d+\s*秒)?(?:許)?/.exec(rest)![0].length);
  }
  if (rest.startsWith('週年')) return other('ordinal', unitAt + 2); // 75 週年: which anniversary
  if (/^[樓號巷弄鄰]/.test(rest)) return other(rest.startsWith('樓') ? 'label' : 'identifier', unitAt + 1);
  if (/\d/.test(half[start]!) && integer >= 1900 && integer <= 2099 && number.step.n === 1n && number.step.d === 1n && !readUnit(rest)) {
    // 「2020 臺北國際燈節」, 《臺北市年鑑 2019》: a bare four-digit year.
    return other('year', end);
  }

  // The quantity itself: 餘/多 before the unit, the unit, then 以上/左右/餘 after it.
  let qualifier: Qualifier | undefined;
  // 10 餘萬人次: 餘 or 多 between the number and its magnitude, "more than 10 萬".
  const hedgedMagnitude = number.chinese ? null : /^(?:餘|多)\s*([萬億兆])/.exec(rest);
  if (hedgedMagnitude) {
    const magnitude = pow10({ 萬: 4, 億: 8, 兆: 12 }[hedgedMagnitude[1] as '萬' | '億' | '兆']);
    value = mul(value, magnitude);
    step = mul(step, magnitude);
    qualifier = 'more-than';
    unitAt = skipSpaces(half, unitAt + hedgedMagnitude[0].length);
  }
  const beforeUnit = hedgedMagnitude ? null : /^(?:餘|多(?!元化|樣|功能))/.exec(rest);
  if (beforeUnit && !percentWords) {
    qualifier = 'more-than';
    unitAt = skipSpaces(half, unitAt + 1);
  }
  let unit = percentWords ? unitOf('%') : readUnit(half.slice(unitAt));
  if (!unit && rest.startsWith('點')) unit = unitOf('點');
  let unitEnd = unitAt;
  if (percentWords) unitEnd = end;
  else if (unit) unitEnd = unitAt + unit.printed.length;
  else if (number.chinese)
    return undefined; // Chinese numerals are words unless a unit follows: 十分, 三合一.
  else if (!NOT_A_UNIT.test(half[unitAt] ?? ' ')) {
    // A unit the table does not know is kept as printed, one or two characters: 「4 大門」.
    const printed = /^[^\s]{1,2}/u.exec(half.slice(unitAt))![0];
    const cut = [...printed].findIndex((c) => NOT_A_UNIT.test(c));
    unit = unitOf(cut > 0 ? printed.slice(0, cut) : printed);
    unitEnd = unitAt + unit.printed.length;
  }
  if (unit) end = unitEnd;
  const afterUnit = half.slice(end);
  for (const [pattern, meaning, durationOnly] of AFTER_UNIT_QUALIFIERS) {
    const match = unit && !qualifier && (!durationOnly || unit.dimension === 'duration') ? pattern.exec(afterUnit) : null;
    if (match) {
      qualifier = meaning;
      end += match[0].length;
      break;
    }
  }

  // Words before the number: a qualifier (約, 逾, 近) and a currency (新臺幣).
  let spanStart = start;
  let head = half.slice(Math.max(0, spacesBefore(half, start) - 8), spacesBefore(half, start));
  const currency = CURRENCY_PREFIX.exec(head);
  if (currency) {
    spanStart = spacesBefore(half, start) - currency[0].length;
    head = half.slice(Math.max(0, spanStart - 8), spacesBefore(half, spanStart));
    unit ??= unitOf('元');
  }
  for (const [pattern, meaning] of BEFORE_QUALIFIERS) {
    const match = pattern.exec(head);
    // 近 3 年 is "the last three years", not "nearly three".
    if (!match || (meaning === 'nearly' && match[0] === '近' && unit?.dimension === 'duration')) continue;
    if (qualifier && qualifier !== meaning) break;
    qualifier = meaning;
    spanStart = spacesBefore(half, spanStart) - match[0].length;
    break;
  }

  const scale = pow10(unit?.scale ?? 0);
  const quantity: Quantity = {
    value: toDecimal(mul(value, scale)),
    step: toDecimal(mul(step, scale)),
    ...(unit ? { unit } : {}),
    ...(qualifier ? { qualifier } : {}),
    number: '',
    text: '',
    start: spanStart,
    end,
  };
  const reading: NumberReading = { kind: 'quantity', start: spanStart, end, text: '', quantity };
  numberSpans.set(reading, [start, number.end]);
  return reading;
}

/** 109 年, 民國110年, 109 年度 are years; 連續 4 年 and 3 年 are durations. */
function readYear(half: string, start: number, unitAt: number, integer: number, number: ScannedNumber): { kind: NumberKind; end: number } | undefined {
  const rest = half.slice(unitAt);
  if (!rest.startsWith('年')) return undefined;
  const before = half.slice(Math.max(0, start - 8), start);
  const yearEnd = unitAt + 1 + (/^年(度)/.exec(rest)?.[1]?.length ?? 0);
  if (/(?:中華)?民國\s*$/.test(before) || rest.startsWith('年度') || /^年\s*\d+\s*月/.test(rest)) return { kind: 'year', end: yearEnd };
  if (!Number.isInteger(integer) || number.step.d !== 1n) return undefined;
  if (/^年級/.test(rest)) return { kind: 'ordinal', end: unitAt + 2 };
  const durationAfter = /^年(?:來|之久|多|餘|以上|有餘|半)/.test(rest);
  const yearAfter = /^年(?:底|初|中|起|止|同期|基期|前|後|以前|以後|迄|[-~～至])/.test(rest);
  if (integer >= 30) return DURATION_BEFORE.test(before) || durationAfter ? undefined : { kind: 'year', end: yearEnd };
  return yearAfter && !DURATION_BEFORE.test(before) ? { kind: 'year', end: yearEnd } : undefined;
}

/** 大於 26 日, 30 日內: a number of days; otherwise N 日 is a day of the month. */
const isDuration = (before: string, rest: string) => DURATION_BEFORE.test(before) || /^日\s*(?:內|以內|之內|以上)/.test(rest);

const RANGE_OR_LIST = /^\s*(?:至|到|~|～|－|-|—|、|及|和|或)\s*$/;

/**
 * 3 至 5 人, 3-5 人: the first bound of a range takes the unit printed after the second; 1 至 7 月,
 * 5、6 月: a bare number before a month or year in a range or list is one too.
 */
function shareRanges(readings: NumberReading[], half: string): void {
  for (let index = readings.length - 2; index >= 0; index--) {
    const first = readings[index]!;
    const second = readings[index + 1]!;
    const bare = first.quantity && !first.quantity.unit ? first.quantity : undefined;
    if (!bare || !RANGE_OR_LIST.test(half.slice(first.end, second.start))) continue;
    if (second.kind === 'date' || second.kind === 'year') {
      first.kind = second.kind;
      delete first.quantity;
    } else if (second.quantity?.unit && !/^\s*(?:、|及|和|或)\s*$/.test(half.slice(first.end, second.start))) {
      const unit = second.quantity.unit;
      const scale = pow10(unit.scale);
      bare.unit = unit;
      bare.value = toDecimal(mul(parseExact(bare.value), scale));
      bare.step = toDecimal(mul(parseExact(bare.step), scale));
    }
  }
}

function parseExact(decimal: string): Exact {
  const [whole, fraction = ''] = decimal.split('.');
  return { n: BigInt(`${whole}${fraction}`), d: 10n ** BigInt(fraction.length) };
}
