/**
 * Resolutions addressed to every agency of the city (各局處, 各機關: archive.collective) are listed
 * once, at `/agencies/collective/` by year, not on each agency's pages: they are the same list for
 * every city agency, and 60-odd copies of it were most of the site's bytes (at 10,000 documents
 * 390 MB and 6,000 files of agency pages). Each agency's page links to it.
 */
import type { Agency } from '../schemas/registry.ts';
import { yearOf } from '../text/format.ts';

/** The listing's base URL, site-relative; a year's page is `<base><year>/`. */
export const COLLECTIVE = '/agencies/collective/';

/** Its name, as headings and links say it. */
export const COLLECTIVE_NAME = '致各機關的會議結論';

/** Whether resolutions to every agency concern `agency`: the city's agencies, not the council or a company. */
export const collectiveApplies = (agency: Agency) => agency.kind !== 'council' && agency.kind !== 'company';

/** Throws when an agency's own pages would take the listing's URL. */
export function assertCollectiveFree(agencies: Iterable<Agency>): void {
  for (const agency of agencies) {
    if (`/agencies/${agency.slug}/` === COLLECTIVE)
      throw new Error(`agencies.yaml: the slug "${agency.slug}" is the URL of ${COLLECTIVE_NAME} (${COLLECTIVE}); give the agency another slug`);
  }
}

const byYear = new WeakMap<readonly { document: { date?: string } }[], Map<string, number>>();

/** How many of `refs` (archive.collective) each year holds, `undated` for those without a date; counted once per list. */
export function collectiveYears(refs: readonly { document: { date?: string } }[]): Map<string, number> {
  let counts = byYear.get(refs);
  if (!counts) {
    counts = new Map();
    for (const ref of refs) {
      const year = yearOf(ref.document.date);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    byYear.set(refs, counts);
  }
  return counts;
}
