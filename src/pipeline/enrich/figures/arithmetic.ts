/**
 * Checks a sentence's figures against their own arithmetic: where the text states a value, a
 * baseline and a change (or a total after its parts), the change (or sum) the printed numbers give
 * is computed exactly and compared within the rounding printed. A stated 1.48% stands for anything
 * from 1.475% to 1.485%; a value printed to a magnitude (「961 萬度」) for anything that rounds to it.
 * A hedged figure (約, 餘) is not checked. A disagreement is a note, never a correction of the text:
 * 「減少 1.48%，依所列數字計算為 1.49%」.
 */
import type { Figure } from '../../../model/types.ts';
import { type Exact, ZERO, abs, add, compare, decimalPlaces, div, exact, max, min, mul, parseDecimal, sign, sub, toDecimal } from './exact.ts';
import type { Direction, Fact } from './facts.ts';
import type { Quantity } from './quantity.ts';

/** A figure of one text, before the document places it (anchor, field, line). */
export type TextFigure = Omit<Figure, 'anchor' | 'field' | 'line'>;

type Range = [Exact, Exact];

const HUNDRED = exact(100n);
const HALF = exact(1n, 2n);

/** What a printed figure may stand for: exactly itself, or a magnitude's rounding (961 萬 → 9,605,000–9,615,000). */
function printedRange(quantity: Quantity): Range {
  const value = parseDecimal(quantity.value);
  if (!/[十百千萬億兆]\s*$/.test(quantity.number)) return [value, value];
  const half = mul(parseDecimal(quantity.step), HALF);
  return [sub(value, half), add(value, half)];
}

/** What a stated change or total means: the number within half its last printed digit. */
function statedRange(value: Exact, quantity: Quantity): Range {
  const half = mul(parseDecimal(quantity.step), HALF);
  return [sub(value, half), add(value, half)];
}

const overlaps = (a: Range, b: Range) => compare(a[0], b[1]) <= 0 && compare(b[0], a[1]) <= 0;
const around = (values: Exact[]): Range => [min(...values), max(...values)];
const signed = (value: Exact, direction: Direction) => (direction === 'decrease' ? mul(value, exact(-1n)) : value);
const places = (quantity: Quantity | undefined) => (quantity ? decimalPlaces(quantity.value) : 2);

/** 144800 → 「144,800」, keeping decimals. */
function grouped(value: Exact, decimals: number): string {
  const [whole, fraction] = toDecimal(abs(value), decimals).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

const WORDS: Record<Direction, string> = { increase: '增加', decrease: '減少' };

function note(stated: string, computed: Exact, direction: Direction, decimals: number, unit: string): string {
  const computedDirection: Direction = sign(computed) < 0 ? 'decrease' : 'increase';
  const word = sign(computed) !== 0 && computedDirection !== direction ? WORDS[computedDirection] : '';
  return `${stated}，依所列數字計算為${word} ${grouped(computed, decimals)}${unit}`;
}

const hedged = (...quantities: (Quantity | undefined)[]) => quantities.some((quantity) => quantity?.qualifier);

function base(fact: Fact): TextFigure {
  const { quantity } = fact;
  const figure: TextFigure = {
    start: quantity.start,
    end: quantity.end,
    text: quantity.text,
    value: quantity.value,
    unit: quantity.unit?.code ?? '',
    role: fact.role,
  };
  if (quantity.unit) {
    figure.unitText = quantity.unit.printed;
    figure.dimension = quantity.unit.dimension;
  }
  if (quantity.qualifier) figure.qualifier = quantity.qualifier;
  if (fact.indicator) figure.indicator = fact.indicator;
  if (fact.period) figure.period = fact.period;
  if (fact.comparedWith) figure.comparedWith = fact.comparedWith;
  if (fact.direction) figure.direction = fact.direction;
  return figure;
}

/** Fills a compared value's baseline, stated change, computed change and check. */
function compareValue(figure: TextFigure, value: Fact, baseline: Fact | undefined, changes: Fact[]): void {
  const unit = value.quantity.unit?.code;
  const amount = changes.find((change) => change.quantity.unit?.code === unit && unit !== '%');
  const percent = changes.find((change) => change.quantity.unit?.code === '%');
  const points = changes.find((change) => change.quantity.unit?.code === 'pp');
  const direction = changes[0]?.direction ?? baseline?.direction;
  if (!direction && !baseline) return;
  if (baseline) figure.baseline = { value: baseline.quantity.value, text: baseline.quantity.text, ...(baseline.period ? { period: baseline.period } : {}) };
  if (direction) {
    figure.change = { direction };
    for (const [key, change] of [
      ['amount', amount],
      ['percent', percent],
      ['points', points],
    ] as const) {
      if (change) figure.change[key] = { value: change.quantity.value, text: change.quantity.text };
    }
  }

  const V = parseDecimal(value.quantity.value);
  const valueRange = printedRange(value.quantity);
  const computed: NonNullable<TextFigure['computed']> = {};
  const notes: string[] = [];
  let checked = false;
  const stated = (change: Fact) => signed(parseDecimal(change.quantity.value), change.direction ?? direction!);

  // The change in the value's unit, and the baseline it implies when none is printed.
  let differences: Range | undefined;
  let baselines: Range | undefined;
  if (baseline) {
    const B = parseDecimal(baseline.quantity.value);
    const baselineRange = printedRange(baseline.quantity);
    computed.amount = toDecimal(sub(V, B));
    differences = [sub(valueRange[0], baselineRange[1]), sub(valueRange[1], baselineRange[0])];
    baselines = baselineRange;
    if (B.n !== 0n) computed.percent = toDecimal(mul(div(sub(V, B), B), HUNDRED), places(percent?.quantity));
    if (unit === '%') computed.points = toDecimal(sub(V, B));
  } else if (amount) {
    const S = stated(amount);
    const amountRange = statedRange(S, amount.quantity);
    differences = amountRange;
    baselines = [sub(valueRange[0], amountRange[1]), sub(valueRange[1], amountRange[0])];
    const B = sub(V, S);
    if (B.n !== 0n) computed.percent = toDecimal(mul(div(S, B), HUNDRED), places(percent?.quantity));
  }
  if (Object.keys(computed).length) figure.computed = computed;
  if (hedged(value.quantity, baseline?.quantity, ...changes.map((change) => change.quantity)) || !differences || !baselines) return;

  if (amount && baseline) {
    checked = true;
    if (!overlaps(differences, statedRange(stated(amount), amount.quantity))) {
      notes.push(
        note(
          amount.stated ?? amount.quantity.text,
          sub(V, parseDecimal(baseline.quantity.value)),
          amount.direction!,
          places(amount.quantity),
          ` ${amount.quantity.unit!.printed}`,
        ),
      );
    }
  }
  if (percent && compare(baselines[0], ZERO) > 0) {
    checked = true;
    // Every corner of the ranges: the share is monotonic in the difference and in the baseline.
    const lows = [differences[0], differences[1]];
    const shares = around(lows.flatMap((difference) => baselines!.map((B) => mul(div(difference, baseline ? B : sub(V, difference)), HUNDRED))));
    const statedShare = statedRange(stated(percent), percent.quantity);
    // A percentage compared with a percentage: 「增加 2%」 may mean points.
    const asPoints = unit === '%' && overlaps(differences, statedShare);
    if (!overlaps(shares, statedShare) && !asPoints)
      notes.push(note(percent.stated ?? percent.quantity.text, parseDecimal(computed.percent!), percent.direction!, places(percent.quantity), '%'));
  }
  if (points && unit === '%' && baseline) {
    checked = true;
    if (!overlaps(differences, statedRange(stated(points), points.quantity)))
      notes.push(
        note(points.stated ?? points.quantity.text, sub(V, parseDecimal(baseline.quantity.value)), points.direction!, places(points.quantity), ' 個百分點'),
      );
  }
  if (!changes.length && direction && baseline) {
    // 超越 108 年 92.3%: only a direction to check.
    checked = true;
    const difference = sub(V, parseDecimal(baseline.quantity.value));
    if (sign(difference) !== (direction === 'increase' ? 1 : -1))
      notes.push(
        `${baseline.quantity.text}，依所列數字計算為${WORDS[sign(difference) < 0 ? 'decrease' : 'increase']} ${grouped(difference, places(value.quantity))}`,
      );
  }
  if (!checked) return;
  figure.check = notes.length ? 'disagrees' : 'agrees';
  if (notes.length) figure.note = notes.join('；');
}

/** Fills a total's parts, their sum and the check. */
function sumTotal(figure: TextFigure, total: Fact, parts: Fact[]): void {
  const sum = parts.reduce((acc, part) => add(acc, parseDecimal(part.quantity.value)), ZERO);
  figure.parts = parts.map((part) => part.quantity.text);
  figure.computed = { total: toDecimal(sum) };
  if (hedged(total.quantity, ...parts.map((part) => part.quantity))) return;
  const range = parts.reduce<Range>(
    (acc, part) => {
      const [low, high] = printedRange(part.quantity);
      return [add(acc[0], low), add(acc[1], high)];
    },
    [ZERO, ZERO],
  );
  const agrees = overlaps(range, statedRange(parseDecimal(total.quantity.value), total.quantity));
  figure.check = agrees ? 'agrees' : 'disagrees';
  if (!agrees) figure.note = `${total.quantity.text}，依所列數字計算為 ${grouped(sum, places(total.quantity))} ${total.quantity.unit?.printed ?? ''}`.trimEnd();
}

/** The figures of a text's facts, compared and totalled where the text allows. */
export function checkFigures(facts: Fact[]): TextFigure[] {
  const figures = facts.map(base);
  facts.forEach((fact, index) => {
    if (fact.role === 'total')
      sumTotal(
        figures[index]!,
        fact,
        fact.parts!.map((part) => facts[part]!),
      );
    if (fact.role !== 'value') return;
    const baseline = facts.find((other) => other.role === 'baseline' && other.of === index);
    const changes = facts.filter((other) => other.role === 'change' && other.of === index);
    compareValue(figures[index]!, fact, baseline, changes);
    facts.forEach((other, at) => {
      if (other.role === 'change' && other.of === index && baseline?.period && !other.comparedWith) figures[at]!.comparedWith = baseline.period;
    });
  });
  return figures;
}
