/**
 * One generated document while it is written: the series and session, the page, where phrases are
 * placed (date, agencies), the series' house style for the term, and what was already said.
 */
import type { Agency } from '../../src/schemas/registry.ts';
import { type AgencyBook, createRecasting, selfWord } from './agencies.ts';
import { type DateStyle, Page } from './layout.ts';
import { type Phrase, type Placement, renderPhrase } from './phrase.ts';
import { type SeriesPlan, type Session, rocYear } from './plan.ts';
import { type Entry, type Pools, type Scope, scoped } from './pools.ts';
import { type Random, createRandom, hashOf, stablePick } from './random.ts';

export interface WriterEnv {
  book: AgencyBook;
  pools: Pools;
  random: Random;
  /** Every agency written into the corpus, for the summary. */
  mentioned: Set<string>;
}

/** A series' habits, fixed for a term (a chair, a recorder): how it spaces dates, lists, bolds. */
export interface HouseStyle extends DateStyle {
  /** `主席：陳志銘秘書長 紀錄：戴彙芬` on one line. */
  chairJoined: boolean;
  /** `主席：陳志銘秘書長` rather than `主席：陳志銘`. */
  chairTitled: boolean;
  /** Share of lists printed as markdown items (`- (一) …`) rather than paragraphs. */
  bullets: number;
  /** `**會議結論：**` and `**總務組涂組長補充報告：**` (處務會議). */
  bold: boolean;
  /** `散會（上午 11 時 36 分）` rather than `散會（11時44分）`. */
  adjournMeridiem: boolean;
  /** `宣讀本府…紀錄` rather than `宣讀…紀錄`. */
  readsSelf: boolean;
  /** The numbered layout reads the last minutes too (`五、 宣讀…紀錄。`) before the chair's directives. */
  numberedReading: boolean;
  /** Conclusions of the unit heads' item hard-wrapped (`…增列  ⏎備註欄位…`). */
  wraps: boolean;
  /** Chance that a long line is cut by a page break. */
  pageBreaks: number;
  location: Phrase;
  chair: string;
  recorder: string;
}

export interface Rendered {
  text: string;
  children: string[];
}

/** One document being written. */
export interface Sheet {
  plan: SeriesPlan;
  session: Session;
  env: WriterEnv;
  random: Random;
  page: Page;
  place: Placement;
  style: HouseStyle;
  scope: Scope;
  /** The series as a key for stable choices (who speaks for a unit in this term). */
  key: string;
  term: number;
  /** Sentences already used in this document: a meeting does not say the same thing twice. */
  used: Set<string>;
  recast: (slug: string, sourceHolder: string | undefined) => Agency;
}

export function openSheet(plan: SeriesPlan, k: number, env: WriterEnv): Sheet {
  const session = plan.sessions[k]!;
  const key = `${plan.organization}${plan.series}`;
  const term = Math.floor(k / plan.term);
  const recast = createRecasting(env.book, plan.holder, env.random);
  const place: Placement = {
    roc: rocYear(session.day),
    month: session.day.month,
    self: selfWord(plan.holder),
    agency: (slug, sourceHolder) => {
      const agency = recast(slug, sourceHolder);
      env.mentioned.add(agency.slug);
      return agency;
    },
  };
  if (plan.holder) env.mentioned.add(plan.holder.slug);
  return {
    plan,
    session,
    env,
    random: env.random,
    page: new Page(),
    place,
    scope: plan.holder ? 'agency' : 'city',
    key,
    term,
    used: new Set(),
    recast: place.agency,
    style: houseStyle(plan, key, k, session, env.pools),
  };
}

function houseStyle(plan: SeriesPlan, key: string, k: number, session: Session, pools: Pools): HouseStyle {
  const term = Math.floor(k / plan.term);
  const habit = createRandom(hashOf(key, 'style', term));
  const numbered = plan.layout === 'numbered';
  // Video meetings came with the pandemic; earlier minutes name a room when the pools know one.
  const places = [...new Map(pools.locations.map((place) => [place.text, place])).values()];
  const rooms = places.filter((place) => session.day.year >= 2020 || !/視訊/.test(place.text));
  // The chair serves a term; recorders change twice as often (and are not the chair's namesakes).
  const name = (role: string, span: number, avoid?: string) => {
    const period = Math.floor(k / span);
    const given = pools.givenNames.filter((candidate) => !avoid?.endsWith(candidate));
    return `${stablePick(pools.surnames, key, role, period)}${stablePick(given.length ? given : pools.givenNames, key, role, 'given', period)}`;
  };
  const chair = name('chair', plan.term);
  return {
    spaced: numbered || habit.chance(0.6),
    meridiem: numbered || habit.chance(0.3),
    chairJoined: habit.chance(0.4),
    chairTitled: plan.layout !== 'office' || habit.chance(0.4),
    bullets: habit.pick([0.2, 0.5, 0.8]),
    bold: plan.layout === 'office' && habit.chance(0.8),
    adjournMeridiem: habit.chance(0.5),
    readsSelf: !plan.holder || habit.chance(0.4),
    numberedReading: habit.chance(0.6),
    wraps: plan.layout === 'office' && habit.chance(0.3),
    pageBreaks: habit.pick([0, 0.03, 0.06]),
    location: habit.pick(rooms.length ? rooms : places),
    chair,
    recorder: name('recorder', Math.ceil(plan.term / 2), chair),
  };
}

export const render = (sheet: Sheet, phrase: Phrase) => renderPhrase(phrase, sheet.place);
export const renderEntry = (sheet: Sheet, entry: Entry): Rendered => ({
  text: render(sheet, entry.text),
  children: entry.children.map((child) => render(sheet, child)),
});

/** Entries not yet used in this document, same-scope material first. */
export function fresh(sheet: Sheet, entries: Entry[], count: number, withChildren: boolean): Entry[] {
  const pool = scoped(entries, sheet.scope, 0.8, sheet.random.next()).filter((entry) => withChildren || !entry.children.length);
  const chosen: Entry[] = [];
  for (const entry of sheet.random.shuffle(pool)) {
    if (chosen.length >= count) break;
    if (sheet.used.has(entry.text.text) && entry.text.text.length > 8) continue;
    sheet.used.add(entry.text.text);
    chosen.push(entry);
  }
  return chosen;
}
