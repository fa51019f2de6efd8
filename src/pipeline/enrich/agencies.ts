/**
 * Agency mentions: which agencies a text names, through full names, short names and aliases from
 * `agencies.yaml` (longest name first, so 臺北市政府資訊局 is not read as 資訊局 twice), and which it
 * addresses (`請資訊局、教育局與文化局確實掌握…`).
 */
import type { Agency } from '../../schemas/registry.ts';
import { foldForMatch } from '../../text/normalize.ts';

export interface AgencyMention {
  slug: string;
  /** Index in the folded text. */
  index: number;
  length: number;
}

export class AgencyIndex {
  readonly agencies: Agency[];
  private readonly slugByName: Map<string, string>;
  private readonly pattern: RegExp | undefined;

  constructor(agencies: Agency[]) {
    this.agencies = agencies;
    const byName = new Map<string, string>();
    for (const agency of agencies) {
      for (const name of [agency.name, agency.short, ...agency.aliases]) byName.set(foldForMatch(name), agency.slug);
    }
    this.slugByName = byName;
    // Longest names first: the regular expression takes the first alternative that matches.
    const escaped = [...byName.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = escaped.length ? new RegExp(escaped.join('|'), 'g') : undefined;
  }

  /** Every agency named in a text, in order, longest name winning where names overlap. */
  mentions(text: string): AgencyMention[] {
    if (!this.pattern) return [];
    const folded = foldForMatch(text);
    const found: AgencyMention[] = [];
    for (const match of folded.matchAll(this.pattern)) {
      const slug = this.slugByName.get(match[0]);
      if (slug) found.push({ slug, index: match.index, length: match[0].length });
    }
    return found;
  }

  /** Distinct slugs named in a text, in order of first mention. */
  named(text: string): string[] {
    return unique(this.mentions(text).map((mention) => mention.slug));
  }

  /** The agency a name stands for exactly (`研考會`, `（法務局）` without brackets), if any. */
  resolve(name: string): string | undefined {
    const folded = foldForMatch(name.trim());
    return this.slugByName.get(folded);
  }

  /**
   * Agencies a text asks to act: the list right after 請/由/交由/責成 (`請資訊局、教育局與文化局確實…`),
   * and the subject of a clause that names an agency first (`建管處訴願答辯逾期案件數量多，請持續精進`).
   */
  addressed(text: string): string[] {
    const folded = foldForMatch(text);
    const mentions = this.mentions(text);
    const result: string[] = [];
    for (const trigger of folded.matchAll(/(?:請|由|交由|責成|洽|函請)/g)) {
      let cursor = trigger.index + trigger[0].length;
      for (const mention of mentions) {
        if (mention.index < cursor) continue;
        if (mention.index > cursor) break;
        result.push(mention.slug);
        cursor = mention.index + mention.length;
        const joiner = /^(?:、|,|，|及|與|和|暨|或|\s)+/.exec(folded.slice(cursor));
        if (!joiner) break;
        cursor += joiner[0].length;
      }
    }
    for (const clause of clauses(folded)) {
      const first = mentions.find((mention) => mention.index === clause.start);
      if (first && /請/.test(clause.text)) result.push(first.slug);
    }
    return unique(result);
  }
}

function clauses(text: string): Array<{ start: number; text: string }> {
  const result: Array<{ start: number; text: string }> = [];
  let start = 0;
  for (const match of text.matchAll(/[。；;]/g)) {
    result.push({ start, text: text.slice(start, match.index) });
    start = match.index + 1;
  }
  result.push({ start, text: text.slice(start) });
  return result.map((clause) => {
    const lead = /^[\s(（一二三四五六七八九十0-9)）、.]*/.exec(clause.text)?.[0].length ?? 0;
    return { start: clause.start + lead, text: clause.text.slice(lead) };
  });
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
