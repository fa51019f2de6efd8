/**
 * A sentence of a real document, ready to be written into another meeting: its words stay, while the
 * agencies it names, its dates and years, the council term and the half-year move with the new
 * meeting. Compiled once into segments, so writing 10,000 documents is string joining.
 *
 *   請資訊局確認委員審查費納入電子領據系統之可行性。   (110-07) → 請衛生局確認…   (113-02)
 *   截至111年8月31日止之執行情形                      (111-09) → 截至99年2月28日止… (99-03)
 */
import type { Agency } from '../../src/schemas/registry.ts';
import { type AgencyBook, type NameForm, nameOf } from './agencies.ts';
import { ROC_OFFSET, addMonths, monthIndex } from './calendar.ts';

/** When and by whom the source sentence was said: the holder of its meeting (an agency slug, none for the city government). */
export interface Origin {
  holder?: string;
  roc: number;
  month: number;
}

type Segment =
  | string
  | { kind: 'agency'; slug: string; form: NameForm; text: string }
  | { kind: 'self' }
  | { kind: 'date'; year: number; month: number; day?: number; seps: string[] }
  | { kind: 'monthDay'; month: number; day: number; seps: string[] }
  | { kind: 'month'; month: number }
  | { kind: 'year'; year: number }
  | { kind: 'adYear'; year: number }
  | { kind: 'term'; term: number; seps: string[] }
  | { kind: 'quarter'; quarter: number; seps: string[] }
  | { kind: 'half'; upper: boolean };

export interface Phrase {
  segments: Segment[];
  origin: Origin;
  /** The sentence as printed in its source, to tell phrases apart. */
  text: string;
}

/** Where and when a phrase is written, and who the agencies it names become. */
export interface Placement {
  roc: number;
  month: number;
  /** The generated meeting's word for itself: 本府, 本局, 本處, 本會. */
  self: string;
  agency: (slug: string, sourceHolder: string | undefined) => Agency;
}

const NUMBER = String.raw`(?<![\d.,])`;
const PATTERNS = [
  String.raw`${NUMBER}(?<fy>\d{2,3})(?<fa>\s*年\s*)(?<fm>\d{1,2})(?<fb>\s*月)(?:(?<fc>\s*)(?<fd>\d{1,2})(?<fe>\s*日))?`,
  String.raw`${NUMBER}(?<mm>\d{1,2})(?<ma>\s*月\s*)(?<md>\d{1,2})(?<mb>\s*日)`,
  // A month alone or in a list (`5、6 月`, `1-6 月`, `本(7)月`).
  String.raw`${NUMBER}(?<mo>\d{1,2})(?=\s*[)）]?\s*(?:[、,，至到\-~～]\s*\d{1,2}\s*)*月)`,
  String.raw`${NUMBER}(?<y>\d{2,3})(?=\s*[)）]?\s*年)`,
  String.raw`${NUMBER}(?<ad>20[0-4]\d)(?![\d.,])`,
  String.raw`第(?<ta>\s*)(?<term>\d{1,2})(?<tb>\s*)屆`,
  String.raw`第(?<qa>\s*)(?<q>[1-4])(?<qb>\s*)季`,
  '(?<half>上半年|下半年)',
  '(?<self>本局|本處)',
];

const isRocYear = (value: number) => value >= 60 && value <= 140;

/** Compiles the scanner for one registry: dates and numbers first, then every agency name, longest first. */
export function createCompiler(book: AgencyBook) {
  const scanner = new RegExp([...PATTERNS, `(?<agency>${book.alternation})`].join('|'), 'g');
  return (text: string, origin: Origin): Phrase => {
    const segments: Segment[] = [];
    let last = 0;
    for (const match of text.matchAll(scanner)) {
      const segment = toSegment(match.groups!, book);
      if (!segment) continue;
      if (match.index > last) segments.push(text.slice(last, match.index));
      segments.push(segment);
      last = match.index + match[0].length;
    }
    if (last < text.length) segments.push(text.slice(last));
    return { segments, origin, text };
  };
}

export type Compiler = ReturnType<typeof createCompiler>;

function toSegment(g: Record<string, string | undefined>, book: AgencyBook): Segment | undefined {
  const n = (value: string | undefined) => Number(value);
  if (g.fy !== undefined) {
    if (!isRocYear(n(g.fy))) return undefined;
    const seps = [g.fa!, g.fb!, g.fc ?? '', g.fe ?? ''];
    return g.fd ? { kind: 'date', year: n(g.fy), month: n(g.fm), day: n(g.fd), seps } : { kind: 'date', year: n(g.fy), month: n(g.fm), seps };
  }
  if (g.mm !== undefined) return { kind: 'monthDay', month: n(g.mm), day: n(g.md), seps: [g.ma!, g.mb!] };
  if (g.mo !== undefined) return n(g.mo) >= 1 && n(g.mo) <= 12 ? { kind: 'month', month: n(g.mo) } : undefined;
  if (g.y !== undefined) return isRocYear(n(g.y)) ? { kind: 'year', year: n(g.y) } : undefined;
  if (g.ad !== undefined) return { kind: 'adYear', year: n(g.ad) };
  if (g.term !== undefined) return { kind: 'term', term: n(g.term), seps: [g.ta!, g.tb!] };
  if (g.q !== undefined) return { kind: 'quarter', quarter: n(g.q), seps: [g.qa!, g.qb!] };
  if (g.half !== undefined) return { kind: 'half', upper: g.half === '上半年' };
  if (g.self !== undefined) return { kind: 'self' };
  const name = book.names.get(g.agency!);
  return name && { kind: 'agency', slug: name.slug, form: name.form, text: g.agency! };
}

/** Writes a phrase into its new place. */
export function renderPhrase(phrase: Phrase, place: Placement): string {
  const { origin } = phrase;
  const months = monthIndex(place.roc, place.month) - monthIndex(origin.roc, origin.month);
  const years = place.roc - origin.roc;
  let out = '';
  for (const segment of phrase.segments) {
    if (typeof segment === 'string') {
      out += segment;
      continue;
    }
    switch (segment.kind) {
      case 'agency': {
        // An agency that stays itself keeps the name as printed (`議會`, `北市府`).
        const target = place.agency(segment.slug, origin.holder);
        out += target.slug === segment.slug ? segment.text : nameOf(target, segment.form);
        break;
      }
      case 'self':
        out += place.self;
        break;
      case 'date': {
        const [a, b, c, e] = segment.seps;
        const moved = addMonths({ year: segment.year + ROC_OFFSET, month: segment.month, day: segment.day ?? 1 }, months);
        out += `${moved.year - ROC_OFFSET}${a}${moved.month}${b}${segment.day ? `${c}${moved.day}${e}` : ''}`;
        break;
      }
      case 'monthDay': {
        // No year printed: any non-leap year keeps 月底 at 月底.
        const moved = addMonths({ year: 2001, month: segment.month, day: segment.day }, months);
        out += `${moved.month}${segment.seps[0]}${moved.day}${segment.seps[1]}`;
        break;
      }
      case 'month':
        out += ((((segment.month - 1 + months) % 12) + 12) % 12) + 1;
        break;
      case 'year':
        out += segment.year + years;
        break;
      case 'adYear':
        out += segment.year + years;
        break;
      case 'term':
        // The council sits four years a term.
        out += `第${segment.seps[0]}${Math.max(1, segment.term + Math.round(years / 4))}${segment.seps[1]}屆`;
        break;
      case 'quarter': {
        const quarters = Math.floor(monthIndex(place.roc, place.month) / 3) - Math.floor(monthIndex(origin.roc, origin.month) / 3);
        out += `第${segment.seps[0]}${((((segment.quarter - 1 + quarters) % 4) + 4) % 4) + 1}${segment.seps[1]}季`;
        break;
      }
      case 'half': {
        const halves = Math.floor(monthIndex(place.roc, place.month) / 6) - Math.floor(monthIndex(origin.roc, origin.month) / 6);
        out += segment.upper === (halves % 2 === 0) ? '上半年' : '下半年';
        break;
      }
    }
  }
  return out;
}

/** The first agency a phrase names (the agency of a speaker such as `資訊局`), if any. */
export function firstAgency(phrase: Phrase): string | undefined {
  for (const segment of phrase.segments) if (typeof segment !== 'string' && segment.kind === 'agency') return segment.slug;
  return undefined;
}
