/**
 * The bodies and people a text names, with where: agencies of agencies.yaml and their units,
 * collectives (各局處, 各組室主管), the body itself (本局, 本府, 本人), people (同仁, 主管, 局長) and
 * outside bodies (新北市資訊中心, 國稅局). Which of them are asked to act is the grammar's business
 * (addressees.ts); this module only reads names.
 *
 * Names are found in the folded text (NFKC, 臺→台, lower case), longest first; what is kept is the
 * name as printed. Three rules make one name of several:
 * - a sub-unit written with its parent is the sub-unit (`交通局公共運輸處`, `財政局支付科`);
 * - a qualifier before a name is part of it (`本府各機關`, `本處各組室`), and a role after it too
 *   (`秘書室主任`, `本局長官`);
 * - a suffix written once is shared (`策略、資安、創新中心`, `文山及內湖區公所`) when the expanded
 *   name is in the registry.
 */
import type { Agency } from '../../schemas/registry.ts';
import type { PartyKind } from '../../model/types.ts';
import { VARIANTS, foldForMatch } from '../../text/normalize.ts';

/** A pattern written as printed, made to match folded text (主秘 is 主祕 there). */
const folded = (source: string, flags = 'g') =>
  new RegExp(
    source.replace(/./gu, (c) => VARIANTS[c] ?? c),
    flags,
  );

/** A name in a text: where it is (in the folded text) and what it names. */
export interface Name {
  start: number;
  end: number;
  /** `person` is someone named by role (同仁, 局長); the grammar makes them `self` when asked to act. */
  kind: PartyKind | 'person';
  agency?: string;
  unit?: string;
  /** As printed. */
  name: string;
  role?: string;
}

/** The holding body of a document: an agency, or the city government (no slug). */
export interface Holder {
  agency?: string;
}

/** 各 + what all of them are, optionally + who in them: 各局處, 各機關學校, 各組室主管, 各機關府會聯絡員. */
const COLLECTIVE_BASE =
  '局處首長|局處|機關首長|機關（構）|機關\\(構\\)|機關學校|派駐機關|權責機關|相關機關|所屬機關|業務單位|機關|主任秘書|主秘|組室|科室|單位|中心|區公所|部會|學校|位主管|級主管|位長官|長官|位同仁|首長|科|組|室';
const COLLECTIVE_ROLE = '府會聯絡員|聯絡員|主任秘書|主秘|主管|首長|同仁|人員|承辦人';
const COLLECTIVE = folded(`(?:各|所有)(?:${COLLECTIVE_BASE})(?:${COLLECTIVE_ROLE})?|(?:權管|權責|相關|派駐)(?:局處|機關|單位)(?:${COLLECTIVE_ROLE})?`);
const TRAILING_ROLE = folded(`(?:${COLLECTIVE_ROLE})$`, '');
/** Members that are the holding body's own units or staff: 各組室 of 秘書處 belong to it, 各局處 do not. */
const INTERNAL_BASE = /(?:組室|科室|單位|中心|科|組|室|位主管|級主管|位長官|長官|位同仁)$/;
/** People words inside a collective: 各主秘 are 主秘, 各位主管 主管. */
const COLLECTIVE_PEOPLE = folded('(?:主任秘書|主秘|主管|長官|同仁|首長)$', '');

/** The body itself: 本局, 本處, 本會 (not 本會報/本會議), 本府 and the city government's names, the chair (本人). */
const SELF = folded('本(?:局|處|會(?![報議期])|府|中心|室|組|科|股|所|隊|署|院|館)|北市府|市府|台北市政府|本人');
const CITY = /^(?:本府|市府|北市府|台北市政府)$/;

/** People named by role. */
const PEOPLE = folded(
  '全體同仁|同仁|大家|單位主管|局內長官|主管|長官|副局長|局長|副處長|處長|主任委員|主委|副秘書長|秘書長|主任秘書|主秘|科長|組長|主任|副市長|市長',
);

/**
 * Bodies outside the city government: other cities' agencies, the central government's, the tax
 * offices; a ministry's sub-unit is part of its name (`經濟部工商憑證管理中心`).
 */
const EXTERNAL = folded(
  [
    '(?:新北市|基隆市|桃園市|新竹市|新竹縣|台中市|台南市|高雄市|宜蘭縣|花蓮縣|苗栗縣|彰化縣)(?:政府)?[\\u4e00-\\u9fff]{0,6}?(?:局|處|中心|委員會|所)',
    '(?:行政院|立法院|監察院|考試院|司法院|總統府|內政部|外交部|國防部|財政部|教育部|法務部|經濟部|交通部|勞動部|農業部|衛生福利部|衛福部|環境部|文化部|數位發展部|數位部|國家發展委員會|國發會|金融監督管理委員會|金管會|人事行政總處|主計總處|中央選舉委員會|中選會|國家檔案管理局|檔案管理局|檔案局|國家通訊傳播委員會|通傳會)(?:[\\u4e00-\\u9fff]{1,8}?(?:局|處(?![理置分])|署|中心|所(?![有以得]))(?!長))?',
    '(?:台北|北區|中區|南區)?國稅局',
  ].join('|'),
);

/** A unit by its printed name (`綜合企劃科`), read only where a document asks it to act or after an agency. */
const UNIT_PATTERN = /^[\u4e00-\u9fff]{1,5}?(?:科|組|室|股|中心|課|隊)/;
/** Words a unit's name does not start with: they begin a verb phrase (`請協助學校安排分組場次`). */
const NOT_A_UNIT =
  /^(?:排隊|前往|參加|出席|至|到|協助|持續|注意|確實|儘速|務必|加強|立即|預先|事先|及早|提供|安排|召開|辦理|研議|配合|檢討|督導|確認|考量|把握|放置|簽准|規劃|依|於|在|向|將|應|須|可|為|以|對|由|把|被|並|且|或|與|和|又|也|都|均|皆|亦|即|則|惟|已|未|不|無|再|先|就|各|本|全|該|其|此|每)/;
const FUNCTION_CHARS = /[之的於在與及和或並向對將為以把被從、]/;

/** Joiners of a list of names (`資訊局、教育局與文化局`). */
export const JOINER = /^(?:、|，(?=[^，]{0,8}(?:及|與))|及|與|和|暨|或|以及|、及)\s*/;

/** Each code point's folding, once: the same few thousand characters recur in every text, and folding one (NFKC, a regular expression, lower case) was 8% of all parsing. */
const foldedChars = new Map<string, string>();

/** Each code point folded on its own, with where it came from, so folded offsets give printed names. */
export function foldWithOrigin(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    let part = foldedChars.get(char);
    if (part === undefined) foldedChars.set(char, (part = foldForMatch(char)));
    folded += part;
    for (let i = 0; i < part.length; i++) origin.push(index);
    index += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

interface UnitEntry {
  unit: string;
  agencies: string[];
}

export class NameReader {
  private readonly agencyByName = new Map<string, string>();
  private readonly agencyPattern: RegExp | undefined;
  private readonly parentOf = new Map<string, string | undefined>();
  private readonly kindOf = new Map<string, string>();
  private readonly units = new Map<string, UnitEntry>();
  private readonly unitPattern: RegExp | undefined;

  constructor(agencies: Agency[]) {
    for (const agency of agencies) {
      this.parentOf.set(agency.slug, agency.parent ?? undefined);
      this.kindOf.set(agency.slug, agency.kind);
      for (const name of [agency.name, agency.short, ...agency.aliases]) this.agencyByName.set(foldForMatch(name), agency.slug);
      for (const unit of agency.units ?? []) {
        const { name, aliases } = typeof unit === 'string' ? { name: unit, aliases: [] } : unit;
        for (const spelled of [name, ...aliases]) {
          const key = foldForMatch(spelled);
          const entry = this.units.get(key) ?? { unit: name, agencies: [] };
          entry.agencies.push(agency.slug);
          this.units.set(key, entry);
        }
      }
    }
    this.agencyPattern = alternation([...this.agencyByName.keys()]);
    this.unitPattern = alternation([...this.units.keys()]);
  }

  /** Every name in a text, in order, none overlapping (the longest wins). */
  read(text: string, holder: Holder): { names: Name[]; folded: string } {
    const { folded, origin } = foldWithOrigin(text);
    const printed = (start: number, end: number) => text.slice(origin[start], origin[end]);
    const found: Name[] = [];
    const add = (start: number, end: number, name: Omit<Name, 'start' | 'end' | 'name'>) => found.push({ start, end, name: printed(start, end), ...name });
    for (const match of this.matches(folded, this.agencyPattern))
      add(match.index, match.index + match[0].length, { kind: 'agency', agency: this.agencyByName.get(match[0])! });
    for (const match of this.matches(folded, this.unitPattern)) {
      const entry = this.units.get(match[0])!;
      add(match.index, match.index + match[0].length, { kind: 'unit', unit: entry.unit, ...ownerOf(entry, holder) });
    }
    for (const match of folded.matchAll(COLLECTIVE)) {
      const base = match[0].replace(/^(?:各|所有)/, '');
      const end = match.index + match[0].length;
      const role = COLLECTIVE_PEOPLE.exec(base)?.[0] ?? TRAILING_ROLE.exec(base)?.[0];
      const internal = INTERNAL_BASE.test(base) || INTERNAL_BASE.test(base.replace(TRAILING_ROLE, ''));
      add(match.index, end, {
        kind: 'collective',
        ...(internal && holder.agency ? { agency: holder.agency } : {}),
        ...(role ? { role: printed(end - role.length, end) } : {}),
      });
    }
    for (const match of folded.matchAll(SELF)) {
      const city = CITY.test(match[0]);
      add(match.index, match.index + match[0].length, {
        kind: 'self',
        ...(!city && holder.agency ? { agency: holder.agency } : {}),
        ...(match[0] === '本人' ? { role: '主席' } : {}),
      });
    }
    for (const match of folded.matchAll(PEOPLE)) {
      const end = match.index + match[0].length;
      add(match.index, end, { kind: 'person', role: printed(match.index, end), ...(holder.agency ? { agency: holder.agency } : {}) });
    }
    for (const match of folded.matchAll(EXTERNAL)) add(match.index, match.index + match[0].length, { kind: 'external' });

    // Longest first, then leftmost; a name never overlaps another.
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Name[] = [];
    for (const name of found) if (!kept.some((other) => name.start < other.end && other.start < name.end)) kept.push(name);
    kept.sort((a, b) => a.start - b.start);
    const names = this.shareSuffixes(this.join(kept, folded, printed, holder), folded, printed, holder);
    return { names, folded };
  }

  /**
   * A unit by its printed name at `index` (`綜合企劃科彙整…` → 綜合企劃科), for where the grammar
   * expects a name: after 請 or 由, or after an agency.
   */
  unitAt(folded: string, index: number, printed: (start: number, end: number) => string, holder: Holder, agency = holder.agency): Name | undefined {
    const rest = folded.slice(index);
    const match = UNIT_PATTERN.exec(rest);
    if (!match || NOT_A_UNIT.test(rest) || FUNCTION_CHARS.test(match[0])) return undefined;
    const end = index + match[0].length;
    const known = this.units.get(match[0]);
    return { start: index, end, kind: 'unit', name: printed(index, end), unit: known?.unit ?? printed(index, end), ...(agency ? { agency } : {}) };
  }

  /** Whether an agency is part of the city government (not the council, not a company). */
  isCityAgency(slug: string): boolean {
    const kind = this.kindOf.get(slug);
    return kind !== 'council' && kind !== 'company';
  }

  private matches(folded: string, pattern: RegExp | undefined): RegExpExecArray[] {
    return pattern ? [...folded.matchAll(pattern)] : [];
  }

  /** Joins neighbours that are one name: parent + sub-unit, qualifier + name, name + role. */
  private join(names: Name[], folded: string, printed: (start: number, end: number) => string, holder: Holder): Name[] {
    const out: Name[] = [];
    for (let i = 0; i < names.length; i++) {
      let name = names[i]!;
      // An agency directly followed by a unit by its printed name: 財政局支付科.
      if (name.kind === 'agency' && names[i + 1]?.start !== name.end) {
        const unit = this.unitAt(folded, name.end, printed, holder, name.agency);
        if (unit && !names.some((other) => other.start < unit.end && other.end > unit.start && other !== name)) {
          name = { ...unit, start: name.start, name: printed(name.start, unit.end) };
        }
      }
      const next = names[i + 1];
      if (next && next.start === name.end) {
        const joined = this.joinPair(name, next);
        if (joined) {
          names[i + 1] = { ...joined, start: name.start, end: next.end, name: joined.name ?? printed(name.start, next.end) };
          continue;
        }
      }
      out.push(name);
    }
    return out;
  }

  private joinPair(first: Name, second: Name): (Omit<Name, 'start' | 'end' | 'name'> & { name?: string }) | undefined {
    const { start: _s, end: _e, name: _n, ...rest } = second;
    // 交通局公共運輸處: the sub-unit, with its parent.
    if (first.kind === 'agency' && second.kind === 'agency' && this.parentOf.get(second.agency!) === first.agency) return rest;
    // 資訊局秘書室: a registry unit of the agency named.
    if (first.kind === 'agency' && second.kind === 'unit') return { ...rest, agency: first.agency! };
    // 本府資訊局, 本府各機關, 本處各組室: the qualifier says whose; the name is the second one's.
    if (
      first.kind === 'self' &&
      first.role === undefined &&
      (second.kind === 'collective' || second.kind === 'unit' || (second.kind === 'agency' && this.isCityAgency(second.agency!)))
    ) {
      return { ...rest, name: second.name };
    }
    // 秘書室主任, 各機關同仁, 本局長官: who in the body.
    if (second.kind === 'person' && first.kind !== 'person' && first.kind !== 'external' && !first.role) {
      const { start: _a, end: _b, name: _c, ...body } = first;
      return { ...body, role: second.role! };
    }
    return undefined;
  }

  /** `策略、資安、創新中心`: each stem before the joiners gets the last name's suffix when that makes a registry name. */
  private shareSuffixes(names: Name[], folded: string, printed: (start: number, end: number) => string, holder: Holder): Name[] {
    const out = [...names];
    for (const name of names) {
      if (name.kind !== 'agency' && name.kind !== 'unit') continue;
      let end = name.start;
      const own = folded.slice(name.start, name.end);
      for (;;) {
        const joiner = /(?:、|及|與|和|暨)$/.exec(folded.slice(Math.max(0, end - 1), end));
        if (!joiner) break;
        const stemEnd = end - joiner[0].length;
        let made: Name | undefined;
        for (let length = 4; length >= 1 && !made; length--) {
          const stemStart = stemEnd - length;
          if (stemStart < 0 || out.some((other) => other.start < stemEnd && other.end > stemStart)) continue;
          const stem = folded.slice(stemStart, stemEnd);
          if (!/^[\u4e00-\u9fff]+$/.test(stem)) continue;
          for (let cut = 1; cut < own.length && !made; cut++) {
            const whole = stem + own.slice(cut);
            const agency = this.agencyByName.get(whole);
            const unit = this.units.get(whole);
            if (agency)
              made = { start: stemStart, end: stemEnd, kind: 'agency', agency, name: printed(stemStart, stemEnd) + printed(name.start + cut, name.end) };
            else if (unit)
              made = {
                start: stemStart,
                end: stemEnd,
                kind: 'unit',
                unit: unit.unit,
                name: printed(stemStart, stemEnd) + printed(name.start + cut, name.end),
                ...ownerOf(unit, holder),
              };
          }
        }
        if (!made) break;
        out.push(made);
        end = made.start;
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

/**
 * The agency a unit named on its own belongs to: in an agency's minutes, that agency (its 秘書室,
 * listed or not); in the city government's, the only agency listing it (總收文室 is 秘書處's).
 */
function ownerOf(entry: UnitEntry, holder: Holder): { agency?: string } {
  if (holder.agency) return { agency: holder.agency };
  return entry.agencies.length === 1 ? { agency: entry.agencies[0]! } : {};
}

function alternation(names: string[]): RegExp | undefined {
  const escaped = names.sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length ? new RegExp(escaped.join('|'), 'g') : undefined;
}
