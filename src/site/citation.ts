/**
 * The citation staff paste into a letter or a report: document title, label path of the item or
 * resolution (`貳、一、(二)`), date in ROC and AD years, and the absolute permanent link.
 */
import { formatDate } from '../text/format.ts';

export interface CitationParts {
  /** The document's title as printed. */
  title: string;
  /**
   * Labels from the section down to the cited item or resolution, e.g. `['貳、', '一、', '(二)']`;
   * where a level has no label, what names it instead (an unlabelled item's title, `會議結論`).
   */
  labels: string[];
  /** ISO date of the document. */
  date?: string;
  /** Absolute URL of the item's or resolution's anchor. */
  url: string;
}

/** `臺北市政府第210次主任秘書會報紀錄，貳、一、(二)，民國110年（2021年）7月22日，https://…/210/#res-2-1-2` */
export function citation({ title, labels, date, url }: CitationParts): string {
  const path = labels.join('').replace(/、$/, '');
  return [title, path, formatDate(date), url].filter(Boolean).join('，');
}
