/**
 * Writes the minutes of one series, session after session, in the layout of its real model:
 *
 * - chief (主任秘書會報): header fields, 壹、宣讀 the last minutes, 貳、報告事項 with items,
 *   supplementary reports and 會議結論, sometimes 參、臨時動議, 綜合會議結論, 散會;
 * - office (處務會議): the same frame, unit heads' reports in bold, fewer general conclusions;
 * - numbered (局務會議 of 資訊局): `一、 時間：…` header and one list of 主席裁示事項.
 *
 * Every sentence comes from the pools (real sentences, agencies and dates moved); the series keeps
 * its own state: the tracked cases it opened, the shape of its last minutes (for amendments).
 */
import type { Agency } from '../../src/schemas/registry.ts';
import { cjkNumeral, formalNumeral } from './calendar.ts';
import { type CaseAction, createCaseBook } from './cases.ts';
import { clock, damage, rocDate, sessionLabel } from './layout.ts';
import { type SeriesPlan, type Session, rocYear } from './plan.ts';
import { scoped } from './pools.ts';
import { caseSentences, chooseItems, planItem, writeItem, writeNumberedEntries } from './items.ts';
import { type Sheet, type WriterEnv, fresh, openSheet, render, renderEntry } from './sheet.ts';

export type { WriterEnv };

const pad = (n: number) => String(n).padStart(2, '0');
const CHAIR_TITLES: Record<string, string> = { 局: '局長', 處: '處長', 會: '主任委員' };

/** Writes session k (1, 2, …, in order) of a series; session 0 is only read, by session 1. */
export function createSeriesWriter(plan: SeriesPlan, env: WriterEnv) {
  const cases = createCaseBook(env.random);
  let shape: number[] = [];
  return (k: number): string => {
    const sheet = openSheet(plan, k, env);
    const review = cases.review();
    const previous = plan.sessions[k - 1]!;
    const written = plan.layout === 'numbered' ? writeNumbered(sheet, review, previous) : writeSectioned(sheet, review, previous, shape);
    shape = written.shape;
    cases.open(newCases(sheet));
    return written.text;
  };
}

/** A document's text, and how many resolutions each of its report items had (what the next meeting may amend). */
interface Written {
  text: string;
  shape: number[];
}

// ── The sectioned layouts (主任秘書會報, 處務會議) ─────────────────────────────────────────────

function writeSectioned(sheet: Sheet, review: Record<CaseAction, string[]>, previous: Session, lastShape: number[]): Written {
  const { page, plan, random, env } = sheet;
  page.add(title(sheet));
  writeHeader(sheet);
  page.add(`${formalNumeral(1)}、${readingLine(sheet, previous)}`);
  writeConfirmation(sheet, lastShape);
  page.add(`${formalNumeral(2)}、報告事項`);
  const items = chooseItems(sheet, review, previous);
  items.forEach((item, index) => writeItem(sheet, `${cjkNumeral(index + 1)}、`, item));
  let section = 3;
  if (random.chance(0.2)) {
    page.add(`${formalNumeral(section++)}、臨時動議`);
    const unused = scoped(env.pools.items, sheet.scope, 0.8, random.next()).filter((item) => !sheet.used.has(item.title.text));
    const chosen = random.sample(unused, random.int(1, 2));
    chosen.forEach((item, index) => writeItem(sheet, `${cjkNumeral(index + 1)}、`, planItem(sheet, item, random.int(1, 2))));
  }
  if (random.chance(plan.layout === 'chief' ? 0.85 : 0.25)) {
    page.add(`${formalNumeral(section)}、綜合會議結論`);
    const general = fresh(sheet, env.pools.general, random.int(3, 7), true).map((entry) => renderEntry(sheet, entry));
    writeNumberedEntries(sheet, general);
  }
  page.add(adjournment(sheet));
  return { text: page.toString(), shape: items.map((item) => item.resolutions.length) };
}

function title(sheet: Sheet): string {
  const { plan, session, style } = sheet;
  const roc = plan.yearly ? rocYear(session.day) : undefined;
  const text = `${plan.organization}${roc && style.spaced ? ' ' : ''}${sessionLabel(session.number, roc, style.spaced)}${plan.series}紀錄`;
  return plan.layout === 'numbered' ? `# ${text}` : text;
}

function writeHeader(sheet: Sheet): void {
  const { page, style, session, plan } = sheet;
  const when = `民國${style.spaced ? ' ' : ''}${rocDate(session.day, style.spaced)}${style.spaced && !style.meridiem ? ' ' : ''}${clock(session.start, style)}`;
  page.add(`時間：${when}`, `地點：${render(sheet, style.location)}`);
  const chair = `主席：${style.chair}${style.chairTitled ? chairTitle(plan.holder) : ''}`;
  if (style.chairJoined) page.add(`${chair} 紀錄：${style.recorder}`);
  else page.add(chair, `紀錄：${style.recorder}`);
  page.add('出席：如簽到表');
  if (plan.layout === 'chief') page.add('列席：如簽到表');
}

const chairTitle = (holder: Agency | undefined) => (holder ? (CHAIR_TITLES[holder.short.at(-1)!] ?? '主任') : '秘書長');

/** `宣讀本府 111 年 8 月 24 日第 223 次主任秘書會報紀錄`; a yearly series names the year when it changed. */
function readingLine(sheet: Sheet, previous: Session): string {
  const { plan, style, session, place } = sheet;
  const s = style.spaced ? ' ' : '';
  const year = plan.yearly && rocYear(previous.day) !== rocYear(session.day) ? rocYear(previous.day) : undefined;
  const label = sessionLabel(previous.number, year, style.spaced);
  // As printed: `宣讀本府 111 年 8 月 24 日第 223 次…紀錄` without a full stop, the other forms with one.
  const period = style.spaced && style.readsSelf ? '' : '。';
  return `宣讀${style.readsSelf ? place.self : ''}${s}${rocDate(previous.day, style.spaced)}${year ? s : ''}${label}${plan.series}紀錄${period}`;
}

/** 紀錄確定, or now and then an amendment to a resolution the last minutes really had. */
function writeConfirmation(sheet: Sheet, lastShape: number[]): void {
  const { pools } = sheet.env;
  const plain = pools.confirmations.filter((text) => !/其餘/.test(text));
  const rest = pools.confirmations.filter((text) => /其餘/.test(text));
  const amendable = lastShape.map((count, index) => ({ index, count })).filter((item) => item.count >= 2);
  if (pools.amendments.length && rest.length && amendable.length && sheet.random.chance(0.1)) {
    const target = sheet.random.pick(amendable);
    // `報告事項三會議結論 (三)` points at an item and resolution of the last minutes: make it one they had.
    const amendment = render(sheet, sheet.random.pick(pools.amendments).text).replace(
      /(報告事項)[一二三四五六七八九十]+(會議結論\s*[(（])[一二三四五六七八九十]+/,
      (_, before: string, between: string) => `${before}${cjkNumeral(target.index + 1)}${between}${cjkNumeral(sheet.random.int(1, target.count))}`,
    );
    sheet.page.add('會議結論：');
    sheet.page.list([amendment, sheet.random.pick(rest)], false);
    return;
  }
  sheet.page.add(`會議結論：${plain.length ? sheet.random.pick(plain) : '紀錄確定。'}`);
}

/** The cases this meeting opens: `224-1`, `224-2`, `113-12-1` (yearly), or `22401` where the series runs numbers together. */
function newCases(sheet: Sheet): string[] {
  const { plan, session, random } = sheet;
  const count = random.chance(0.2) ? 0 : random.int(1, 4);
  const prefix = plan.yearly ? `${rocYear(session.day)}-${session.number}` : String(session.number);
  return Array.from({ length: count }, (_, k) => (plan.dashedCases ? `${prefix}-${k + 1}` : `${session.number}${pad(k + 1)}`));
}

/** `散會（上午 11 時 36 分）`, `散會（11時44分）`, `散會(11時01分)`. */
function adjournment(sheet: Sheet): string {
  const { session, style, plan } = sheet;
  const end = session.end;
  if (style.adjournMeridiem) return `散會（${clock(end, { spaced: true, meridiem: true })}）`;
  const time = `${Math.floor(end / 60)}時${pad(end % 60)}分`;
  return plan.layout === 'office' ? `散會(${time})` : `散會（${time}）`;
}

// ── The numbered layout (局務會議 of 資訊局) ─────────────────────────────────────────────────────

function writeNumbered(sheet: Sheet, review: Record<CaseAction, string[]>, previous: Session): Written {
  const { page, style, session, random, env, plan } = sheet;
  page.add(title(sheet));
  page.add(`一、 時間：${rocDate(session.day, true)}${clock(session.start, style)}`, `二、 地點：${render(sheet, style.location)}`);
  page.add(`三、 主席：${style.chair}${chairTitle(plan.holder)}`, `紀錄：${style.recorder}`, '四、 出席人員（如簽到表）');
  const pools = env.pools;
  const directives = fresh(sheet, [...pools.general, ...pools.resolutions], random.int(12, 22), false);
  const lines = directives.map((entry) => render(sheet, entry.text));
  if (random.chance(0.5)) {
    const [sentence] = caseSentences(sheet, review);
    if (sentence) lines.splice(random.int(0, Math.min(2, lines.length)), 0, sentence);
  }
  let section = 5;
  if (style.numberedReading) {
    page.add(`${cjkNumeral(section++)}、 ${readingLine(sheet, previous)}`);
    writeConfirmation(sheet, []);
  }
  page.add(`## ${cjkNumeral(section++)}、 主席裁示事項：`);
  page.list(
    lines.map((line) => damage(line, random, style.pageBreaks)),
    random.chance(Math.max(style.bullets, 0.5)),
  );
  page.add(`${cjkNumeral(section)}、 散會：${clock(session.end, style)}`);
  return { text: page.toString(), shape: [] };
}
