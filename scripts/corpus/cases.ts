/**
 * Tracked cases (列管案件): sentences that release or continue them, made templates of where the
 * model of the real minutes found cases in a resolution, and a series' open cases from session to
 * session, so the sentences name the cases the series' own earlier sessions opened.
 *
 *   列管編號 205-1 併 208-2、209-1、209-3、209-4 等 4 案解除列管；列管編號 204-2 … 等 4 案廢續列管。
 *   → 列管編號 {released} 等 {n} 案解除列管；列管編號 {continued} 等 {n} 案廢續列管。
 */
import type { CaseRef } from '../../src/model/types.ts';
import { toHalfWidth } from '../../src/text/dates.ts';
import type { Random } from './random.ts';

export type CaseAction = 'released' | 'continued';

export interface CaseTemplate {
  /** Text around the lists: pieces[i] before list i, the last after the last list; `\u0000` marks a count (`等 4 案`). */
  pieces: string[];
  actions: CaseAction[];
  /** `223-1` (session-number) rather than `10201` (session and number run together). */
  dashed: boolean;
  /** What joins the last id to the others when not `、` (` 及 `). */
  lastJoiner?: string;
  /** The first two released cases were merged (`205-1 併 208-2`). */
  merges: boolean;
}

const COUNT = /(等\s*)\d+(\s*案)/;
/** What stands between two case numbers of one list: `、`, `及`, `併` (a merge), a space. */
const JOINER = /^\s*(?:、|，|,|及|和|與|暨|併)?\s*$/;
/** A joiner in words, which the list then uses before its last number only (`10201 及 10203`). */
const WORD_JOINER = /及|和|與|暨/;

/** A list of case numbers in a sentence, where the model's cases of one action stand one after another. */
interface CaseList {
  start: number;
  end: number;
  action: CaseAction;
  joiners: string[];
  merges: boolean;
}

/**
 * The templates a tracked-case sentence makes, from the cases the model found in it (`refs`, in
 * the order of the text): the whole sentence, and each of its clauses (`；`) on its own. Undefined
 * when a case is opened rather than released or continued, or its number is not in the text.
 */
export function readCaseSentence(text: string, refs: CaseRef[]): CaseTemplate[] | undefined {
  const lists = locateLists(text, refs);
  if (!lists) return undefined;
  const templates = [template(text, lists)];
  const ends = [...text.matchAll(/；/g)].map((match) => match.index + 1).filter((at) => at < text.length);
  if (!ends.length) return templates;
  [0, ...ends].forEach((start, k) => {
    const end = ends[k] ?? text.length;
    const inside = lists.filter((list) => list.start >= start && list.end <= end);
    const clause = text.slice(start, end).replace(/；$/, '。');
    if (inside.length)
      templates.push(
        template(
          clause,
          inside.map((list) => ({ ...list, start: list.start - start, end: list.end - start })),
        ),
      );
  });
  return templates;
}

function locateLists(text: string, refs: CaseRef[]): CaseList[] | undefined {
  // Positions in the half-width text are positions in the text: the fold maps one character to one.
  const half = toHalfWidth(text);
  const lists: CaseList[] = [];
  let from = 0;
  for (const ref of refs) {
    // A merge is stated again as its own entry; the released or continued one places it.
    if (ref.action === 'merged') continue;
    if (ref.action !== 'released' && ref.action !== 'continued') return undefined;
    const found = findCase(half, ref.id, from);
    if (!found) return undefined;
    const last = lists.at(-1);
    const gap = last ? text.slice(last.end, found.start) : '';
    const merges = Boolean(ref.mergedWith?.length);
    if (last && last.action === ref.action && JOINER.test(gap)) {
      last.joiners.push(gap);
      last.end = found.end;
      last.merges ||= merges;
    } else lists.push({ ...found, action: ref.action, joiners: [], merges });
    from = found.end;
  }
  return lists.length ? lists : undefined;
}

/** Where a case number (`205-1`, `9805`) stands in the text from `from` on, as a whole number (not inside `1205-12`). */
function findCase(text: string, id: string, from: number): { start: number; end: number } | undefined {
  if (!/^\d+(?:-\d+)*$/.test(id)) return undefined;
  const pattern = new RegExp(String.raw`(?<![\d-])${id.split('-').join(String.raw`\s*-\s*`)}(?!\d|\s*-\s*\d)`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

function template(text: string, lists: CaseList[]): CaseTemplate {
  const pieces = [text.slice(0, lists[0]!.start)];
  lists.forEach((list, k) => pieces.push(text.slice(list.end, lists[k + 1]?.start ?? text.length).replace(COUNT, '$1\u0000$2')));
  const lastJoiner = lists.map((list) => list.joiners.at(-1)).find((joiner) => joiner !== undefined && WORD_JOINER.test(joiner));
  return {
    pieces,
    actions: lists.map((list) => list.action),
    dashed: lists.some((list) => text.slice(list.start, list.end).includes('-')),
    ...(lastJoiner ? { lastJoiner } : {}),
    merges: lists.some((list) => list.merges),
  };
}

/** Writes a template with the given cases; undefined when it needs a list that is empty. */
export function writeCaseSentence(template: CaseTemplate, lists: Record<CaseAction, string[]>, merge: boolean): string | undefined {
  if (template.actions.some((action) => !lists[action].length)) return undefined;
  let out = template.pieces[0]!;
  template.actions.forEach((action, index) => {
    let ids = [...lists[action]];
    let count = ids.length;
    if (merge && template.merges && action === 'released' && ids.length >= 3) {
      ids = [`${ids[0]} 併 ${ids[1]}`, ...ids.slice(2)];
      count--;
    }
    const list = ids.length > 1 && template.lastJoiner ? `${ids.slice(0, -1).join('、')}${template.lastJoiner}${ids.at(-1)}` : ids.join('、');
    out += list + template.pieces[index + 1]!.replace('\u0000', String(count));
  });
  return out;
}

/** The cases a series has open: each session reviews them (some released, the rest continued) and opens new ones. */
export function createCaseBook(random: Random) {
  let open: string[] = [];
  return {
    review(): Record<CaseAction, string[]> {
      const released: string[] = [];
      const continued: string[] = [];
      for (const id of open) (random.chance(0.6) ? released : continued).push(id);
      // A few cases stay open for years (204-2 in 224); most are closed within a few sessions.
      while (continued.length > 7) released.push(continued.splice(random.int(0, continued.length - 1), 1)[0]!);
      open = continued;
      return { released: sortIds(released), continued };
    },
    open(ids: string[]): void {
      open.push(...ids);
    },
  };
}

/** `9805` < `10201`, `205-1` < `205-2` < `208-1`: by their numbers, not as text (and without locale data). */
function sortIds(ids: string[]): string[] {
  const parts = (id: string) => id.split('-').map(Number);
  return ids.sort((a, b) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
}
