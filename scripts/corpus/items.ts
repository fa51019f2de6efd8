/**
 * The items of 報告事項 and 臨時動議: which items a meeting takes up (the review of the last
 * resolutions with the tracked cases first), their supplementary reports and resolutions, and how
 * they are laid out.
 */
import { selfWord } from './agencies.ts';
import { cjkNumeral } from './calendar.ts';
import { type CaseAction, writeCaseSentence } from './cases.ts';
import { damage, hardWrap, sessionLabel } from './layout.ts';
import { firstAgency, renderPhrase } from './phrase.ts';
import { type Session, rocYear } from './plan.ts';
import { type ItemSource, type Speech, scoped } from './pools.ts';
import { type Random, stablePick } from './random.ts';
import { type Rendered, type Sheet, fresh, render, renderEntry } from './sheet.ts';

export interface PlannedItem {
  title: string;
  agency?: { text: string; ownLine: boolean };
  speeches: Speech[];
  resolutions: Rendered[];
  workReport?: boolean;
}

/** 3–7 items: the review of the last resolutions (with the tracked cases), then items of the pools. */
export function chooseItems(sheet: Sheet, review: Record<CaseAction, string[]>, previous: Session): PlannedItem[] {
  const { random, env, plan } = sheet;
  const count = random.int(3, 7);
  const items: PlannedItem[] = [];
  const followUp = followUpItem(sheet, review, previous);
  if (followUp) items.push(followUp);
  const pool = scoped(env.pools.items, sheet.scope, 0.8, random.next());
  // An item many unit heads reported under (各組室業務工作報告) closes a 處務會議's reports.
  const working = plan.layout === 'office' ? pool.filter((item) => item.speeches.length >= 3) : [];
  const work = working.length && random.chance(0.8) ? random.pick(working) : undefined;
  // Same-scope items first (popped from the end), then the others when a meeting needs more.
  const others = random.shuffle(env.pools.items.filter((item) => !pool.includes(item) && !working.includes(item)));
  const ordinary = [...others, ...random.shuffle(pool.filter((item) => !working.includes(item)))];
  while (items.length < count - (work ? 1 : 0) && ordinary.length) items.push(planItem(sheet, ordinary.pop()!, resolutionCount(random)));
  if (work) items.push(workReport(sheet, work));
  return items;
}

const resolutionCount = (random: Random) => random.pick([1, 1, 2, 2, 2, 3, 3, 3, 4, 4]);

/** An item of the pools in this meeting: half the time with its own resolutions, the rest drawn from all resolutions. */
export function planItem(sheet: Sheet, source: ItemSource, count: number, withSpeeches = true): PlannedItem {
  const { random, env } = sheet;
  sheet.used.add(source.title.text);
  const own = random.chance(0.5) ? source.resolutions.filter((entry) => !sheet.used.has(entry.text.text)).slice(0, count) : [];
  own.forEach((entry) => sheet.used.add(entry.text.text));
  const resolutions = [...own, ...fresh(sheet, env.pools.resolutions, count - own.length, true)];
  const speeches = withSpeeches ? chooseSpeeches(sheet, source) : [];
  return {
    title: render(sheet, source.title),
    // Now and then the agency stands on the line under the title, as `(研考會)` does in the 210th 主任秘書會報.
    ...(source.agency ? { agency: { text: render(sheet, source.agency), ownLine: random.chance(0.1) } } : {}),
    speeches: unsaid(sheet, speeches),
    resolutions: resolutions.map((entry) => renderEntry(sheet, entry)),
  };
}

/** The item's own supplementary reports now and then, or some of the pools' (more often in 主任秘書會報). */
function chooseSpeeches(sheet: Sheet, source: ItemSource): Speech[] {
  const { random, env, plan } = sheet;
  if (source.speeches.length && random.chance(0.6)) return random.sample(source.speeches, random.int(1, source.speeches.length));
  if (!random.chance(plan.layout === 'chief' ? 0.2 : 0.1)) return [];
  return random.sample(scoped(env.pools.speeches, sheet.scope, 0.85, random.next()), random.int(1, 2));
}

/** Speeches not yet given in this document (nobody reports the same thing twice). */
function unsaid(sheet: Sheet, speeches: Speech[]): Speech[] {
  return speeches.filter((speech) => {
    const key = `${speech.prefix.text}${speech.role}${speech.head?.text ?? ''}${speech.lines[0]?.text ?? ''}`;
    if (sheet.used.has(key)) return false;
    sheet.used.add(key);
    return true;
  });
}

/** 各組室業務工作報告: the unit heads report one after another, then the chair concludes. */
function workReport(sheet: Sheet, source: ItemSource): PlannedItem {
  const item = planItem(sheet, source, sheet.random.int(2, 6), false);
  const speeches = scoped(sheet.env.pools.speeches, sheet.scope, 0.9, sheet.random.next());
  return { ...item, speeches: unsaid(sheet, sheet.random.sample(speeches, sheet.random.int(2, 6))), workReport: true };
}

/** `主任秘書會報會議結論事項執行情形。`, `第 102 次處務會議結論事項辦理情形報告。`, with the case sentences. */
function followUpItem(sheet: Sheet, review: Record<CaseAction, string[]>, previous: Session): PlannedItem | undefined {
  const { random, env, plan } = sheet;
  const templates = scoped(env.pools.followUps, sheet.scope, 0.9, random.next());
  if (!templates.length) return undefined;
  const sameYear = !plan.yearly || rocYear(previous.day) === rocYear(sheet.session.day);
  let text = random.pick(templates).title.replace('\u0001', sessionLabel(previous.number, sameYear ? undefined : rocYear(previous.day), sheet.style.spaced));
  // 處務會議 + 會議結論事項 would say 會議 twice.
  text = text.replace(/\u0002會議結論/, plan.series.endsWith('會議') ? `${plan.series}結論` : `${plan.series}會議結論`).replace('\u0002', plan.series);
  const resolutions: Rendered[] = [];
  const short = env.pools.resolutions.filter((entry) => entry.text.text.length <= 8);
  if (short.length && random.chance(0.5)) resolutions.push(renderEntry(sheet, random.pick(short)));
  for (const sentence of caseSentences(sheet, review)) resolutions.push({ text: sentence, children: [] });
  resolutions.push(...fresh(sheet, env.pools.resolutions, random.int(0, 2), true).map((entry) => renderEntry(sheet, entry)));
  if (!resolutions.length) resolutions.push(...fresh(sheet, env.pools.resolutions, 1, true).map((entry) => renderEntry(sheet, entry)));
  return { title: text, speeches: [], resolutions };
}

/** The sentences releasing and continuing the series' open cases, in its own numbering. */
export function caseSentences(sheet: Sheet, review: Record<CaseAction, string[]>): string[] {
  const { random, env, plan } = sheet;
  if (!review.released.length && !review.continued.length) return [];
  const styled = env.pools.cases.filter((template) => template.dashed === plan.dashedCases);
  const templates = styled.length ? styled : env.pools.cases;
  const fits = (actions: string) => templates.filter((template) => template.actions.join() === actions);
  const both = fits('released,continued');
  if (review.released.length && review.continued.length && both.length && random.chance(0.5)) {
    return [writeCaseSentence(random.pick(both), review, random.chance(0.3))!];
  }
  const sentences: string[] = [];
  for (const action of ['released', 'continued'] as const) {
    const single = fits(action);
    if (review[action].length && single.length) sentences.push(writeCaseSentence(random.pick(single), review, random.chance(0.3))!);
  }
  return sentences;
}

export function writeItem(sheet: Sheet, label: string, item: PlannedItem): void {
  const { page, style, random } = sheet;
  const heading = item.workReport && random.chance(0.2) ? '#### ' : '';
  if (item.agency && !item.agency.ownLine) page.add(`${heading}${label}${item.title}${item.agency.text}`);
  else page.add(`${heading}${label}${item.title}`, ...(item.agency ? [item.agency.text] : []));
  for (const speech of item.speeches) writeSpeech(sheet, speech, Boolean(heading));
  const bold = style.bold && item.speeches.length > 0;
  writeResolutions(sheet, item.resolutions, bold, Boolean(item.workReport) && style.wraps);
}

function writeSpeech(sheet: Sheet, speech: Speech, heading: boolean): void {
  const { page, style, random } = sheet;
  const agency = firstAgency(speech.prefix);
  const speaker = agency ? sheet.recast(agency, speech.prefix.origin.holder) : undefined;
  const place = { ...sheet.place, self: speaker ? selfWord(speaker) : sheet.place.self };
  const prefix = renderPhrase(speech.prefix, place);
  const surname = stablePick(sheet.env.pools.surnames, sheet.key, prefix, speech.role, sheet.term);
  const who = `${prefix}${surname}${speech.role}${speech.verb}：`;
  const head = speech.head ? renderPhrase(speech.head, place) : '';
  const line = style.bold ? `${heading && !head ? '##### ' : ''}**${who}**${head}` : `${who}${head}`;
  page.add(damage(line, random, style.pageBreaks));
  if (speech.lines.length)
    page.list(
      speech.lines.map((text) => damage(renderPhrase(text, place), random, style.pageBreaks)),
      random.chance(style.bullets),
    );
}

function writeResolutions(sheet: Sheet, resolutions: Rendered[], bold: boolean, wrap: boolean): void {
  const { page, style, random } = sheet;
  const marker = bold ? '**會議結論：**' : '會議結論：';
  const only = resolutions[0];
  if (resolutions.length === 1 && only && !only.children.length) {
    page.add(damage(`${marker}${only.text}`, random, style.pageBreaks));
    return;
  }
  page.add(marker);
  if (resolutions.some((entry) => entry.children.length)) {
    resolutions.forEach((entry, index) => page.add(`(${cjkNumeral(index + 1)}) ${entry.text}`, ...entry.children));
    return;
  }
  const bullets = random.chance(style.bullets);
  const lines = resolutions.map((entry) => damage(entry.text, random, style.pageBreaks));
  if (bullets && wrap) page.add(lines.map((text, index) => hardWrap(`- (${cjkNumeral(index + 1)}) ${text}`, 22)).join('\n'));
  else page.list(lines, bullets);
}

/** 綜合會議結論: `一、…` entries, their deeper lines below them. */
export function writeNumberedEntries(sheet: Sheet, entries: Rendered[]): void {
  const { page, style, random } = sheet;
  if (!entries.some((entry) => entry.children.length) && random.chance(style.bullets)) {
    page.add(entries.map((entry, index) => `- ${cjkNumeral(index + 1)}、${entry.text}`).join('\n'));
    return;
  }
  entries.forEach((entry, index) => page.add(damage(`${cjkNumeral(index + 1)}、${entry.text}`, random, style.pageBreaks), ...entry.children));
}
