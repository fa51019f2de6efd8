/**
 * Filter values as the site's own URLs spell them: `agency=information-technology` as in
 * /agencies/information-technology/, `topic=e-invoice`, `series=taipei/chief-secretaries-meeting`,
 * `kind=minutes`. The index holds the names readers see (資訊局, 電子發票…), so the search page
 * carries a table from slug to name and reads either spelling.
 */
import type { SearchFilters } from './client.ts';

export type Facet = 'kind' | 'series' | 'agency' | 'year' | 'topic';

/** For each filter, slug → the value the index holds. */
export type FilterSlugs = Partial<Record<Facet, Record<string, string>>>;

/** The filters with every slug replaced by its indexed value; values that are no slug pass as they are. */
export function resolveFilters(filters: SearchFilters, slugs: FilterSlugs): SearchFilters {
  const resolved: SearchFilters = { ...filters };
  for (const key of Object.keys(slugs) as Facet[]) {
    const value = filters[key];
    if (value !== undefined) resolved[key] = slugs[key]?.[value] ?? value;
  }
  return resolved;
}

/** The slug of an indexed value (the select's option), or the value itself when it has none. */
export function slugOf(key: Facet, value: string, slugs: FilterSlugs): string {
  const table = slugs[key] ?? {};
  if (value in table) return value;
  return Object.keys(table).find((slug) => table[slug] === value) ?? value;
}
