/**
 * Reads a real minutes document into the pools, from its layout alone: header fields, sections
 * 壹、貳、 (or `五、 主席裁示事項：` in the numbered layout), items 一、, entries (一), the 會議結論
 * marker and speakers (`…補充報告：`). Nothing here names a sentence: another real file in
 * content/minutes makes every pool richer.
 */
import { findDate } from '../../src/text/dates.ts';
import { ROLES, isSectionName, stripResidue } from '../../src/pipeline/labels.ts';
import { repairLayout } from '../../src/pipeline/repair.ts';
import { readTitle } from '../../src/pipeline/structure/title.ts';
import type { AgencyBook } from './agencies.ts';
import { type Day, ROC_OFFSET, cjkValue } from './calendar.ts';
import { readCaseSentence } from './cases.ts';
import type { Compiler, Origin } from './phrase.ts';
import type { Entry, ItemSource, Pools, Scope, Speech } from './pools.ts';

const LABELS = '開會時間|開會日期|會議時間|時間|日期|開會地點|會議地點|地點|主席|主持人|紀錄|記錄|出席人員|出席者|出席|列席人員|列席|發文機關';
const HEADER = new RegExp(`^(?:[一二三四五六七八九十]+、\\s*)?(${LABELS})\\s*(?:[：:]|(?=[（(]))\\s*(.*)$`);
/** A label alone on its line, its value on the next (the layout of the city's web pages). */
const BARE_LABEL = new RegExp(`^(${LABELS})[：:]?$`);
const SECTION = /^([壹貳參叁肆伍陸柒捌玖拾]+)、\s*(.*)$/;
const ITEM = /^([一二三四五六七八九十]+)、\s*(.*)$/;
const ENTRY = /^[(（]([一二三四五六七八九十]+)[)）]\s*(.*)$/;
const BULLET = /^([•●■◆▪])\s*(.*)$/;
/** `第一案`: an item whose subject follows on the next line (`案由：…`). */
const CASE_ITEM = /^第\s*[一二三四五六七八九十\d]+\s*案$/;
const MARKER = /^(?:會議結論|結論|決議|主席裁示|裁示)\s*[：:]\s*(.*)$/;
const SPEAKER = /^([^\s，。、：:「」（）()]{2,20}?)(補充報告|補充說明)\s*[：:]\s*(.*)$/;
const ADJOURN = /^(?:[一二三四五六七八九十]+、\s*)?散\s*會/;
const BRACKETED = /^(.*?)\s*([（(])([^（）()]{2,24})([）)])\s*$/;
/** A numbered line of the header layout that opens a section of its own (`五、 主席裁示事項：`). */
const NUMBERED_SECTION = /^(?:主席裁示事項|主席指示事項|裁示事項|指示事項|綜合會議結論|綜合結論|臨時動議|報告事項|討論事項)[：:]?$/;

type Section = 'previous' | 'reports' | 'motions' | 'general' | 'directives' | 'other';

function sectionOf(name: string): Section {
  if (/宣讀|確認/.test(name) && /紀錄|記錄/.test(name)) return 'previous';
  if (/臨時動議/.test(name)) return 'motions';
  if (/綜合(?:會議)?結論/.test(name)) return 'general';
  if (/主席(?:裁示|指示)|裁示事項|指示事項/.test(name)) return 'directives';
  if (/報告事項|討論事項|業務報告|專案報告/.test(name)) return 'reports';
  return 'other';
}

const ROLE_NAMES = [...ROLES].sort((a, b) => b.length - a.length);
const roleOf = (text: string) => ROLE_NAMES.find((role) => text.endsWith(role));

/** The lines of a document as the reader sees them: page breaks and hard wraps joined, markdown residue gone. */
function readableLines(text: string): string[] {
  return repairLayout(text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''))
    .text.split('\n')
    .map(stripResidue)
    .filter(Boolean);
}

/** Reads one real minutes document into the pools. */
export function addMinutes(pools: Pools, text: string, book: AgencyBook, compile: Compiler): void {
  const lines = readableLines(text);
  const titleAt = lines.findIndex((line, index) => index < 6 && readTitle(line)?.kind === 'minutes');
  if (titleAt < 0) return;
  const title = readTitle(lines[titleAt]!)!;
  const holder = book.names.get(title.organization)?.slug ?? book.names.get(title.organization.replace(/^臺北市政府/, ''))?.slug;
  const scope: Scope = holder ? 'agency' : 'city';
  const reader = new MinutesReader(pools, book, compile, scope, title.series);
  reader.read(lines.slice(titleAt + 1));
  const when = reader.date;
  if (!when || !title.session) return;
  const origin: Origin = { ...(holder ? { holder } : {}), roc: when.year - ROC_OFFSET, month: when.month };
  reader.finish(origin);
  pools.anchors.push({
    organization: title.organization,
    ...(holder ? { holder } : {}),
    series: title.series,
    number: title.session.number,
    yearly: Boolean(title.session.year),
    day: when,
    layout: reader.numberedHeader ? 'numbered' : scope === 'city' ? 'chief' : 'office',
  });
}

/** Raw pieces gathered while reading, compiled once the meeting's date (the origin of its dates) is known. */
interface RawEntry {
  text: string;
  children: string[];
}
interface RawSpeech {
  speaker: string;
  verb: string;
  head: string;
  lines: string[];
}
interface RawItem {
  title: string;
  agency?: { names: string; open: string; close: string; ownLine: boolean };
  resolutions: RawEntry[];
  speeches: RawSpeech[];
  motion: boolean;
}

class MinutesReader {
  readonly pools: Pools;
  readonly book: AgencyBook;
  readonly compile: Compiler;
  readonly scope: Scope;
  readonly series: string;
  date?: Day;
  numberedHeader = false;
  private section: Section | 'head' = 'head';
  private items: RawItem[] = [];
  private previous: RawEntry[] = [];
  private general: RawEntry[] = [];
  private directives: RawEntry[] = [];
  private locations: string[] = [];
  private item?: RawItem;
  private speech?: RawSpeech;
  private entry?: RawEntry;

  constructor(pools: Pools, book: AgencyBook, compile: Compiler, scope: Scope, series: string) {
    this.pools = pools;
    this.book = book;
    this.compile = compile;
    this.scope = scope;
    this.series = series;
  }

  read(lines: string[]): void {
    let bare: string | undefined;
    for (const line of lines) {
      if (ADJOURN.test(line)) break;
      if (this.section === 'head') {
        if (bare) {
          this.readField(bare, line);
          bare = undefined;
          continue;
        }
        bare = BARE_LABEL.exec(line)?.[1];
        if (bare || this.readHeader(line)) continue;
      }
      const section = SECTION.exec(line);
      const numbered = ITEM.exec(line);
      if (section) this.open(sectionOf(section[2]!));
      else if (numbered && NUMBERED_SECTION.test(numbered[2]!.trim())) this.open(sectionOf(numbered[2]!));
      else if (isSectionName(line) && !MARKER.test(line)) this.open(sectionOf(line));
      else this.readBody(line);
    }
  }

  private readHeader(line: string): boolean {
    const field = HEADER.exec(line);
    if (!field) return false;
    if (/^[一二三四五六七八九十]+、/.test(line)) this.numberedHeader = true;
    this.readField(field[1]!, field[2] ?? '');
    return true;
  }

  private readField(label: string, value: string): void {
    if (/時間|日期/.test(label)) {
      const found = this.date ? undefined : findDate(value);
      if (found) {
        const [year, month, day] = found.iso.split('-').map(Number);
        this.date = { year: year!, month: month!, day: day! };
      }
    } else if (/地點/.test(label) && value) this.locations.push(value);
    else if (/主席|主持人|紀錄|記錄/.test(label)) {
      for (const part of value.split(/\s*[紀記]錄[：:]\s*/)) this.addName(part);
    }
  }

  private addName(text: string): void {
    const role = roleOf(text);
    const name = (role ? text.slice(0, -role.length) : text).trim();
    if (!/^[\u4e00-\u9fff]{3}$/.test(name)) return;
    this.pools.surnames.push(name[0]!);
    this.pools.givenNames.push(name.slice(1));
  }

  private open(section: Section): void {
    this.section = section;
    this.item = undefined;
    this.speech = undefined;
    this.entry = undefined;
  }

  private readBody(line: string): void {
    switch (this.section) {
      case 'previous':
        return this.readEntry(line, this.previous);
      case 'reports':
      case 'motions':
        return this.readItemLine(line);
      case 'general':
        return this.readList(line, ITEM, this.general);
      case 'directives':
        return this.readList(line, ENTRY, this.directives);
      default:
    }
  }

  /** A line of a list of resolutions whose entries carry the given label (or a bullet, `•`). */
  private readList(line: string, label: RegExp, list: RawEntry[]): void {
    const match = label.exec(line) ?? BULLET.exec(line);
    if (match) {
      this.entry = { text: match[2]!, children: [] };
      list.push(this.entry);
    } else this.entry?.children.push(line);
  }

  /** A line under 會議結論: an entry `(一) …`, the marker with its text, or a deeper line of the current entry. */
  private readEntry(line: string, list: RawEntry[]): void {
    const marker = MARKER.exec(line);
    const text = marker ? marker[1]!.replace(ENTRY, '$2') : ENTRY.exec(line)?.[2];
    if (text) {
      this.entry = { text, children: [] };
      list.push(this.entry);
    } else if (!marker) this.entry?.children.push(line);
  }

  private readItemLine(line: string): void {
    const numbered = ITEM.exec(line) ?? (CASE_ITEM.test(line) ? ['', '', ''] : undefined);
    if (numbered) {
      this.item = { title: numbered[2]!, resolutions: [], speeches: [], motion: this.section === 'motions' };
      this.splitAgency(this.item, false);
      this.items.push(this.item);
      this.speech = undefined;
      this.entry = undefined;
      return;
    }
    const item = this.item;
    if (!item) return;
    if (!item.title) {
      item.title = line.replace(/^案由\s*[：:]\s*/, '');
      this.splitAgency(item, false);
      return;
    }
    if (!item.agency && !item.speeches.length && !item.resolutions.length && this.readAgencyLine(item, line)) return;
    const speaker = SPEAKER.exec(line);
    if (speaker && roleOf(speaker[1]!)) {
      this.speech = { speaker: speaker[1]!, verb: speaker[2]!, head: speaker[3]!, lines: [] };
      item.speeches.push(this.speech);
      this.entry = undefined;
      return;
    }
    if (MARKER.test(line)) this.speech = undefined;
    if (this.speech) this.speech.lines.push(line);
    else this.readEntry(line, item.resolutions);
  }

  /** `(研考會)` on the line under a title names the reporting agency. */
  private readAgencyLine(item: RawItem, line: string): boolean {
    const probe: RawItem = { ...item, title: `${item.title}${line}` };
    if (!this.splitAgency(probe, true) || probe.title !== item.title) return false;
    item.agency = probe.agency;
    return true;
  }

  private splitAgency(item: RawItem, ownLine: boolean): boolean {
    const match = BRACKETED.exec(item.title);
    if (!match || !match[3]!.split(/[、,，及與]/).every((name) => this.book.names.has(name.trim()))) return false;
    item.title = match[1]!;
    item.agency = { names: match[3]!, open: match[2]!, close: match[4]!, ownLine };
    return true;
  }

  /** Compiles what was read, now that the meeting's date is known, and adds it to the pools. */
  finish(origin: Origin): void {
    const { pools, scope } = this;
    const phrase = (text: string) => this.compile(text, origin);
    const entry = (raw: RawEntry): Entry => ({ text: phrase(raw.text), children: raw.children.map(phrase), scope });
    for (const raw of this.previous) {
      if (/修改|修正|刪除|更正/.test(raw.text)) pools.amendments.push(entry(raw));
      else pools.confirmations.push(raw.text);
    }
    for (const raw of this.items) {
      const resolutions: Entry[] = [];
      for (const resolution of raw.resolutions) {
        const template = resolution.children.length ? undefined : readCaseSentence(resolution.text);
        if (template) pools.cases.push(...template);
        else resolutions.push(entry(resolution));
      }
      pools.resolutions.push(...resolutions);
      const speeches = raw.speeches.flatMap((speech) => this.toSpeeches(speech, origin));
      pools.speeches.push(...speeches);
      if (!raw.title) continue;
      if (/結論事項/.test(raw.title)) {
        pools.followUps.push({ title: raw.title.replace(/第\s*\d+\s*次/, '\u0001').replace(this.series, '\u0002'), scope });
        continue;
      }
      const item: ItemSource = {
        title: phrase(raw.title),
        ...(raw.agency ? { agency: { ...raw.agency, names: phrase(raw.agency.names) } } : {}),
        resolutions,
        speeches,
        scope,
      };
      (raw.motion ? pools.motions : pools.items).push(item);
    }
    pools.general.push(...this.general.map(entry));
    pools.locations.push(...this.locations.map(phrase));
    for (const raw of this.directives) {
      const template = raw.children.length ? undefined : readCaseSentence(raw.text);
      if (template) pools.cases.push(...template);
      else pools.directives.push(entry(raw));
    }
  }

  /** A speech as prefix (`資訊局`, `總務組`) + surname + role, its list lines without their labels (they are renumbered). */
  private toSpeeches(raw: RawSpeech, origin: Origin): Speech[] {
    const role = roleOf(raw.speaker)!;
    const prefix = raw.speaker.slice(0, raw.speaker.length - role.length - 1);
    if (prefix.length < 2) return [];
    this.pools.surnames.push(raw.speaker.at(-role.length - 1)!);
    const lines: string[] = [];
    for (const line of raw.lines) {
      const entry = ENTRY.exec(line);
      if (entry && cjkValue(entry[1]!)) lines.push(entry[2]!);
      else if (lines.length) lines[lines.length - 1] += line;
      else lines.push(line);
    }
    return [
      {
        prefix: this.compile(prefix, origin),
        role,
        verb: raw.verb,
        ...(raw.head ? { head: this.compile(raw.head, origin) } : {}),
        lines: lines.map((line) => this.compile(line, origin)),
        scope: this.scope,
      },
    ];
  }
}
