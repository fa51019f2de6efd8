/**
 * What the real minutes of content/minutes offer to recombine, drawn from their document model by
 * minutes-pools.ts: item titles and reporting agencies, their resolutions (會議結論, 決議), the
 * resolutions of sections of their own (綜合會議結論, 主席裁示事項), supplementary reports
 * (`資訊局陳主秘補充報告：…`), tracked-case sentences, amendments to the previous minutes, the
 * header's places and people, and where each real series stood on its date.
 */
import type { CaseTemplate } from './cases.ts';
import type { Day } from './calendar.ts';
import type { Phrase } from './phrase.ts';

/** Whether a sentence was said in a meeting of the city government (主任秘書會報) or of one agency. */
export type Scope = 'city' | 'agency';

/** The three layouts the generator writes, after the real minutes: 主任秘書會報, 處務會議, and the numbered 局務會議 of 資訊局. */
export type Layout = 'chief' | 'office' | 'numbered';

/** A resolution or directive, with the deeper lines (`1.`, `(一)` under `四、`) that belong to it. */
export interface Entry {
  text: Phrase;
  children: Phrase[];
  scope: Scope;
}

/** A supplementary report: who (`資訊局` + surname + `主秘`), and what, inline or as a list. */
export interface Speech {
  prefix: Phrase;
  role: string;
  verb: string;
  head?: Phrase;
  lines: Phrase[];
  scope: Scope;
}

export interface ItemSource {
  title: Phrase;
  /** The reporting agency as printed after the title, brackets included: `（法務局）`. */
  agency?: Phrase;
  resolutions: Entry[];
  speeches: Speech[];
  scope: Scope;
}

/** A real meeting: where its series stood on a date, so a generated series can pass through it. */
export interface Anchor {
  organization: string;
  holder?: string;
  series: string;
  number: number;
  yearly: boolean;
  day: Day;
  layout: Layout;
}

export interface Pools {
  /** Items of 報告事項, 討論事項 and 臨時動議 alike. */
  items: ItemSource[];
  /** Titles of the item reviewing the last meeting's resolutions, `\u0001` for the session, `\u0002` for the series. */
  followUps: Array<{ title: string; scope: Scope }>;
  /** Resolutions of items. */
  resolutions: Entry[];
  /** Resolutions of a section of their own: 綜合會議結論, 主席裁示事項, 綜合指示事項. */
  general: Entry[];
  amendments: Entry[];
  confirmations: string[];
  cases: CaseTemplate[];
  speeches: Speech[];
  locations: Phrase[];
  surnames: string[];
  givenNames: string[];
  anchors: Anchor[];
}

export function emptyPools(): Pools {
  return {
    items: [],
    followUps: [],
    resolutions: [],
    general: [],
    amendments: [],
    confirmations: [],
    cases: [],
    speeches: [],
    locations: [],
    surnames: [],
    givenNames: [],
    anchors: [],
  };
}

/** Same-scope material first (a 處務會議 sounds like a 處務會議), the rest now and then for variety. */
export function scoped<T extends { scope: Scope }>(items: T[], scope: Scope, sameScopeShare: number, roll: number): T[] {
  const same = items.filter((item) => item.scope === scope);
  return same.length && roll < sameScopeShare ? same : items;
}
