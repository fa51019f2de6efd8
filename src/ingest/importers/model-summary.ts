/**
 * The fields of a document model that must not depend on the format it was published in: what the
 * originals test compares between a text file and the PDF, ODT, DOCX or web page of the same
 * document. White space is layout: PDFs space CJK and digits apart (`第 210 次`) where the
 * editable originals do not, so texts are compared without it.
 */
import type { ArchiveDocument, CaseRef, Item, Resolution } from '../../model/types.ts';

const bare = (text: string | undefined) => text?.replace(/\s+/g, '');

export interface ResolutionSummary {
  label: string;
  text: string;
  cases: string[];
  agencies: string[];
}

export interface ItemSummary {
  label: string;
  title: string;
  /** The item's own text below its title (a report item's 「標題：內文」 body). */
  text: string;
  agency?: string;
  agencies: string[];
  resolutions: ResolutionSummary[];
  /** Tables, cells without white space. */
  tables: string[][][];
  /** Tracked cases a table of the item states. */
  cases: string[];
  items: ItemSummary[];
}

export interface ModelSummary {
  kind: string;
  title: string;
  organization: string;
  series: string;
  session?: { number: number; year?: number; label: string };
  date?: string;
  rocDate?: string;
  startTime?: string;
  endTime?: string;
  location?: string;
  chair?: string;
  recorder?: string;
  period?: { start: string; end: string };
  items: ItemSummary[];
}

function resolution(entry: Resolution): ResolutionSummary {
  return {
    label: entry.label,
    text: bare(entry.text)!,
    cases: entry.cases.map(caseText),
    agencies: entry.agencies,
  };
}

function caseText(ref: CaseRef): string {
  return `${ref.id}:${ref.action}${ref.mergedWith?.length ? `+${ref.mergedWith.join('+')}` : ''}`;
}

function item(entry: Item): ItemSummary {
  return {
    label: entry.label,
    title: bare(entry.title)!,
    text: bare(entry.text) ?? '',
    ...(entry.agency ? { agency: entry.agency } : {}),
    agencies: entry.agencies,
    resolutions: entry.resolutions.map(resolution),
    tables: entry.tables.map((table) => [table.header, ...table.rows].map((row) => row.map((cell) => bare(cell)!))),
    cases: entry.cases.map(caseText),
    items: entry.items.map(item),
  };
}

export function summarize(document: ArchiveDocument): ModelSummary {
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
  return {
    kind: document.kind,
    title: bare(document.title)!,
    organization: document.organization,
    series: document.series,
    ...optional('session', document.session ? { ...document.session, label: bare(document.session.label)! } : undefined),
    ...optional('date', document.date),
    ...optional('rocDate', bare(document.rocDate)),
    ...optional('startTime', document.startTime),
    ...optional('endTime', document.endTime),
    ...optional('location', bare(document.location)),
    ...optional('chair', bare(document.chair?.text)),
    ...optional('recorder', bare(document.recorder)),
    ...optional('period', document.period),
    items: document.items.map(item),
  };
}
