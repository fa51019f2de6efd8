/**
 * Who a resolution asks to act, read from the grammar of its sentences, and who it only names.
 *
 * An addressee is
 * - the list of names right after a request word: 請 (並請, 另請, 爰請 …), 由 (由X負責, 將由局長與會),
 *   交, 責成, 副知, 洽 (可洽資訊局), 提醒, 希望, 建議, 歡迎;
 * - the subject of a directive: a clause that opens with the names and goes on to 應/須/務必/將/可/即/
 *   不得/負責… (`各機關僅得提供…`, `秘書處將以退件方式處理`), or to a 請 that names nobody, in the
 *   clause or the next (`建管處訴願答辯逾期案件數量多，請持續精進`); a name followed by 之/的 is a
 *   modifier (`本局協辦之…案件`), not a subject;
 * - a name written just before 將/應/須/務必/負責 (`明日市政會議本局將進行…`);
 * - a clause that ends in the name, followed by a directive (`尚未申請…補助同仁，請把握…`).
 * Everything else a text names is a mention: pilot sites (`先由X試辦`), venues (`於公訓處辦理`),
 * destinations (`送達財政局支付科`, `向秘書處提出`), thanks (`感謝各中心`), objects (`督導文山區公所`).
 * There is no fallback from mentions to addressees: a directive whose actor is not named has none.
 */
import type { Addressee, Mention } from '../../model/types.ts';
import type { Holder, Name, NameReader } from './names.ts';
import { JOINER, foldWithOrigin } from './names.ts';

/** Words that ask the names after them to act (folded text). */
const REQUEST =
  /(?:[並另爰仍亦再均敬函務擬惠則且乃]?請)|交由|(?<![理自事緣案經藉])由(?!於)|責成|副知|(?<![接])洽(?![悉公詢])|提醒|希望|建議|歡迎|交(?![通換流辦付易])/g;
/** 請 in words that are not requests: 申請, 邀請, 請假, 請購 … */
const NOT_REQUEST = /[申聲邀提報陳呈]請$|^請(?:假|購|款|領|示|求)/;
/** Words after which the names are only named: thanks and destinations. */
const NAMED_ONLY = /感謝|謝謝|送達|送交|向/g;
/** 由X試辦: pilot sites, not addressees. */
const PILOT = /^\s*(?:先行)?(?:試辦|試行)/;

/** What makes the opening names of a clause its subject: a modal, an obligation, a duty. */
const MODAL =
  /(?<![無毋不免未非因回反供對相適響呼])(?:應(?![變用])|須|務必|必須|將(?![屆近])|均可|均應|均須|亦應|僅得|不得|(?<!立)即(?![將時日])|(?<![認許核不無])可(?![能行供觀惜以下])|負責|統籌|(?<=[時也亦均都則就將並])會|會(?=一併|再|另|先|持續|協助|主動|依))/;
/** The same, for a name written anywhere: only the strong ones. */
const STRONG_MODAL = /^(?:分別|均|皆|亦|也|都)?(?:將(?![屆近])|應(?![變用])|須|務必|必須|負責|統籌|僅得|不得)/;
/** Words that make the name after them an object, not a subject. */
const OBJECT_BEFORE = /(?:向|對|與|和|及|於|在|洽|給|送|經|讓|使|協同|偕同|督導|感謝|召集|邀請|通知|協助|配合|比照|依|擔任|提供|供)$/;
/** A clause that starts with a request naming nobody, or an obligation. */
const DIRECTIVE_START = /^(?:並|另|亦|則|仍|均|且|爰|務|再)*(?:請|應(?![變用])|須|務必|均可|均應|可(?![能行供]))/;
/** What may stand before the subject of a clause. */
const LEAD =
  /^(?:\s|[「『（(]|屆時|另外|以及|另|並且|並|惟|且|爰|至於|其中|目前|後續|未來|今後|重申|此外|同時|再次|則|故|又|如|若|倘|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、]|[一二三四五六七八九十]+、)+/;

interface Clause {
  start: number;
  end: number;
}

/** Clauses of a text: sentences split at ，：; sentences at 。；！？ and line breaks. */
function sentences(folded: string): Clause[][] {
  const result: Clause[][] = [];
  let start = 0;
  for (const sentence of folded.split(/(?<=[。；;!！?？\n])/)) {
    const clauses: Clause[] = [];
    let at = start;
    for (const part of sentence.split(/(?<=[，,：:])/)) {
      clauses.push({ start: at, end: at + part.length });
      at += part.length;
    }
    result.push(clauses);
    start += sentence.length;
  }
  return result;
}

interface Reading {
  addressees: Addressee[];
  mentions: Mention[];
}

/** Reads a resolution's addressees and mentions. */
export function readAddressees(text: string, reader: NameReader, holder: Holder): Reading {
  const { names, folded } = reader.read(text, holder);
  const { origin } = foldWithOrigin(text);
  const printed = (start: number, end: number) => text.slice(origin[start], origin[end]);
  const at = new Map(names.map((name) => [name.start, name]));
  const inside = (index: number) => names.some((name) => name.start <= index && index < name.end);
  const asked: Name[] = [];
  const named: Name[] = [];

  /** The names listed from `index` on (`資訊局、教育局與文化局`), a unit by its printed name included when `units`. */
  const listAt = (index: number, units: boolean): Name[] => {
    const list: Name[] = [];
    let cursor = index;
    for (;;) {
      while (folded[cursor] === ' ') cursor++;
      const name = at.get(cursor) ?? (units ? reader.unitAt(folded, cursor, printed, holder) : undefined);
      if (!name) break;
      list.push(name);
      cursor = name.end;
      const joiner = JOINER.exec(folded.slice(cursor));
      if (!joiner) break;
      const after = cursor + joiner[0].length;
      if (!at.has(after) && !(units && reader.unitAt(folded, after, printed, holder))) break;
      cursor = after;
    }
    return list;
  };

  for (const match of folded.matchAll(REQUEST)) {
    if (inside(match.index) || NOT_REQUEST.test(folded.slice(Math.max(0, match.index - 1), match.index + match[0].length + 1))) continue;
    const list = listAt(match.index + match[0].length, true);
    if (!list.length) continue;
    const after = folded.slice(list.at(-1)!.end);
    (/由$/.test(match[0]) && PILOT.test(after) ? named : asked).push(...list);
  }
  for (const match of folded.matchAll(NAMED_ONLY)) {
    if (!inside(match.index)) named.push(...listAt(match.index + match[0].length, true));
  }

  for (const clauses of sentences(folded)) {
    clauses.forEach((clause, index) => {
      const body = folded.slice(clause.start, clause.end);
      if (/^\s*(?:感謝|謝謝)/.test(body)) return;
      const lead = LEAD.exec(body)?.[0].length ?? 0;
      const subject = listAt(clause.start + lead, false);
      if (subject.length) {
        const end = subject.at(-1)!.end;
        const rest = folded.slice(end, clause.end);
        const modifier = /^[\u4e00-\u9fff]{0,3}?(?:之|的)(?![間前後外])/.test(rest);
        // The directive comes before any other name in the clause (`各機關可洽資訊局…`).
        const nextName = names.find((name) => name.start >= end && name.start < clause.end);
        // Quoted words are a name or someone's words, not this clause's verb (`已增加「需府級了解案件」之…`).
        const own = rest.slice(0, nextName ? nextName.start - end : undefined).replace(/「[^」]*」/g, (quote) => ' '.repeat(quote.length));
        const next = clauses[index + 1];
        const nextBody = next ? folded.slice(next.start, next.end) : '';
        const nextStartsWithName = next ? listAt(next.start + (LEAD.exec(nextBody)?.[0].length ?? 0), false).length > 0 : false;
        const directs = MODAL.test(own) || bareRequest(own, end) || (!nextStartsWithName && startsDirective(nextBody, next?.start ?? 0));
        if (!modifier && directs) asked.push(...subject);
      }
      // A clause that ends in a name, then a directive: `…補助同仁，請把握…`.
      const last = names.find((name) => name.end === clause.end - 1 && /[，,]$/.test(body));
      const next = clauses[index + 1];
      if (
        last &&
        next &&
        !OBJECT_BEFORE.test(folded.slice(Math.max(clause.start, last.start - 2), last.start)) &&
        startsDirective(folded.slice(next.start, next.end), next.start)
      ) {
        asked.push(last);
      }
    });
  }
  // A name written just before 將/應/負責: `明日市政會議本局將進行…`.
  for (const name of names) {
    const before = folded.slice(Math.max(0, name.start - 2), name.start);
    if (STRONG_MODAL.test(folded.slice(name.end)) && !OBJECT_BEFORE.test(before) && !thanked(folded, name.start)) asked.push(name);
  }

  /** A 請 in `text` (at `offset`) that names nobody after it. */
  function bareRequest(own: string, offset: number): boolean {
    for (const match of own.matchAll(/請/g)) {
      const index = offset + match.index;
      if (!NOT_REQUEST.test(folded.slice(index - 1, index + 2)) && !listAt(index + 1, true).length) return true;
    }
    return false;
  }
  function startsDirective(body: string, offset: number): boolean {
    const match = DIRECTIVE_START.exec(body.replace(/^\s+/, ''));
    if (!match) return false;
    const skipped = body.length - body.replace(/^\s+/, '').length;
    return !/請$/.test(match[0]) || !listAt(offset + skipped + match[0].length, true).length;
  }

  asked.sort((a, b) => a.start - b.start);
  const addressees = unique(asked.map((name) => addressee(name)));
  const taken = new Set(addressees.map(partyKey));
  const mentions = unique(
    [...names, ...named]
      .filter((name) => name.kind === 'agency' || name.kind === 'unit' || (name.kind === 'external' && !insideProperName(folded, name.end)))
      .map((name) => mention(name))
      .filter((entry) => !taken.has(partyKey(entry))),
  );
  return { addressees, mentions };
}

/** Whether a name at `index` stands in a clause of thanks (`感謝高副局長擔任處長統籌推動`). */
function thanked(folded: string, index: number): boolean {
  const clauseStart = Math.max(...[',', '。', ';', ':', '\n'].map((mark) => folded.lastIndexOf(mark, index - 1))) + 1;
  return /^\s*(?:感謝|謝謝)/.test(folded.slice(clauseStart, index));
}

/**
 * An outside body's name followed by more name and a name's last word is part of that name: the award
 * `行政院政府服務獎`, the platform `財政部電子發票整合服務平台`, not a mention of the ministry.
 */
export function insideProperName(folded: string, end: number): boolean {
  const run = /^[\u4e00-\u9fffA-Za-z]{0,14}?(?:獎|系統|平台|平臺|條例)/.exec(folded.slice(end));
  return Boolean(run && !/[之的於在與及和或並向對將為以把被從]/.test(run[0]));
}

function addressee(name: Name): Addressee {
  const kind = name.kind === 'person' ? 'self' : name.kind;
  return {
    kind,
    ...(name.agency ? { agency: name.agency } : {}),
    ...(name.unit ? { unit: name.unit } : {}),
    name: name.name,
    ...(name.role ? { role: name.role } : {}),
  };
}

/** A mention names the body: `感謝創新中心主任` mentions 創新中心. */
function mention(name: Name): Mention {
  return {
    kind: name.kind as Mention['kind'],
    ...(name.agency ? { agency: name.agency } : {}),
    ...(name.unit ? { unit: name.unit } : {}),
    name: name.role && name.name.endsWith(name.role) ? name.name.slice(0, -name.role.length) : name.name,
  };
}

/** One entry per party: 各派駐機關 and 派駐機關 are one, 同仁 twice is once. */
function partyKey(party: Addressee | Mention): string {
  const bare = party.name.replace(/^(?:各|所有)/, '');
  if (party.kind === 'agency') return `agency|${party.agency}`;
  if (party.kind === 'unit') return `unit|${party.agency ?? ''}|${party.unit ?? party.name}`;
  return `${party.kind}|${party.agency ?? ''}|${bare}`;
}

function unique<T extends Addressee | Mention>(parties: T[]): T[] {
  const seen = new Set<string>();
  return parties.filter((party) => {
    const key = partyKey(party);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
