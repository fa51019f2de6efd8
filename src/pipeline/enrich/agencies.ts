/**
 * Agency mentions: which agencies a text names, through full names, short names and aliases from
 * `agencies.yaml` (longest name first, so 臺北市政府資訊局 is not read as 資訊局 twice). Which
 * bodies a resolution asks to act is read by addressees.ts from the names of names.ts.
 */
import type { Agency } from '../../schemas/registry.ts';
import { foldForMatch } from '../../text/normalize.ts';
import { NameReader } from './names.ts';

export interface AgencyMention {
  slug: string;
  /** Index in the folded text. */
  index: number;
  length: number;
}

export class AgencyIndex {
  readonly agencies: Agency[];
  /** Every kind of name a text may hold (units, collectives, people…), for reading who is asked to act. */
  readonly names: NameReader;
  private readonly slugByName: Map<string, string>;
  private readonly pattern: RegExp | undefined;
  private readonly parentOf: Map<string, string | undefined>;
  private namesBySlug: Map<string, string[]> | undefined;

  constructor(agencies: Agency[]) {
    this.agencies = agencies;
    this.names = new NameReader(agencies);
    this.parentOf = new Map(agencies.map((agency) => [agency.slug, agency.parent ?? undefined]));
    const byName = new Map<string, string>();
    for (const agency of agencies) {
      for (const name of [agency.name, agency.short, ...agency.aliases]) byName.set(foldForMatch(name), agency.slug);
    }
    this.slugByName = byName;
    // Longest names first: the regular expression takes the first alternative that matches.
    const escaped = [...byName.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = escaped.length ? new RegExp(escaped.join('|'), 'g') : undefined;
  }

  /**
   * Every agency named in a text, in order, longest name winning where names overlap; a sub-unit
   * written with its parent (`交通局公共運輸處`) is one mention of the sub-unit.
   */
  mentions(text: string): AgencyMention[] {
    if (!this.pattern) return [];
    const folded = foldForMatch(text);
    const found: AgencyMention[] = [];
    for (const match of folded.matchAll(this.pattern)) {
      const slug = this.slugByName.get(match[0]);
      if (!slug) continue;
      const previous = found.at(-1);
      if (previous && previous.index + previous.length === match.index && this.parentOf.get(slug) === previous.slug) {
        found[found.length - 1] = { slug, index: previous.index, length: previous.length + match[0].length };
      } else {
        found.push({ slug, index: match.index, length: match[0].length });
      }
    }
    return found;
  }

  /** Every name an agency goes by (full, short, aliases), folded as {@link mentions} reads them. */
  namesOf(slug: string): string[] {
    if (!this.namesBySlug) {
      this.namesBySlug = new Map();
      for (const [name, other] of this.slugByName) this.namesBySlug.set(other, [...(this.namesBySlug.get(other) ?? []), name]);
    }
    return this.namesBySlug.get(slug) ?? [];
  }

  /** Distinct slugs named in a text, in order of first mention. */
  named(text: string): string[] {
    return unique(this.mentions(text).map((mention) => mention.slug));
  }

  /** The agency a name stands for exactly (`研考會`, `（法務局）` without brackets, `交通局公共運輸處`), if any. */
  resolve(name: string): string | undefined {
    const folded = foldForMatch(name.trim());
    const exact = this.slugByName.get(folded);
    if (exact) return exact;
    const [only, ...others] = this.mentions(name.trim());
    return only && !others.length && only.index === 0 && only.length === folded.length ? only.slug : undefined;
  }
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
