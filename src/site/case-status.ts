/**
 * A tracked case's status as its page states it: always as of a meeting, since the archive knows
 * a case only from the minutes it holds. 「列管中（截至第224次會議）」, 「已解除列管（第210次會議）」, and for a
 * case a later list of open cases leaves out 「第224次起未再列管（紀錄未載解除）」 rather than 列管中.
 */
import type { TrackedCase } from '../facts/archive.ts';
import type { ArchiveDocument } from '../model/types.ts';
import { formatDate } from '../text/format.ts';

/** 「第224次」, 「113 年第 12 次」, or the date for a meeting without a number. */
export const meetingName = (document: ArchiveDocument) =>
  document.session ? (document.session.year ? document.session.label : `第${document.session.number}次`) : formatDate(document.date);

export function caseStatus(tracked: TrackedCase): { text: string; at: ArchiveDocument } {
  if (tracked.status === 'dropped') return { text: `${meetingName(tracked.droppedAt!)}起未再列管（紀錄未載解除）`, at: tracked.droppedAt! };
  if (tracked.status === 'released') return { text: `已解除列管（${meetingName(tracked.asOf)}會議）`, at: tracked.asOf };
  return { text: `列管中（截至${meetingName(tracked.asOf)}會議）`, at: tracked.asOf };
}
