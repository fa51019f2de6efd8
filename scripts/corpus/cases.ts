/**
 * Tracked cases (列管案件): sentences that release or continue them, read from the real minutes as
 * templates, and a series' open cases from session to session, so the sentences name the cases the
 * series' own earlier sessions opened.
 *
 *   列管編號 205-1 併 208-2、209-1、209-3、209-4 等 4 案解除列管；列管編號 204-2 … 等 4 案廢續列管。
 *   → 列管編號 {released} 等 {n} 案解除列管；列管編號 {continued} 等 {n} 案廢續列管。
 */
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

const ID = String.raw`\d{1,6}(?:-\d{1,4})?`;
const LIST = new RegExp(String.raw`(列管(?:案件)?(?:編號|案號)\s*)(${ID}(?:\s*(?:、|，|及|和|與|暨|併)\s*${ID})*)`, 'g');
const COUNT = /(等\s*)\d+(\s*案)/;

function actionOf(text: string): CaseAction | undefined {
  if (/解除列管|解列/.test(text)) return 'released';
  if (/續列管|繼續列管/.test(text)) return 'continued';
  return undefined;
}

/** The templates a case sentence makes: the whole sentence, and each of its clauses on its own. */
export function readCaseSentence(text: string): CaseTemplate[] | undefined {
  const whole = readClause(text);
  if (!whole) return undefined;
  const clauses = text.split(/(?<=；)/).filter((clause) => clause !== text);
  const parts = clauses.map((clause) => readClause(clause.replace(/；$/, '。'))).filter((template) => template !== undefined);
  return [whole, ...parts];
}

function readClause(text: string): CaseTemplate | undefined {
  const matches = [...text.matchAll(LIST)];
  if (!matches.length) return undefined;
  const pieces: string[] = [];
  const actions: CaseAction[] = [];
  let last = 0;
  for (const [index, match] of matches.entries()) {
    pieces.push(text.slice(last, match.index) + match[1]!);
    last = match.index + match[0].length;
    const next = matches[index + 1]?.index ?? text.length;
    const action = actionOf(text.slice(last, next));
    if (!action) return undefined;
    actions.push(action);
  }
  pieces.push(text.slice(last));
  const lists = matches.map((match) => match[2]!);
  const joiner = /(\s*(?:及|和|與|暨)\s*)\S+$/.exec(lists.find((list) => /及|和|與|暨/.test(list)) ?? '')?.[1];
  return {
    pieces: pieces.map((piece, index) => (index ? piece.replace(COUNT, '$1\u0000$2') : piece)),
    actions,
    dashed: lists.some((list) => list.includes('-')),
    ...(joiner ? { lastJoiner: joiner } : {}),
    merges: lists.some((list) => list.includes('併')),
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
    const list =
      ids.length > 1 && template.lastJoiner ? `${ids.slice(0, -1).join('、')}${template.lastJoiner}${ids.at(-1)}` : ids.join('、');
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
