/**
 * A figure printed in a document, as data (issue 19): the quantity's exact value and unit, the text
 * as printed and where it stands, what it measures, its period, and for a compared figure the
 * baseline, the change the text states and the change its own numbers give.
 */
import { z } from 'astro/zod';

/** The same pattern as document.ts's ISO dates (which imports this file), so the README calls it an ISO date. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const decimal = z.string().regex(/^-?\d+(?:\.\d+)?$/, 'expected a decimal number such as 9610400 or -1.48');

export const dimensionSchema = z.enum([
  'energy',
  'power',
  'money',
  'volume',
  'mass',
  'area',
  'length',
  'count',
  'percent',
  'percentage-point',
  'ratio',
  'duration',
  'temperature',
  'other',
]);

export const qualifierSchema = z.enum(['more-than', 'about', 'over', 'nearly', 'at-least', 'at-most', 'under']);

export const directionSchema = z.enum(['increase', 'decrease']);

export const periodSchema = z
  .object({
    text: z.string().describe('As printed: 「本期」, 「108 年同期」, 「109 年 1 月至 6 月」, 「截至 109 年 6 月底止」.'),
    start: z.string().optional().describe("Its first day, ISO: `2020-01-01` (本期 is the report's period); absent for a stock as of a day."),
    end: isoDate.optional().describe('Its last day, ISO: `2020-06-30`; absent when the calendar cannot place it (每年).'),
  })
  .meta({ title: 'Period' });

/** Another figure printed beside this one, by its value and text. */
const printedSchema = z.object({
  value: decimal.describe("Its exact value, in the figure's unit."),
  text: z.string().describe('As printed: 「975 萬 5,200 度」, 「1.48%」.'),
});

export const figureSchema = z
  .object({
    anchor: z.string().describe('Anchor of the item or resolution the figure is printed in: `item-1-1-1-1-1`, `res-2-3-1`.'),
    field: z.enum(['title', 'text', 'resolution']).describe("Which text of it holds the figure: the item's `title` or `text`, or the resolution's `text`."),
    start: z.number().int().nonnegative().describe('Offset of `text` in that field, in UTF-16 code units, from 0.'),
    end: z.number().int().nonnegative().describe("Offset just after it: the field's characters [start, end) are `text`."),
    line: z.number().int().positive().describe('The line of the source file the figure is printed on.'),
    text: z.string().describe('The figure as printed, qualifier and unit included: 「961 萬 400 度」, 「325 萬餘元」, 「約 1,237.6 公升」.'),
    value: decimal.describe('The exact value in `unit`, as a decimal: `9610400` for 961 萬 400 度, `3250000` for 325 萬餘元 (never a float).'),
    unit: z
      .string()
      .describe(
        "The unit the value is in: `kWh` (度 of electricity), `m³` (度 of water), `TWD` (元, 萬元…), `L`, `t`, `ha`, `m²`, `%`, `pp` (百分點), a count's measure word as printed (`件`, `人次`), or any other unit as printed; empty for a bare number.",
      ),
    unitText: z.string().optional().describe('The unit as printed, when it is printed: 「度」, 「萬元」, 「個百分點」.'),
    dimension: dimensionSchema
      .optional()
      .describe(
        'What kind of amount: `energy`, `money`, `volume`, `count`, `percent`, `percentage-point`, `duration`… `other` for a unit the archive does not know; absent for a bare number.',
      ),
    qualifier: qualifierSchema
      .optional()
      .describe(
        'How the text hedges it: `more-than` (餘, 多), `about` (約), `over` (逾, 超過), `nearly` (近), `at-least` (以上), `at-most` (以下), `under` (未滿).',
      ),
    role: z
      .enum(['value', 'baseline', 'change', 'total'])
      .describe(
        'What the figure is in its sentence: a `value` reported, the `baseline` it is compared with (與 108 年同期 975 萬 5,200 度比較), a stated `change` (減少 1.48%), or the `total` of the figures listed before it (計 78 件).',
      ),
    indicator: z
      .string()
      .optional()
      .describe("What it measures, when the sentence says: 「總用電量」 for 本期總用電量 961 萬 400 度; a baseline and a change carry their value's."),
    period: periodSchema.optional().describe("The period it is for, when the sentence says: 本期 (the report's period), 108 年同期 (a baseline's)."),
    comparedWith: periodSchema.optional().describe('A change: the period it is measured from, when the sentence names it: 「107 年基期」, 「108 年同期」.'),
    direction: directionSchema.optional().describe('A change: `increase` (增加, 成長, 超越…) or `decrease` (減少, 下降, 節省…).'),
    baseline: printedSchema
      .extend({ period: periodSchema.optional().describe("The baseline's period.") })
      .optional()
      .describe('A value: the figure it is compared with.'),
    change: z
      .object({
        direction: directionSchema.describe('The direction the text states.'),
        amount: printedSchema.optional().describe("The change in the value's unit, as stated: 「14 萬 4,800 度」."),
        percent: printedSchema.optional().describe('The change in percent of the baseline, as stated: 「1.48%」.'),
        points: printedSchema.optional().describe('The change in percentage points, as stated: 「2.5 個百分點」.'),
      })
      .optional()
      .describe('A value: the change from the baseline the text states.'),
    computed: z
      .object({
        amount: decimal.optional().describe('Value minus baseline, signed: `-144800`.'),
        percent: decimal.optional().describe('That in percent of the baseline, signed, to the decimals printed: `-1.48`.'),
        points: decimal.optional().describe('For a percentage: value minus baseline in percentage points.'),
        total: decimal.optional().describe('A total: the sum of the figures it totals.'),
      })
      .optional()
      .describe("What the printed figures give: the change from value and baseline, or the sum of a total's parts."),
    parts: z.array(z.string()).optional().describe('A total: the figures it totals, as printed: 「69 件」, 「9 件」.'),
    check: z
      .enum(['agrees', 'disagrees'])
      .optional()
      .describe(
        'Whether the stated change or total agrees with `computed` within the rounding printed; absent when the text gives too little to check, or hedges a figure (約, 餘).',
      ),
    note: z
      .string()
      .optional()
      .describe(
        'When it disagrees: the stated figure and what the printed figures give, 「減少 1.48%，依所列數字計算為 1.49%」. The text itself is never corrected.',
      ),
  })
  .meta({ title: 'Figure' });
