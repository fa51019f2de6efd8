/**
 * An agency's indicators across its reports: the figures a report states as values of a named
 * indicator (總用電量, 總用水量…), joined with the same indicator in the same unit in the agency's
 * other reports, oldest period first. An indicator a report states twice (發布貼文 on three
 * platforms) is left out of that report, since which one continues the series is not known.
 */
import type { ArchiveDocument, Figure } from '../model/types.ts';

export interface IndicatorPoint {
  document: ArchiveDocument;
  figure: Figure;
  /** The period the value is for: the figure's own when the text gives one, else the report's. */
  period: { start?: string; end?: string };
}

export interface IndicatorSeries {
  indicator: string;
  unit: string;
  points: IndicatorPoint[];
}

const keyOf = (figure: Figure) => `${figure.indicator}\u0000${figure.unit}`;

/** The indicators found in at least two of the reports, in the order the newest report states them. */
export function indicatorSeries(reports: ArchiveDocument[]): IndicatorSeries[] {
  const ordered = reports
    .filter((report) => report.kind === 'report')
    .sort((a, b) => (a.period?.start ?? a.date ?? '').localeCompare(b.period?.start ?? b.date ?? ''));
  const series = new Map<string, IndicatorSeries>();
  for (const document of ordered) {
    const values = (document.figures ?? []).filter((figure) => figure.role === 'value' && figure.indicator);
    const counts = new Map<string, number>();
    for (const figure of values) counts.set(keyOf(figure), (counts.get(keyOf(figure)) ?? 0) + 1);
    for (const figure of values) {
      if (counts.get(keyOf(figure)) !== 1) continue;
      const entry = series.get(keyOf(figure)) ?? { indicator: figure.indicator!, unit: figure.unit, points: [] };
      const period = figure.period?.start || figure.period?.end ? figure.period : document.period;
      entry.points.push({ document, figure, period: { ...(period?.start ? { start: period.start } : {}), ...(period?.end ? { end: period.end } : {}) } });
      series.set(keyOf(figure), entry);
    }
  }
  const newest = ordered.at(-1);
  const order = new Map((newest?.figures ?? []).map((figure, index) => [keyOf(figure), index] as const));
  return [...series.values()]
    .filter((entry) => new Set(entry.points.map((point) => point.document.id)).size >= 2)
    .sort(
      (a, b) =>
        (order.get(`${a.indicator}\u0000${a.unit}`) ?? Number.MAX_SAFE_INTEGER) - (order.get(`${b.indicator}\u0000${b.unit}`) ?? Number.MAX_SAFE_INTEGER),
    );
}
