/**
 * The agencies of content/agencies.yaml as the generator uses them: every name to find in a real
 * sentence, and a per-document recasting (`請資訊局…` → `請衛生局…`) so each generated document
 * addresses its own set of agencies while keeping the sentence's words.
 */
import type { Agency } from '../../src/schemas/registry.ts';
import type { Random } from './random.ts';

/**
 * Agencies are only swapped for their own kind, so a sentence stays plausible: a first-level 局/處/會
 * for another, a second-level unit (公管中心, 建管處) for another, a district office for another. The
 * mayor's office, the council and the companies are not swapped (`臺北市議會第 13 屆` has one council).
 */
export type SwapGroup = 'first' | 'second' | 'district' | 'fixed';

export type NameForm = 'name' | 'short';

export interface AgencyBook {
  agencies: Agency[];
  bySlug: Map<string, Agency>;
  /** Every name, short name and alias → its agency, and whether to write the target's full or short name. */
  names: Map<string, { slug: string; form: NameForm }>;
  /** All names, longest first, escaped for a regular expression (longest wins, as in the pipeline). */
  alternation: string;
  members: Record<SwapGroup, Agency[]>;
}

const HOLDING_KINDS = new Set(['bureau', 'department', 'commission']);

export function groupOf(agency: Agency): SwapGroup {
  if (agency.kind === 'district') return 'district';
  if (!agency.parent && HOLDING_KINDS.has(agency.kind)) return 'first';
  if (agency.parent) return 'second';
  return 'fixed';
}

export function createAgencyBook(agencies: Agency[]): AgencyBook {
  const names = new Map<string, { slug: string; form: NameForm }>();
  for (const agency of agencies) {
    names.set(agency.name, { slug: agency.slug, form: 'name' });
    names.set(agency.short, { slug: agency.slug, form: 'short' });
    // 台北市政府資訊局 reads as a full name, 北市警局 as a short one.
    for (const alias of agency.aliases) names.set(alias, { slug: agency.slug, form: /^[臺台]北/.test(alias) && alias.length >= 6 ? 'name' : 'short' });
  }
  const alternation = [...names.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const members: Record<SwapGroup, Agency[]> = { first: [], second: [], district: [], fixed: [] };
  for (const agency of agencies) members[groupOf(agency)].push(agency);
  return { agencies, bySlug: new Map(agencies.map((agency) => [agency.slug, agency])), names, alternation, members };
}

export const nameOf = (agency: Agency, form: NameForm) => (form === 'name' ? agency.name : agency.short);

/** How a meeting refers to its own body: 本府 for the city government, 本局/本處/本會 for an agency. */
export function selfWord(holder: Agency | undefined): string {
  if (!holder) return '本府';
  const last = holder.short.at(-1);
  return last === '局' || last === '處' || last === '會' ? `本${last}` : '本處';
}

/**
 * The agencies one document speaks of: each agency of the source sentences stands for one other
 * agency throughout the document, two never for the same one, and the source meeting's own body
 * always for the generated meeting's own body.
 */
export function createRecasting(book: AgencyBook, holder: Agency | undefined, random: Random) {
  const chosen = new Map<string, Agency>();
  const used = new Set<string>(holder ? [holder.slug] : []);
  return (slug: string, sourceHolder: string | undefined): Agency => {
    const agency = book.bySlug.get(slug)!;
    if (holder && slug === sourceHolder) return holder;
    const group = groupOf(agency);
    if (group === 'fixed') return agency;
    const known = chosen.get(slug);
    if (known) return known;
    const free = book.members[group].filter((candidate) => !used.has(candidate.slug));
    // A unit of the source body (公管中心 of 秘書處) becomes a unit of the new body when it has any.
    const ownUnits = agency.parent && agency.parent === sourceHolder && holder ? free.filter((unit) => unit.parent === holder.slug) : [];
    const target = random.pick(ownUnits.length ? ownUnits : free.length ? free : book.members[group]);
    chosen.set(slug, target);
    used.add(target.slug);
    return target;
  };
}

export type Recasting = ReturnType<typeof createRecasting>;
