/**
 * The confirmation chain across documents. Minutes are confirmed (`紀錄確定`) or amended (`修正為…`,
 * `其餘紀錄確定`) at the next session; the pipeline records that on the confirming document
 * (`previous`). This turns it around, once for the archive: for each minutes, the document that
 * confirmed or amended it, or what can honestly be said when the archive does not show it.
 */
import type { Amendment, ArchiveDocument, PreviousMinutes, Session } from '../model/types.ts';
import { ROC_OFFSET } from '../text/dates.ts';
import type { Series } from './archive.ts';

/** The later meeting that read these minutes, and what it decided about them. */
export interface Confirmation {
  by: ArchiveDocument;
  status: PreviousMinutes['status'];
  /** Anchor of the item in `by` that reads these minutes. */
  anchor: string;
  /** The amendments in `by`'s own words (empty unless amended). */
  amendments: Amendment[];
}

export type ConfirmationRecord =
  | { state: 'recorded'; confirmation: Confirmation }
  /** The archive lacks the next session, which would confirm them; `next` names it: `第211次`. */
  | { state: 'next-not-held'; next: string }
  /** The archive holds the next session, but it does not say it read these minutes. */
  | { state: 'not-recorded'; next: ArchiveDocument };

const sameSession = (a: Session, b: Session) => a.number === b.number && (a.year ?? b.year) === (b.year ?? a.year);

/** The session that would confirm minutes of `session`: `第211次`; where numbering restarts yearly the next year's first is possible too. */
export function nextSessionLabel(session: Session, yearHasLater: boolean): string {
  if (!session.year) return `第${session.number + 1}次`;
  const roc = session.year - ROC_OFFSET;
  const next = `${roc}年第${session.number + 1}次`;
  return yearHasLater ? next : `${next}或${roc + 1}年第1次`;
}

/** What the archive says about the confirmation of each minutes of a series, by document id. */
function seriesConfirmations(series: Series, records: Map<string, ConfirmationRecord>): void {
  const numbered = series.documents.filter((document) => document.kind === 'minutes' && document.session);
  // A series whose minutes never read the previous ones (局務會議 listing only 主席裁示事項) confirms nothing we could miss.
  if (!numbered.some((document) => document.previous)) return;
  const byNumber = new Map<number, ArchiveDocument[]>();
  for (const document of numbered) byNumber.set(document.session!.number, [...(byNumber.get(document.session!.number) ?? []), document]);
  const find = (session: Session, except?: ArchiveDocument) =>
    byNumber.get(session.number)?.find((document) => document !== except && sameSession(document.session!, session));
  const latestInYear = new Map<number | undefined, number>();
  for (const { session } of numbered) latestInYear.set(session!.year, Math.max(latestInYear.get(session!.year) ?? 0, session!.number));

  for (const by of numbered) {
    const target = by.previous?.session && find(by.previous.session, by);
    if (target && by.previous && !records.has(target.id)) {
      const { status, anchor, amendments = [] } = by.previous;
      records.set(target.id, { state: 'recorded', confirmation: { by, status, anchor, amendments } });
    }
  }
  for (const document of numbered) {
    if (records.has(document.id)) continue;
    const session = document.session!;
    const next = find({ ...session, number: session.number + 1 });
    if (next) records.set(document.id, { state: 'not-recorded', next });
    else records.set(document.id, { state: 'next-not-held', next: nextSessionLabel(session, latestInYear.get(session.year)! > session.number) });
  }
}

/** Every minutes' confirmation record, by document id; minutes of series that do not read the previous minutes have none. */
export function archiveConfirmations(series: Iterable<Series>): Map<string, ConfirmationRecord> {
  const records = new Map<string, ConfirmationRecord>();
  for (const entry of series) seriesConfirmations(entry, records);
  return records;
}
