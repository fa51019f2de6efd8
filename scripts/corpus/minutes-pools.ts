/**
 * Draws a real minutes document into the pools from its document model (src/schemas/document.ts),
 * not from its text: whatever layout the pipeline reads (主任秘書會報, 處務會議, the numbered
 * 局務會議, 市政會議 as the city's web pages print it, bullet-list 主管會報) feeds the generator
 * the same way, and a layout the pipeline learns feeds it with no change here.
 *
 * - the item `previous.anchor` names (宣讀上次紀錄): its amendments and confirmations;
 * - resolutions standing directly under a section (綜合會議結論, 主席裁示事項): `general`;
 * - the items under the other sections that were decided or reported on: items, their resolutions
 *   and supplementary reports; the one reviewing the series' own resolutions (its title names the
 *   series, its resolutions or table track cases) is the follow-up template;
 * - resolutions naming tracked cases: case-sentence templates;
 * - the header's place and people, and where the series stood on the meeting's date.
 */
import type { ArchiveDocument, Item, Resolution, SupplementaryReport } from '../../src/model/types.ts';
import { readLabel } from '../../src/pipeline/labels.ts';
import { ROC_OFFSET } from './calendar.ts';
import { readCaseSentence } from './cases.ts';
import type { Compiler, Origin, Phrase } from './phrase.ts';
import type { Entry, Layout, Pools, Scope, Speech } from './pools.ts';

/** Session and series markers of a follow-up title (`第 102 次處務會議結論事項辦理情形報告。` → `\u0001\u0002結論事項辦理情形報告。`). */
const SESSION_MARK = '\u0001';
const SERIES_MARK = '\u0002';

/** Adds one real minutes document (one with a date and a session) to the pools. */
export function addMinutes(pools: Pools, document: ArchiveDocument, compile: Compiler): void {
  const { session, date } = document;
  if (document.kind !== 'minutes' || !session || !date) return;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const holder = document.organizationAgency;
  const scope: Scope = holder ? 'agency' : 'city';
  const origin: Origin = { ...(holder ? { holder } : {}), roc: year - ROC_OFFSET, month };
  const reader = new ModelReader(pools, document, scope, (text) => compile(text, origin));
  for (const section of document.items) reader.readSection(section);
  reader.readHeader();
  pools.anchors.push({
    organization: document.organization,
    ...(holder ? { holder } : {}),
    series: document.series,
    number: session.number,
    yearly: session.year !== undefined,
    day: { year, month, day },
    layout: layoutOf(document),
  });
}

/** `一、 時間：…`: a header whose fields are numbered is the numbered layout; otherwise the city's or an agency's. */
function layoutOf(document: ArchiveDocument): Layout {
  if (document.header.some((field) => readLabel(field.text))) return 'numbered';
  return document.organizationAgency ? 'office' : 'chief';
}

class ModelReader {
  private readonly pools: Pools;
  private readonly document: ArchiveDocument;
  private readonly scope: Scope;
  private readonly phrase: (text: string) => Phrase;

  constructor(pools: Pools, document: ArchiveDocument, scope: Scope, phrase: (text: string) => Phrase) {
    this.pools = pools;
    this.document = document;
    this.scope = scope;
    this.phrase = phrase;
  }

  readSection(section: Item): void {
    if (section.anchor === this.document.previous?.anchor) {
      this.readPrevious(section);
      return;
    }
    this.pools.general.push(...section.resolutions.flatMap((resolution) => this.decided(resolution)));
    for (const item of section.items) if (item.resolutions.length || item.reports.length) this.readItem(item);
  }

  readHeader(): void {
    const { location, chair, recorder } = this.document;
    if (location) this.pools.locations.push(this.phrase(location));
    for (const name of [chair?.name, recorder]) {
      // A generated name is a surname and a given name of two: only names of that shape are split.
      if (!name || !/^[\u4e00-\u9fff]{3}$/.test(name)) continue;
      this.pools.surnames.push(name[0]!);
      this.pools.givenNames.push(name.slice(1));
    }
  }

  /** 紀錄確定 and its kin are confirmations; the resolutions the model reads as changes are amendments. */
  private readPrevious(item: Item): void {
    const changes = new Set(this.document.previous?.amendments?.map((amendment) => amendment.anchor));
    for (const resolution of item.resolutions) {
      if (changes.has(resolution.anchor)) this.pools.amendments.push(this.entry(resolution));
      else if (!resolution.text.includes('\n')) this.pools.confirmations.push(resolution.text);
    }
  }

  private readItem(item: Item): void {
    const resolutions = item.resolutions.flatMap((resolution) => this.decided(resolution));
    const speeches = item.reports.flatMap((report) => this.speech(report));
    this.pools.resolutions.push(...resolutions);
    this.pools.speeches.push(...speeches);
    if (!item.title) return;
    const { series, previous } = this.document;
    const tracks = item.cases.length > 0 || item.resolutions.some((resolution) => resolution.cases.length > 0);
    if (tracks && item.title.includes(series)) {
      this.pools.followUps.push({ title: markSession(item.title, previous?.session?.label).replace(series, SERIES_MARK), scope: this.scope });
      return;
    }
    this.pools.items.push({
      title: this.phrase(item.title),
      ...(item.agency && item.agencyText ? { agency: this.phrase(item.agencyText) } : {}),
      resolutions,
      speeches,
      scope: this.scope,
    });
  }

  /** A resolution as an entry of the pools; one naming tracked cases as case-sentence templates instead. */
  private decided(resolution: Resolution): Entry[] {
    if (!resolution.cases.length) return [this.entry(resolution)];
    // Left out when it cannot be a template (a list over several lines, a case opened): it would name another series' cases.
    const templates = resolution.text.includes('\n') ? undefined : readCaseSentence(resolution.text, resolution.cases);
    if (templates) this.pools.cases.push(...templates);
    return [];
  }

  /** The model keeps a resolution's sub-entries one per line: the first is the entry, the rest go below it. */
  private entry(resolution: Resolution): Entry {
    const [text = '', ...children] = resolution.text.split('\n');
    return { text: this.phrase(text), children: children.map(this.phrase), scope: this.scope };
  }

  /** A speech as prefix (`資訊局`, `總務組`) + surname + role, its list lines without their labels (they are renumbered). */
  private speech(report: SupplementaryReport): Speech[] {
    const { speaker, role } = report;
    // The one character between the unit and the role is the surname: `總務組` 涂 `組長`.
    const prefix = speaker.endsWith(role) ? speaker.slice(0, speaker.length - role.length - 1) : '';
    if (prefix.length < 2) return [];
    this.pools.surnames.push(speaker.at(-role.length - 1)!);
    const [first = '', ...rest] = report.text.split('\n');
    const head = readLabel(first) ? undefined : first;
    const lines = listEntries(head === undefined ? [first, ...rest] : rest);
    return [
      {
        prefix: this.phrase(prefix),
        role,
        verb: report.verb,
        ...(head ? { head: this.phrase(head) } : {}),
        lines: lines.map(this.phrase),
        scope: this.scope,
      },
    ];
  }
}

/** The previous session in a follow-up title becomes a marker: `第 102 次`, or `第 11 次` of `113 年第 11 次`. */
function markSession(title: string, label: string | undefined): string {
  if (!label) return title;
  const printed = [label, label.slice(Math.max(0, label.indexOf('第')))].find((form) => title.includes(form));
  return printed ? title.replace(printed, SESSION_MARK) : title;
}

/** The entries of a list, labels removed; a line without the list's label continues the entry above it. */
function listEntries(lines: string[]): string[] {
  const kind = lines[0] === undefined ? undefined : readLabel(lines[0])?.kind;
  const entries: string[] = [];
  for (const line of lines) {
    const label = readLabel(line);
    if (label && label.kind === kind) entries.push(line.slice(label.text.length).trim());
    else if (entries.length) entries[entries.length - 1] += line;
    else entries.push(line);
  }
  return entries;
}
