/**
 * Achievement reports (施政成果報告) modelled on the real ones in content/reports: the same text,
 * laid out as published, for another agency and another half-year, with a different selection of the
 * numbered parts of each section (renumbered), so reports of one agency differ from period to period.
 */
import type { ArchiveDocument, Item } from '../../src/model/types.ts';
import type { Agency } from '../../src/schemas/registry.ts';
import { type AgencyBook, selfWord } from './agencies.ts';
import { ROC_OFFSET, cjkNumeral } from './calendar.ts';
import { type Compiler, type Phrase, type Placement, renderPhrase } from './phrase.ts';
import type { ReportPlan } from './plan.ts';
import type { Pools } from './pools.ts';
import { type Random, stablePick } from './random.ts';

/** A numbered part of a section, from its label line to the next part: the label as printed, to renumber. */
interface Part {
  label: string;
  lines: Phrase[];
}

interface Section {
  /** The section name and the lines before its first numbered part. */
  opening: Phrase[];
  parts: Part[];
}

export interface ReportTemplate {
  holder: string;
  head: Phrase[];
  sections: Section[];
  /** Line of `head` naming the contact person (專責人員), and the name printed there. */
  contact?: { line: number; name: string };
}

/**
 * Reads one real report as a template: where its sections, parts and contact are comes from its
 * model, the lines themselves from its text as published (`text`), so generated reports keep the
 * published layout. Undefined when no agency of the registry publishes it.
 */
export function readReportTemplate(document: ArchiveDocument, text: string, compile: Compiler): ReportTemplate | undefined {
  const holder = document.organizationAgency;
  const first = document.items[0];
  if (document.kind !== 'report' || !holder || !document.period || !first) return undefined;
  const [year, month] = document.period.start.split('-').map(Number);
  const compileLine = (line: string) => compile(line, { holder, roc: year! - ROC_OFFSET, month: month! });
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split('\n');
  // The model counts source lines from 1.
  const at = (item: Item) => item.line - 1;
  const sections = document.items.map((section, k) => {
    const end = document.items[k + 1] ? at(document.items[k + 1]!) : lines.length;
    const parts = partsOf(section);
    const starts = [at(section), ...parts.map(at), end];
    const piece = (i: number) => lines.slice(starts[i], starts[i + 1]).map(compileLine);
    return { opening: piece(0), parts: parts.map((part, i) => ({ label: part.label, lines: piece(i + 1) })) };
  });
  const contact = contactLine(document, lines, at(first));
  return { holder, head: lines.slice(0, at(first)).map(compileLine), sections, ...(contact ? { contact } : {}) };
}

/**
 * The numbered parts of a section, which a generated report selects from: the items under it, past
 * an item that only heads them (`一、109 年度上半年重要施政成果` over `(一)` … `(七)`).
 */
function partsOf(section: Item): Item[] {
  let heading = section;
  while (heading.items.length === 1) heading = heading.items[0]!;
  return heading.items;
}

/** The line of the header (before `end`) printing the contact's name. */
function contactLine(document: ArchiveDocument, lines: string[], end: number): ReportTemplate['contact'] {
  const name = document.contact?.name;
  const field = name ? document.header.find((candidate) => candidate.value.includes(name)) : undefined;
  if (!name || !field) return undefined;
  const line = lines.findIndex((text, index) => index >= field.line - 1 && index < end && text.includes(name));
  return line >= 0 ? { line, name } : undefined;
}

/** `(三)` as the first of the kept parts is `(一)`; `3.` is `1.`. */
const renumber = (label: string, n: number) => label.replace(/[一二三四五六七八九十]+|\d+/, (digits) => (/\d/.test(digits) ? String(n) : cjkNumeral(n)));

/** Writes a report of `plan.agency` for its half-year from a template. */
export function writeReport(template: ReportTemplate, plan: ReportPlan, book: AgencyBook, pools: Pools, random: Random, mentioned: Set<string>): string {
  const source = book.bySlug.get(template.holder)!;
  const agency = (slug: string, holder: string | undefined): Agency => {
    // The template's agency becomes the new one; the new one, if the template names it, the template's.
    const target = slug === holder ? plan.agency : slug === plan.agency.slug ? source : book.bySlug.get(slug)!;
    mentioned.add(target.slug);
    return target;
  };
  const place: Placement = { roc: plan.year - ROC_OFFSET, month: plan.half === 1 ? 1 : 7, self: selfWord(plan.agency), agency };
  const out = template.head.map((line) => renderPhrase(line, place));
  if (template.contact) {
    const name = `${stablePick(pools.surnames, plan.agency.slug, 'contact', plan.year)}${stablePick(pools.givenNames, plan.agency.slug, 'contact-given', plan.year)}`;
    out[template.contact.line] = out[template.contact.line]!.replace(template.contact.name, name);
  }
  for (const section of template.sections) {
    out.push(...section.opening.map((line) => renderPhrase(line, place)));
    const kept = random.sample(section.parts, Math.max(1, Math.round(section.parts.length * (0.45 + random.next() * 0.35))));
    kept.forEach((part, index) => {
      const [first, ...rest] = part.lines.map((line) => renderPhrase(line, place));
      out.push(first!.replace(part.label, renumber(part.label, index + 1)), ...rest);
    });
  }
  return out.join('\n');
}
