/**
 * Open data for spreadsheets: `dist/data/figures.csv`, one row per figure printed in the archive's
 * documents (src/pipeline/enrich/figures/): its exact value and unit, what it measures and for
 * which period, the baseline, the change the text states and the change its own figures give.
 * RFC 4180 as resolutions.csv: BOM, CRLF records, a field quoted when it holds a comma, a quote, a CR
 * or an LF. Values are exact decimals, as in the model; texts are the documents' own characters.
 */
import { stringify } from 'csv-stringify/sync';
import type { ArchiveDocument, Figure, FigurePeriod } from '../model/types.ts';
import type { TableField } from './datapackage.ts';
import { NEEDS_QUOTES } from './resolutions-csv.ts';

/** Column names, in order: English keys a program can rely on. */
export const FIGURE_COLUMNS = [
  'document_id',
  'anchor',
  'indicator',
  'value',
  'unit',
  'qualifier',
  'period',
  'period_text',
  'baseline',
  'baseline_period',
  'stated_change',
  'stated_change_percent',
  'computed_change',
  'computed_change_percent',
  'computed_total',
  'check',
  'note',
  'role',
  'text',
  'field',
  'start',
  'line',
  'url',
] as const;

export type FigureRow = Record<(typeof FIGURE_COLUMNS)[number], string>;

/** A period as an ISO 8601 interval: `2020-01-01/2020-06-30`, `/2020-06-30` for a stock as of a day. */
const interval = (period: FigurePeriod | undefined) => (period && (period.start || period.end) ? `${period.start ?? ''}/${period.end ?? ''}` : '');

const signed = (value: string, direction: 'increase' | 'decrease') => (direction === 'decrease' && !/^-|^0(?:\.0*)?$/.test(value) ? `-${value}` : value);

/** The stated change in the value's unit (an amount, or points for a percentage) and in percent. */
function statedChange(figure: Figure): { amount: string; percent: string } {
  const change = figure.change;
  if (!change) return { amount: '', percent: '' };
  const amount = change.amount ?? change.points;
  return {
    amount: amount ? signed(amount.value, change.direction) : '',
    percent: change.percent ? signed(change.percent.value, change.direction) : '',
  };
}

/**
 * The rows of every figure of the documents, in document and reading order.
 * @param pageUrl absolute URL of a document page (site and base path included)
 */
export function figureRows(documents: ArchiveDocument[], pageUrl: (document: ArchiveDocument) => string): FigureRow[] {
  return documents.flatMap((document) =>
    (document.figures ?? []).map((figure) => {
      const stated = statedChange(figure);
      return {
        document_id: document.id,
        anchor: figure.anchor,
        indicator: figure.indicator ?? '',
        value: figure.value,
        unit: figure.unit,
        qualifier: figure.qualifier ?? '',
        period: interval(figure.period),
        period_text: figure.period?.text ?? '',
        baseline: figure.baseline?.value ?? '',
        baseline_period: interval(figure.baseline?.period),
        stated_change: stated.amount,
        stated_change_percent: stated.percent,
        computed_change: figure.computed?.amount ?? '',
        computed_change_percent: figure.computed?.percent ?? '',
        computed_total: figure.computed?.total ?? '',
        check: figure.check ?? '',
        note: figure.note ?? '',
        role: figure.role,
        text: figure.text,
        field: figure.field,
        start: String(figure.start),
        line: String(figure.line),
        url: `${pageUrl(document)}#${figure.anchor}`,
      };
    }),
  );
}

/** The CSV file (RFC 4180): BOM, header row, CRLF after every record, quoted fields per {@link NEEDS_QUOTES}. */
export function figuresCsv(rows: FigureRow[]): string {
  return stringify(rows, { bom: true, header: true, columns: [...FIGURE_COLUMNS], record_delimiter: '\r\n', quoted_match: NEEDS_QUOTES });
}

/**
 * What each column of figures.csv holds, for the Data Package's Table Schema. Keyed by column, so a
 * column added to FIGURE_COLUMNS does not compile until it is described here too. Decimals are
 * strings: they are exact (961 萬 400 度 is 9610400), and a float type would invite rounding.
 */
const FIGURE_FIELDS: Record<(typeof FIGURE_COLUMNS)[number], Omit<TableField, 'name'>> = {
  document_id: { type: 'string', title: '文件識別碼', description: '文件的識別碼，與 data/documents/<id>.json 的檔名相同', constraints: { required: true } },
  anchor: { type: 'string', title: '段落錨點', description: '數據所在項次或結論的錨點，例如 item-1-1-1-1-1', constraints: { required: true } },
  indicator: { type: 'string', title: '指標', description: '數據衡量的對象，依原文句中所述，例如「總用電量」；句中未說明時為空白' },
  value: { type: 'string', title: '數值', description: '精確數值（十進位字串），單位見 unit：「961 萬 400 度」為 9610400', constraints: { required: true } },
  unit: {
    type: 'string',
    title: '單位',
    description: 'kWh（電的度）、m³（水的度）、TWD（元）、L、t、ha、m²、%、pp（百分點）、計數單位依原文（件、人次），其他單位依原文',
  },
  qualifier: {
    type: 'string',
    title: '約略詞',
    description: 'more-than（餘、多）、about（約）、over（逾、超過）、nearly（近）、at-least（以上）、at-most（以下）、under（未滿）',
  },
  period: { type: 'string', title: '期間', description: '數據所屬期間，ISO 8601 區間：2020-01-01/2020-06-30；截至某日的存量為 /2020-06-30' },
  period_text: { type: 'string', title: '期間原文', description: '期間依原文，例如「本期」、「109 年 1 月至 6 月」' },
  baseline: { type: 'string', title: '比較基準', description: '比較基準的精確數值，與 value 同單位，例如「108 年同期 975 萬 5,200 度」為 9755200' },
  baseline_period: { type: 'string', title: '基準期間', description: '比較基準的期間，ISO 8601 區間' },
  stated_change: { type: 'string', title: '原文增減', description: '原文所述增減量，與 value 同單位，減少為負數；百分比數值的增減為百分點' },
  stated_change_percent: { type: 'string', title: '原文增減百分比', description: '原文所述增減百分比，減少為負數' },
  computed_change: { type: 'string', title: '計算增減', description: '依所列數值計算的增減量（數值減基準）' },
  computed_change_percent: { type: 'string', title: '計算增減百分比', description: '依所列數值計算的增減百分比，取原文的小數位數' },
  computed_total: { type: 'string', title: '計算合計', description: '「計」、「共」等合計數：所列各項相加之和' },
  check: { type: 'string', title: '核對結果', description: 'agrees（原文增減或合計與計算相符，容許原文的四捨五入）、disagrees（不符）；無從核對時為空白' },
  note: { type: 'string', title: '核對說明', description: '不符時的說明，例如「減少 1.48%，依所列數字計算為 1.49%」；原文不作更正' },
  role: { type: 'string', title: '角色', description: 'value（數值）、baseline（比較基準）、change（增減）、total（合計）', constraints: { required: true } },
  text: { type: 'string', title: '原文', description: '數據依原文，含約略詞與單位，例如「325 萬餘元」', constraints: { required: true } },
  field: { type: 'string', title: '所在欄位', description: 'title（項次標題）、text（項次內文）或 resolution（會議結論）', constraints: { required: true } },
  start: {
    type: 'integer',
    title: '起始位置',
    description: '原文在該欄位中的起始位置（自 0 起算的 UTF-16 字元數）；與 url、field 合為每列的唯一鍵',
    constraints: { required: true },
  },
  line: { type: 'integer', title: '原始檔行號', description: '數據在原始檔（/sources/<id>.txt）的行號' },
  url: { type: 'string', format: 'uri', title: '固定網址', description: '數據所在段落的固定網址，可直接引用', constraints: { required: true } },
};

/** The Table Schema fields of figures.csv, in column order. */
export const figureFields = (): TableField[] => FIGURE_COLUMNS.map((name) => ({ name, ...FIGURE_FIELDS[name] }));
