/**
 * The people the documents name as chair (主席), recorder (紀錄) or speaker of a supplementary report
 * (`資訊局陳主秘補充報告：…`), computed once from all documents. Nothing is inferred: a full name is
 * one person, a speaker recorded by surname and role is another (per agency), and only
 * content/people.yaml joins names into one person.
 */
import { pinyin } from 'pinyin-pro';
import type { ArchiveDocument, Item, SupplementaryReport } from '../model/types.ts';
import { slugify } from '../pipeline/enrich/identity.ts';
import { foldForMatch } from '../text/normalize.ts';
import { readPerson } from '../pipeline/structure/header.ts';
import type { PersonAlias } from '../schemas/people.ts';
import { walkItems } from './archive.ts';

export type PersonRole = 'chair' | 'recorder' | 'speaker';

/** One time a document names a person. */
export interface Appearance {
  document: ArchiveDocument;
  role: PersonRole;
  /** The role as the document words it: `主席`, `紀錄`, `補充報告`, `補充說明`. */
  roleText: string;
  /** The name as printed: `陳志銘秘書長`, `戴彙芬`, `資訊局陳主秘`. */
  printed: string;
  /** Title as printed: `秘書長`, `主秘`, `組長`. */
  title?: string;
  /** Slug of the agency a speaker reports for. */
  agency?: string;
  /** The agency or internal unit printed before a speaker's surname: `資訊局`, `總務組`. */
  agencyText?: string;
  /** The item a speaker spoke under (its anchor is the link). */
  item?: Item;
}

/** A role held in one series with one title and agency, and when the archive shows it. */
export interface RoleSpan {
  roleText: string;
  title?: string;
  agency?: string;
  agencyText?: string;
  /** The meeting series: `臺北市政府主任秘書會報`. */
  series: string;
  first?: string;
  last?: string;
  count: number;
}

export interface Participant {
  /** ASCII, unique: `/people/<slug>/`. */
  slug: string;
  name: string;
  /** `name`: known by a full name; `designation`: by surname and role at an agency (`資訊局陳主秘`). */
  identifiedBy: 'name' | 'designation';
  /** Slug of the agency a designation belongs to. */
  agency?: string;
  /** Every spelling printed, in order of first appearance. */
  spellings: string[];
  /** The people.yaml entry that joined the names, if any. */
  entry?: PersonAlias;
  /** Oldest first. */
  appearances: Appearance[];
  /** Oldest first by first date. */
  roles: RoleSpan[];
}

/** Who a document names, for linking its header and its reports. */
export interface DocumentPeople {
  chair?: Participant;
  /** Recorders in the order printed (a header may name several: `王小明、李大同`). */
  recorders: Participant[];
  /** Speakers by the source line their report starts on. */
  speakers: Map<number, Participant>;
}

export interface People {
  /** Named people first, by stroke order of their names (zh-TW collation); then designations by agency. */
  all: Participant[];
  bySlug: Map<string, Participant>;
  byDocument: Map<string, DocumentPeople>;
}

const fold = (text: string) => foldForMatch(text).replace(/\s+/g, '');
const HAN_NAME = /\p{Script=Han}{2,}/u;
const collator = new Intl.Collator('zh-TW');
const byDate = (a: ArchiveDocument, b: ArchiveDocument) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id);

/** ASCII slug of a full name, its first character read as a surname (曾 → zeng, not ceng). */
function nameSlug(name: string): string {
  const spelled = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true }) as string[];
  return spelled
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A name the identity rests on, and the spellings an alias entry may name it by. */
interface Identity {
  key: string;
  name: string;
  identifiedBy: Participant['identifiedBy'];
  agency?: string;
  /** Slug before collisions are resolved. */
  slug: string;
  spellings: string[];
}

/** A chair or recorder: the full name (`陳志銘秘書長` → 陳志銘); `undefined` when no name is printed (`如簽到表`). */
function namedIdentity(printed: string): (Identity & { title?: string }) | undefined {
  const person = readPerson(printed);
  if (!HAN_NAME.test(person.name) || /簽到|如附|詳如/.test(person.name)) return undefined;
  return {
    key: `name:${fold(person.name)}`,
    name: person.name,
    identifiedBy: 'name',
    slug: nameSlug(person.name),
    spellings: [person.name, person.text],
    ...(person.title ? { title: person.title } : {}),
  };
}

/** What a speaker's name says of their agency: the text before the surname (`資訊局`, `總務組`). */
const agencyTextOf = (report: SupplementaryReport) => report.speaker.slice(0, Math.max(0, report.speaker.length - report.role.length - 1));

/** A speaker, per agency: `資訊局陳主秘` at 資訊局, `總務組涂組長` at the holding body. */
function speakerIdentity(report: SupplementaryReport): Identity {
  // The agency's slug reads better than its pinyin; an internal unit stays, it tells two 組長 apart.
  const own = report.agency && !report.unit ? report.speaker.slice(agencyTextOf(report).length) : report.speaker;
  return {
    key: `speaker:${report.agency ?? ''}:${fold(report.speaker)}`,
    name: report.speaker,
    identifiedBy: 'designation',
    ...(report.agency ? { agency: report.agency } : {}),
    slug: [report.agency, slugify(own)].filter(Boolean).join('-'),
    spellings: [report.speaker],
  };
}

/** The roles of a person, one per role, title, agency and series. */
export function roleSpans(appearances: Appearance[]): RoleSpan[] {
  const spans = new Map<string, RoleSpan>();
  for (const appearance of appearances) {
    const series = `${appearance.document.organization}${appearance.document.series}`;
    const key = [appearance.roleText, appearance.title, appearance.agency ?? appearance.agencyText, series].join('|');
    let span = spans.get(key);
    if (!span) {
      const { roleText, title, agency, agencyText } = appearance;
      spans.set(
        key,
        (span = { roleText, series, count: 0, ...(title ? { title } : {}), ...(agency ? { agency } : {}), ...(agencyText ? { agencyText } : {}) }),
      );
    }
    span.count++;
    const date = appearance.document.date;
    if (date && (!span.first || date < span.first)) span.first = date;
    if (date && (!span.last || date > span.last)) span.last = date;
  }
  return [...spans.values()].sort((a, b) => (a.first ?? '').localeCompare(b.first ?? ''));
}

/**
 * Slugs unique across the archive: people.yaml's own first, then generated ones; when two people
 * spell the same (陳志銘, 陳志明 → chen-zhi-ming), the name first in code-point order keeps it and the
 * others get -2, -3, so the outcome does not depend on the order documents were read.
 */
function assignSlugs(participants: Participant[], reserved: Set<string>): void {
  const taken = new Set(reserved);
  const wanted = new Map<string, Participant[]>();
  for (const participant of participants) {
    if (participant.entry) continue;
    const group = wanted.get(participant.slug) ?? [];
    group.push(participant);
    wanted.set(participant.slug, group);
  }
  for (const [slug, group] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    group.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : (a.agency ?? '').localeCompare(b.agency ?? '')));
    let n = 1;
    for (const participant of group) {
      let candidate = n === 1 ? slug : `${slug}-${n}`;
      while (taken.has(candidate)) candidate = `${slug}-${++n}`;
      participant.slug = candidate;
      taken.add(candidate);
      n++;
    }
  }
}

export function comparePeople(a: Participant, b: Participant): number {
  if (a.identifiedBy !== b.identifiedBy) return a.identifiedBy === 'name' ? -1 : 1;
  return (a.agency ?? '').localeCompare(b.agency ?? '') || collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug);
}

/** Everyone the documents name as chair, recorder or speaker, joined only as people.yaml says. */
export function buildPeople(documents: ArchiveDocument[], aliases: PersonAlias[] = []): People {
  const entryBySpelling = new Map<string, PersonAlias>();
  for (const entry of aliases) for (const spelling of [entry.name, ...entry.aliases]) entryBySpelling.set(fold(spelling), entry);
  const byKey = new Map<string, Participant>();
  const byDocument = new Map<string, DocumentPeople>();

  const participant = (identity: Identity): Participant => {
    const entry = identity.spellings.map((spelling) => entryBySpelling.get(fold(spelling))).find(Boolean);
    const key = entry ? `entry:${entry.slug}` : identity.key;
    let found = byKey.get(key);
    if (!found) {
      const base = entry
        ? { slug: entry.slug, name: entry.name, identifiedBy: 'name' as const, entry }
        : {
            slug: identity.slug || 'person',
            name: identity.name,
            identifiedBy: identity.identifiedBy,
            ...(identity.agency ? { agency: identity.agency } : {}),
          };
      byKey.set(key, (found = { ...base, spellings: [], appearances: [], roles: [] }));
    }
    return found;
  };
  const appear = (who: Participant, appearance: Appearance) => {
    who.appearances.push(appearance);
    if (!who.spellings.includes(appearance.printed)) who.spellings.push(appearance.printed);
    return who;
  };

  for (const document of [...documents].sort(byDate)) {
    const named: DocumentPeople = { recorders: [], speakers: new Map() };
    byDocument.set(document.id, named);
    const chair = document.chair && namedIdentity(document.chair.text);
    if (chair && document.chair) {
      const { title } = chair;
      named.chair = appear(participant(chair), { document, role: 'chair', roleText: '主席', printed: document.chair.text, ...(title ? { title } : {}) });
    }
    for (const printed of (document.recorder ?? '').split(/[、，,；;]/).map((part) => part.trim())) {
      const recorder = printed && namedIdentity(printed);
      if (!recorder) continue;
      const { title } = recorder;
      named.recorders.push(appear(participant(recorder), { document, role: 'recorder', roleText: '紀錄', printed, ...(title ? { title } : {}) }));
    }
    for (const item of walkItems(document.items)) {
      for (const report of item.reports) {
        const agencyText = agencyTextOf(report);
        const who = appear(participant(speakerIdentity(report)), {
          document,
          role: 'speaker',
          roleText: report.verb,
          printed: report.speaker,
          title: report.role,
          item,
          ...(report.agency ? { agency: report.agency } : {}),
          ...(agencyText ? { agencyText } : {}),
        });
        named.speakers.set(report.line, who);
      }
    }
  }

  const all = [...byKey.values()];
  assignSlugs(all, new Set(aliases.map((entry) => entry.slug)));
  for (const person of all) person.roles = roleSpans(person.appearances);
  all.sort(comparePeople);
  return { all, bySlug: new Map(all.map((person) => [person.slug, person])), byDocument };
}
