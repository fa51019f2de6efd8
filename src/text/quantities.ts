/**
 * Figures as the pages show them: the exact value grouped in thousands with its unit in words a
 * reader knows (元 for TWD, 個百分點 for pp), so 「961 萬 400 度」 reads 9,610,400 kWh beside the text
 * as printed.
 */
import { ROC_OFFSET } from './dates.ts';

/** Units whose code is not what a reader of Chinese expects to see. */
const UNIT_LABEL: Record<string, string> = { TWD: '元', pp: '個百分點', USD: '美元', EUR: '歐元', JPY: '日圓', CNY: '人民幣' };

/** `TWD` → `元`; `kWh`, `件`, `大門` as they are. */
export const unitLabel = (unit: string): string => UNIT_LABEL[unit] ?? unit;

/** `9610400` → `9,610,400`; `-1.48` → `-1.48`: thousands grouped, decimals kept exactly. */
export function groupDigits(value: string): string {
  const [whole = '', fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** `9610400`, `kWh` → `9,610,400 kWh`; `1.48`, `%` → `1.48%`. */
export function formatQuantity(value: string, unit: string): string {
  const label = unitLabel(unit);
  if (!label) return groupDigits(value);
  return unit === '%' ? `${groupDigits(value)}%` : `${groupDigits(value)} ${label}`;
}

/** A figure's period in a few characters for a chart's axis: `109 年 1-6 月`, `109 年`, `截至 109 年 6 月 30 日`. */
export function formatPeriodShort(period: { start?: string; end?: string }): string {
  const [startYear, startMonth, startDay] = (period.start ?? '').split('-').map(Number);
  const [endYear, endMonth, endDay] = (period.end ?? '').split('-').map(Number);
  if (!period.start && endYear) return `截至 ${endYear - ROC_OFFSET} 年 ${endMonth} 月 ${endDay} 日`;
  if (!startYear || !endYear) return '';
  const wholeMonths = startDay === 1 && new Date(Date.UTC(endYear, endMonth!, 0)).getUTCDate() === endDay;
  if (!wholeMonths) return `${startYear - ROC_OFFSET} 年 ${startMonth} 月 ${startDay} 日至 ${endMonth} 月 ${endDay} 日`;
  if (startYear !== endYear) return `${startYear - ROC_OFFSET}-${endYear - ROC_OFFSET} 年`;
  if (startMonth === 1 && endMonth === 12) return `${startYear - ROC_OFFSET} 年`;
  return `${startYear - ROC_OFFSET} 年 ${startMonth}${startMonth === endMonth ? '' : `-${endMonth}`} 月`;
}
