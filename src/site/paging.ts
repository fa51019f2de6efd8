/**
 * Listings that grow with the archive (a topic's resolutions, an agency's items, a year's documents)
 * split into pages: one page per year, and a year with more entries than a page holds in parts of a
 * fixed count. A year's page keeps its URL as later years are added (`<base>/2024/`); only the parts of
 * the year still being added to move on. The listing's own URL (`<base>`) shows its newest page with
 * the year index, so every link to it keeps working.
 */
import { yearOf } from '../text/format.ts';
import { ROC_OFFSET } from '../text/dates.ts';

/** Entries per page: at most about 800 bytes of HTML each (excerpts are capped), so ~100 KB per page. */
export const PER_PAGE = 120;

/** One page of a listing: a year's entries, or a part of them. */
export interface ListingPage<T> {
  /** `2024`, or `undated`. */
  year: string;
  /** 1-based part of the year; years that fit in a page have one part. */
  part: number;
  /** Parts of this year. */
  parts: number;
  entries: T[];
  /** The year's entries on every part together. */
  yearCount: number;
  /** The page's path below the listing's base: `2024/`, `2024/2/`. */
  path: string;
}

/** The page's path below the listing's base: `2024/` for a year's first part, `2024/2/` for its second. */
export const pagePath = (year: string, part = 1) => (part === 1 ? `${year}/` : `${year}/${part}/`);

/** The rest parameter of a listing page's route (`2024`, `2024/2`), undefined for the base page. */
export const pageParam = (page: { path: string } | undefined) => page?.path.replace(/\/$/, '');

/**
 * The entries in pages by year, then in parts of `perPage`: years newest first (or oldest first),
 * `undated` entries (no date) a year of their own after the others, entries of a year in their given
 * order. No entries, no pages.
 */
export function pagesByYear<T>(
  entries: readonly T[],
  dateOf: (entry: T) => string | undefined,
  options: { perPage?: number; years?: 'newest first' | 'oldest first' } = {},
): ListingPage<T>[] {
  const { perPage = PER_PAGE, years: order = 'newest first' } = options;
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`pagesByYear: perPage must be a positive whole number, got ${perPage}`);
  const years = new Map<string, T[]>();
  for (const entry of entries) {
    const year = yearOf(dateOf(entry));
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(entry);
  }
  const sign = order === 'newest first' ? -1 : 1;
  const sorted = [...years].sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : sign * a.localeCompare(b)));
  return sorted.flatMap(([year, list]) => {
    const parts = Math.ceil(list.length / perPage);
    return Array.from({ length: parts }, (_, index) => ({
      year,
      part: index + 1,
      parts,
      entries: list.slice(index * perPage, (index + 1) * perPage),
      yearCount: list.length,
      path: pagePath(year, index + 1),
    }));
  });
}

/** A year as the index names it: `民國113年（2024）`, `日期不詳`. */
export const yearName = (year: string) => (year === 'undated' ? '日期不詳' : `民國${Number(year) - ROC_OFFSET}年（${year}）`);

/** What one page of a listing by year holds, as its heading says: `民國113年（2024）`, `民國113年（2024）第 2／3 頁`. */
export const pageName = (page: Pick<ListingPage<unknown>, 'year' | 'part' | 'parts'>) =>
  `${yearName(page.year)}${page.parts > 1 ? `第 ${page.part}／${page.parts} 頁` : ''}`;

/**
 * The pages getStaticPaths makes of a listing by year: the base URL (`page` undefined), which shows
 * the newest year, then one per page (`page`: `2024`, `2024/2`), each with `props`, its page and
 * where it stands among the others (its navigation, and how many pages there are), not the other
 * pages themselves: a page's cache key is the key of its props (src/site/page-keys.ts), so a page
 * must show nothing of the others that its props do not hold.
 */
export function yearPagePaths<T, P extends object>(pages: ListingPage<T>[], props: P) {
  const at = (page: ListingPage<T> | undefined, base: boolean) => ({
    ...props,
    page,
    base,
    navigation: page ? pageNavigation(pages, page, { base }) : undefined,
    pageCount: pages.length,
  });
  return [{ page: undefined as string | undefined, props: at(pages[0], true) }, ...pages.map((page) => ({ page: pageParam(page), props: at(page, false) }))];
}

/** A listing page without its entries: what its heading and title say of it (pageName). */
export const pageOnly = <T>({ entries: _, ...page }: ListingPage<T>): Omit<ListingPage<T>, 'entries'> => page;

/** A link of the year index or the pager, with its href relative to the listing's base. */
export interface PageLink {
  label: string;
  path: string;
  /** `page` on the page it links to; `true` on the listing's base page, for the year it shows. */
  current?: 'page' | 'true';
  count?: number;
}

/** Where a listing page stands among the others: the year index, the parts of its year, previous and next. */
export interface PageNavigation {
  years: PageLink[];
  /** The parts of the page's year, when there is more than one. */
  parts: PageLink[];
  prev?: string;
  next?: string;
}

/**
 * The navigation of `page` among `pages` (from pagesByYear), paths relative to the listing's base.
 * On the base page (`base: true`) the year it shows is current as `true`, not `page`: the base is
 * another URL than that year's page. Previous and next run through every page, year after year.
 */
export function pageNavigation<T>(pages: ListingPage<T>[], page: ListingPage<T>, options: { base?: boolean } = {}): PageNavigation {
  const current: PageLink['current'] = options.base ? 'true' : 'page';
  const index = pages.indexOf(page);
  if (index < 0) throw new Error(`pageNavigation: the page ${page.path} is not one of the listing's pages`);
  const years = pages
    .filter((entry) => entry.part === 1)
    .map((entry) => ({ label: yearName(entry.year), path: entry.path, count: entry.yearCount, current: entry.year === page.year ? current : undefined }));
  const parts =
    page.parts > 1
      ? pages
          .filter((entry) => entry.year === page.year)
          .map((entry) => ({ label: String(entry.part), path: entry.path, current: entry === page ? current : undefined }))
      : [];
  const prev = index > 0 ? pages[index - 1]!.path : undefined;
  const next = pages[index + 1]?.path;
  return { years, parts, prev, next };
}

/**
 * The entries in parts of `perPage`, for a listing ordered by something other than date (people by
 * name): the first part at the listing's base (path ``), the others at `2/`, `3/`. The pages have no
 * year (`year` is ``): pageNavigation gives them parts, previous and next, and no year index.
 */
export function pagesByCount<T>(entries: readonly T[], options: { perPage?: number } = {}): ListingPage<T>[] {
  const { perPage = PER_PAGE } = options;
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`pagesByCount: perPage must be a positive whole number, got ${perPage}`);
  const parts = Math.max(1, Math.ceil(entries.length / perPage));
  return Array.from({ length: parts }, (_, index) => ({
    year: '',
    part: index + 1,
    parts,
    entries: entries.slice(index * perPage, (index + 1) * perPage),
    yearCount: entries.length,
    path: index === 0 ? '' : `${index + 1}/`,
  }));
}
