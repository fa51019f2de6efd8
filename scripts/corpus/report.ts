/**
 * Achievement reports (施政成果報告) modelled on the real ones in content/reports: the same text,
 * laid out as published, for another agency and another half-year, with a different selection of the
 * numbered parts of each section (renumbered), so reports of one agency differ from period to period.
 */
import { isSectionName, readLabel, stripResidue } from '../../src/pipeline/labels.ts';
import { readTitle } from '../../src/pipeline/structure/title.ts';
import type { Agency } from '../../src/schemas/registry.ts';
import { type AgencyBook, selfWord } from './agencies.ts';
import { ROC_OFFSET, cjkNumeral } from './calendar.ts';
import { type Compiler, type Phrase, type Placement, renderPhrase } from './phrase.ts';
import type { ReportPlan } from './plan.ts';
import type { Pools } from './pools.ts';
import { type Random, stablePick } from './random.ts';

interface Section {
  /** The section name and the lines before its first numbered part. */
  opening: Phrase[];
  /** Its numbered parts, each from its label line to the next one. */
  parts: Phrase[][];
}

export interface ReportTemplate {
  holder: string;
  head: Phrase[];
  sections: Section[];
  /** Line of `head` naming the contact person, and the text before the name. */
  contact?: { line: number; label: string };
}

/** Reads one real report as a template; undefined when its title names no agency of the registry. */
export function readReportTemplate(text: string, book: AgencyBook, compile: Compiler): ReportTemplate | undefined {
  const lines = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '').split('\n');
  const titleAt = lines.findIndex((line, index) => index < 6 && readTitle(stripResidue(line))?.kind === 'report');
  if (titleAt < 0) return undefined;
  const title = readTitle(stripResidue(lines[titleAt]!))!;
  const holder = book.names.get(title.organization)?.slug;
  if (!holder || !title.period) return undefined;
  const [year, month] = title.period.start.split('-').map(Number);
  const compileLine = (line: string) => compile(line, { holder, roc: year! - ROC_OFFSET, month: month! });
  const starts = lines.flatMap((line, index) => (isSectionName(stripResidue(line)) && !readLabel(stripResidue(line)) ? [index] : []));
  if (!starts.length) return undefined;
  const sections = starts.map((start, k) => readSection(lines.slice(start, starts[k + 1] ?? lines.length)).map((part) => part.map(compileLine)));
  const contactAt = lines.findIndex((line, index) => index < starts[0]! && /^專責人員[：:]/.test(line.trim()));
  return {
    holder,
    head: lines.slice(0, starts[0]).map(compileLine),
    sections: sections.map(([opening, ...parts]) => ({ opening: opening!, parts })),
    ...(contactAt >= 0 ? { contact: { line: contactAt, label: /^\s*專責人員[：:]\s*/.exec(lines[contactAt]!)![0] } } : {}),
  };
}

/**
 * Splits a section at its numbered parts: the first label kind that occurs twice or more (`(一)`
 * under `一、109 年度上半年重要施政成果`). Returns the opening lines, then each part.
 */
function readSection(lines: string[]): string[][] {
  const kinds = lines.map((line) => readLabel(stripResidue(line))?.kind);
  const counts = new Map<string, number>();
  for (const kind of kinds) if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const partKind = kinds.find((kind) => kind && kind !== 'bullet' && counts.get(kind)! >= 2);
  const groups: string[][] = [[]];
  lines.forEach((line, index) => {
    if (partKind && kinds[index] === partKind) groups.push([]);
    groups.at(-1)!.push(line);
  });
  return groups;
}

const PART_LABEL = /[(（]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+(?=\s*、)/;

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
    out[template.contact.line] = `${template.contact.label}${name}`;
  }
  for (const section of template.sections) {
    out.push(...section.opening.map((line) => renderPhrase(line, place)));
    const kept = random.sample(section.parts, Math.max(1, Math.round(section.parts.length * (0.45 + random.next() * 0.35))));
    kept.forEach((part, index) => {
      const [first, ...rest] = part.map((line) => renderPhrase(line, place));
      out.push(first!.replace(PART_LABEL, (label) => label.replace(/[一二三四五六七八九十]+/, cjkNumeral(index + 1))), ...rest);
    });
  }
  return out.join('\n');
}
