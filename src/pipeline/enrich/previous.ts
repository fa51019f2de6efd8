/**
 * The previous minutes a meeting reads and confirms: `壹、宣讀本府110年6月25日第209次主任秘書會報紀錄。`
 * with `會議結論：紀錄確定。` (confirmed) or amendments (`…修改為…`, `修正後確定`: amended).
 */
import type { Amendment, Item, PreviousMinutes, Session } from '../../model/types.ts';
import { ROC_OFFSET, findDate, toHalfWidth } from '../../text/dates.ts';

const READS_PREVIOUS = /(?:宣讀|確認).*(?:紀錄|記錄)/;
const AMENDS = /修正|修改|刪除|更正|增列|補充為/;

/** The resolutions that amend, or failing those the lines of the item's text that do (`…紀錄修正後確定。`). */
function findAmendments(item: Item): Amendment[] {
  const resolutions = item.resolutions.filter((resolution) => AMENDS.test(resolution.text));
  if (resolutions.length) return resolutions.map(({ anchor, label, text }) => ({ anchor, label, text }));
  return item.text
    .split('\n')
    .filter((line) => AMENDS.test(line))
    .map((text) => ({ anchor: item.anchor, label: '', text }));
}

export function findPrevious(items: Item[], current?: Session): PreviousMinutes | undefined {
  const item = items.slice(0, 3).find((candidate) => READS_PREVIOUS.test(candidate.title));
  if (!item) return undefined;
  // `宣讀本府110年6月25日第209次…紀錄` names the session in the title; 市政會議 says it below (`第2129次市政會議紀錄修正後確定`).
  const title = toHalfWidth(`${item.title}\n${item.text}`);
  const date = findDate(title)?.iso;
  const numbered = /(?:(\d{2,3})\s*年(?:度)?\s*)?第\s*(\d+)\s*次/.exec(title);
  let session: Session | undefined;
  if (numbered) {
    const year = numbered[1] ? Number(numbered[1]) + ROC_OFFSET : current?.year;
    session = { number: Number(numbered[2]), ...(year ? { year } : {}), label: numbered[0] };
  } else if (/上次/.test(title) && current && current.number > 1) {
    // `確認上次會議紀錄` names no number: the previous session is the one before this.
    session = { number: current.number - 1, ...(current.year ? { year: current.year } : {}), label: '上次' };
  }
  const decided = [item.text, ...item.resolutions.map((resolution) => resolution.text)].join('\n');
  const status = AMENDS.test(decided) ? 'amended' : /確定|洽悉|備查|無異議|通過/.test(decided) ? 'confirmed' : 'unknown';
  const amendments = status === 'amended' ? findAmendments(item) : [];
  return { ...(session ? { session } : {}), ...(date ? { date } : {}), status, anchor: item.anchor, ...(amendments.length ? { amendments } : {}) };
}
