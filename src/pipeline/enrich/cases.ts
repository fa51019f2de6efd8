/**
 * Tracked cases (列管案件): which case numbers a resolution names and what it does to them.
 *
 *   列管編號 205-1 併 208-2、209-1、209-3、209-4 等 4 案解除列管；列管編號 204-2、205-2 等 2 案廢續列管。
 *   → 205-1 and 208-2 merged and released; 209-1, 209-3, 209-4 released; 204-2, 205-2 continued.
 *
 * 廢續列管 is the OCR's reading of 賡續列管 and means the same. Follow-up tables
 * (`| 案由及承辦單位 | 辦理情形 | 解除列管 | 繼續列管 |` with a V in the column that applies) are read too.
 */
import { createHash } from 'node:crypto';
import type { CaseAction, CaseRef } from '../../model/types.ts';
import { toHalfWidth } from '../../text/dates.ts';

const ACTIONS: Array<[CaseAction, RegExp]> = [
  ['continued', /(?:賡續|廢續|繼續|持續|續予|延續)列管|續列管|(?:賡續|繼續|持續)追蹤/],
  ['released', /解除列管|同意解列|予以解列|解列|銷案|結案/],
  ['opened', /新增列管|列入列管|予以列管|納入列管|列管追蹤/],
];

const CASE_NUMBER = String.raw`\d{1,6}(?:\s*-\s*\d{1,4})*`;
/** A keyword, then case numbers joined by 、，及與和暨併 (the 併 marks a merge). */
const CASE_LIST = new RegExp(
  String.raw`(?:列管(?:案件)?(?:編號|案號)|案號|編號)\s*(?:第\s*)?(${CASE_NUMBER}(?:\s*(?:、|，|,|及|和|與|暨|併|\s)\s*${CASE_NUMBER})*)`,
  'g',
);

function actionOf(text: string): CaseAction | undefined {
  return ACTIONS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** Reads the case numbers of one list (`205-1 併 208-2、209-1`), with the merges it states. */
function readList(list: string): Array<{ id: string; mergedWith: string[]; into?: string }> {
  const entries: Array<{ id: string; mergedWith: string[]; into?: string }> = [];
  let mergeNext = false;
  for (const token of list.match(new RegExp(`${CASE_NUMBER}|併`, 'g')) ?? []) {
    if (token === '併') {
      mergeNext = true;
      continue;
    }
    const entry = { id: token.replace(/\s+/g, ''), mergedWith: [] as string[] };
    const previous = entries.at(-1);
    if (mergeNext && previous) {
      previous.mergedWith.push(entry.id);
      previous.into ??= entry.id;
      entry.mergedWith.push(previous.id);
    }
    mergeNext = false;
    entries.push(entry);
  }
  return entries;
}

/**
 * The cases a text names, in order, each once: with the action the text states for its list, or
 * `mentioned` where the list states none (`列管案號 12616 原訂今年 10 月底完工`). A case merged into the
 * next one (`205-1 併 208-2 … 解除列管`) is `released` with `mergedInto` when the list is released, else
 * `merged` with `into`; the case merged into keeps the list's action.
 */
export function parseCaseActions(text: string): CaseRef[] {
  const half = toHalfWidth(text);
  const refs: CaseRef[] = [];
  for (const clause of half.split(/[；;。\n]/)) {
    for (const match of clause.matchAll(CASE_LIST)) {
      // The action is what follows the list in the same clause (`…等 4 案解除列管`).
      const rest = clause.slice(match.index + match[0].length);
      const nextList = rest.search(/列管(?:案件)?(?:編號|案號)|案號|編號/);
      const action = actionOf(nextList >= 0 ? rest.slice(0, nextList) : rest) ?? 'mentioned';
      for (const { id, mergedWith, into } of readList(match[1]!)) {
        if (refs.some((ref) => ref.id === id)) continue;
        const merge = mergedWith.length ? { mergedWith } : {};
        if (into && action === 'released') refs.push({ id, action, mergedInto: into, ...merge });
        else if (into && action !== 'mentioned') refs.push({ id, action: 'merged', into, ...merge });
        else refs.push({ id, action, ...merge });
      }
    }
  }
  return refs;
}

const MARK = /^(?:v|V|ｖ|Ｖ|✓|✔|☑|○|●|◎|是|x|X)$/;

/** Reads a follow-up table: the case number of each row and the status column marked in it. */
export function tableCaseActions(table: { header: string[]; rows: string[][] }): CaseRef[] {
  const header = table.header.map((cell) => toHalfWidth(cell).replace(/\s+/g, ''));
  const statusColumns = header
    .map((cell, index) => ({ index, action: /^(?:解除|解列|繼續|賡續|續|新增)/.test(cell) ? actionOf(cell) : undefined }))
    .filter((column): column is { index: number; action: CaseAction } => Boolean(column.action));
  const textColumn = header.findIndex((cell) => /列管建議|建議|擬辦|列管情形|列管狀態|處理情形/.test(cell));
  if (!statusColumns.length && textColumn < 0) return [];
  const idColumn = header.findIndex((cell) => /編號|案號|序號/.test(cell));
  const subjectColumn = header.findIndex((cell) => /案由|事項|項目|議題|案名/.test(cell));
  const refs: CaseRef[] = [];
  for (const row of table.rows) {
    const marked = statusColumns.find((column) => MARK.test((row[column.index] ?? '').trim()));
    const action = marked?.action ?? (textColumn >= 0 ? actionOf(row[textColumn] ?? '') : undefined);
    if (!action) continue;
    const id = rowCaseId(row, idColumn);
    if (id) {
      refs.push({ id, action });
      continue;
    }
    // A row without a number, marked in a status column: its 案由 is the case.
    const subject = (row[subjectColumn] ?? '').trim();
    if (marked && subjectColumn >= 0 && subject) refs.push({ id: subjectKey(subject), subject, action });
  }
  return refs;
}

/**
 * The key of a case known only by its 案由: the same at every meeting that prints the row, whatever
 * its spacing, width or the unit in brackets after it (a case may change hands).
 */
export function subjectKey(subject: string): string {
  const core = toHalfWidth(subject)
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]*[）)]$/, '');
  return `s-${createHash('sha256')
    .update(core || subject)
    .digest('hex')
    .slice(0, 8)}`;
}

function rowCaseId(row: string[], idColumn: number): string | undefined {
  // Without a number column, only a number at the start of the first cell (or after 編號/案號) is one.
  if (idColumn >= 0) return new RegExp(CASE_NUMBER).exec(toHalfWidth(row[idColumn] ?? ''))?.[0].replace(/\s+/g, '');
  const first = toHalfWidth(row[0] ?? '');
  return (/\d{1,6}-\d{1,4}/.exec(first) ?? /(?:編號|案號)\s*(\d{1,6})/.exec(first) ?? /^\s*(\d{1,6})(?:[.、\s]|$)/.exec(first))?.slice(-1)[0]?.trim();
}
