/**
 * The archive's search, in the browser: finds every document containing the query's terms and
 * nothing else, on top of Pagefind.
 *
 * 1. The query is split on white space and folded (NFKC, 臺→台, case, no spaces), like the index.
 * 2. Pagefind finds the documents holding every token of every term (the character, the pair, the
 *    triple, or every triple of a longer term: src/search/tokens.ts), shard after shard, newest
 *    first (src/search/engine.ts).
 * 3. Terms of one to three characters are proven by that; for longer ones each candidate is checked
 *    for every whole term (this rules out triples that occur apart), in rank order, a few at a time
 *    (src/search/cursor.ts).
 * 4. Excerpts and sub-results (the item or resolution anchors that hold the words) are cut from the
 *    original text of the results a page shows, every term marked (src/search/excerpt.ts); other
 *    results show their card.
 */
import { type ResultCard, resultCard } from './check-file.ts';
import { type Decision, LOOKAHEAD, type Outcomes, QueryCursor } from './cursor.ts';
import { type FilterCounts, type IndexQuery, createFiles, createIndex } from './engine.ts';
import { coveringExcerpt, escapeHtml, excerpt } from './excerpt.ts';
import { fold, queryTerms } from './fold.ts';
import type { SearchDocument } from './segments.ts';
import { provenByIndex, termTokens } from './tokens.ts';

export { excerpt } from './excerpt.ts';

export interface SearchFilters {
  kind?: string;
  series?: string;
  agency?: string;
  year?: string;
  topic?: string;
  /** `relevance` (default) or `date` (newest first). */
  sort?: 'relevance' | 'date';
}

export interface SubResult {
  url: string;
  title: string;
  /** HTML: the original text around the match, the match in <mark>. */
  excerpt: string;
}

export interface SearchResult {
  url: string;
  title: string;
  date?: string;
  series: string;
  /** With excerpts (SearchOptions): the original text around the matches, every term shown and marked. */
  excerpt?: string;
  /** With excerpts: the items and resolutions that hold the words, those holding all first. */
  subResults?: SubResult[];
}

/** Checks a candidate and cuts its excerpt and sub-results; undefined when it does not hold every term. */
export function matchDocument(
  document: SearchDocument,
  terms: string[],
  base: string,
): (SearchResult & Required<Pick<SearchResult, 'excerpt' | 'subResults'>>) | undefined {
  const whole = fold(document.segments.map(([, , text]) => text).join('\n')).text;
  if (!terms.every((term) => whole.includes(term))) return undefined;
  const segments = document.segments.map(([anchor, title, text]) => ({ anchor, title, text, folded: fold(text) }));
  const holdsAll = segments.filter((segment) => terms.every((term) => segment.folded.text.includes(term)));
  const holdsAny = segments.filter((segment) => !holdsAll.includes(segment) && terms.some((term) => segment.folded.text.includes(term)));
  const url = `${base}${document.url.replace(/^\//, '')}`;
  const subResults = [...holdsAll, ...holdsAny].slice(0, 5).map((segment) => ({
    url: segment.anchor ? `${url}#${segment.anchor}` : url,
    title: segment.title,
    excerpt: excerpt(segment.text, segment.folded, terms),
  }));
  return {
    url,
    title: document.title,
    ...(document.date ? { date: document.date } : {}),
    series: document.series,
    excerpt: coveringExcerpt([...holdsAll, ...holdsAny], terms) ?? escapeHtml(document.title),
    subResults,
  };
}

/** How much of a search to return: `limit` results from the `offset`-th; excerpts and sub-results or not. */
export interface SearchOptions {
  /** Results wanted; default every one. */
  limit?: number;
  /** Results to skip first; default 0. */
  offset?: number;
  /**
   * Whether results carry `excerpt` and `subResults`, which are cut from each result's search file.
   * Default: yes for a page (a finite `limit`), no for every result, which then fetches no document's
   * text when the index proves the terms, and only a check file per candidate when it does not.
   */
  excerpts?: boolean;
  /**
   * The caller goes on to every result, a page at a time (`results`): candidates are then checked by
   * their buckets' packs where they are dense, as for every result at once. Default: `limit` is infinite.
   */
  every?: boolean;
}

/** One page of a search: the results asked for, and whether more candidates remain unchecked. */
export interface SearchPage {
  results: SearchResult[];
  /** Candidates of the index shards searched so far: an upper bound of the results there. */
  candidates: number;
  /** True when every candidate has been checked and no result comes after these. */
  complete: boolean;
}

/** How many documents hold a query's terms, overall and per filter value. */
export interface SearchCount {
  /** The number of results, or an estimate when `exact` is false. */
  total: number;
  /**
   * True when `total` is the number of results: the index proves every term, or every candidate
   * has been checked. Otherwise `total` is the candidates times the share of those checked so far
   * that held the terms (「約 N 筆」).
   */
  exact: boolean;
  /** Documents the index returned (every shard): an upper bound of `total`. */
  candidates: number;
  /** Candidates checked, from the first in rank order (all of them when the index proves the terms). */
  checked: number;
  /**
   * For each filter (kind, series, agency, year, topic), the results each of its values would have,
   * with the other filters as they are.
   */
  facets: FilterCounts;
  /** True when `facets` are counts, false when they are estimated like `total`. */
  facetsExact: boolean;
}

export const FACETS = ['kind', 'series', 'agency', 'year', 'topic'] as const;

/** A page of results shows this many; an estimate is taken from the candidates checked for it. */
export const PAGE_SIZE = 10;

/** Queries whose cursors and check outcomes are kept, most recent last. */
const KEEP = 16;

/** Map.get that moves the entry to the end, and drops the oldest beyond KEEP when creating one. */
function recent<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) value = create();
  else map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= KEEP) break;
    map.delete(oldest);
  }
  return value;
}

/**
 * Creates the archive's search for a site whose base path is `base` (ending in `/`). `shards` names
 * the index shards newest first (src/search/shards.ts `searchOrder`; none: one bundle at
 * `pagefind/`). Rank order is newest shard first and Pagefind's order within a shard (by relevance,
 * or by date with `sort: 'date'`), the same whatever else has been searched, so a page of results is
 * always the same slice of all of them. The search page and `window.archiveSearch` both run this.
 */
export function createArchiveSearch(base: string, shards: string[] = []) {
  const files = createFiles(base);
  const index = createIndex(base, shards, { learned: files.learn });
  const cursors = new Map<string, QueryCursor>();
  const outcomes = new Map<string, Outcomes>();

  /** The cursor of a query and filters; undefined when there is nothing to search for. */
  const cursor = (query: string, filters: SearchFilters = {}) => {
    const terms = queryTerms(query ?? '');
    const facets = Object.fromEntries(FACETS.filter((key) => filters[key]).map((key) => [key, filters[key]!]));
    if (!terms.length && !Object.keys(facets).length) return undefined;
    const indexQuery: IndexQuery = { tokens: terms.flatMap(termTokens).join(' '), facets, byDate: filters.sort === 'date' };
    const termsKey = JSON.stringify(terms);
    return recent(
      cursors,
      JSON.stringify([terms, facets, indexQuery.byDate]),
      () =>
        new QueryCursor(
          index,
          files,
          indexQuery,
          terms,
          terms.every(provenByIndex),
          recent(outcomes, termsKey, () => new Map()),
        ),
    );
  };

  const cardResult = (card: ResultCard): SearchResult => ({
    url: `${base}${card.url.replace(/^\//, '')}`,
    title: card.title,
    ...(card.date ? { date: card.date } : {}),
    series: card.series,
  });

  /** A decided result as shown: with excerpts cut from its search file, or its card. */
  const present = async (at: QueryCursor, { id, outcome }: Decision, excerpts: boolean): Promise<SearchResult> => {
    if (!excerpts) return cardResult(outcome.card ?? (await files.card(id)));
    const document = await files.searchDocument(await files.documentId(id));
    return matchDocument(document, at.terms, base) ?? cardResult(resultCard(document));
  };

  async function search(query: string, filters: SearchFilters = {}, options: SearchOptions | number = {}): Promise<SearchPage> {
    const {
      limit = Infinity,
      offset = 0,
      excerpts = Number.isFinite(limit),
      every = limit === Infinity,
    } = typeof options === 'number' ? { limit: options } : options;
    const at = cursor(query, filters);
    if (!at || limit <= 0) return { results: [], candidates: at?.known ?? 0, complete: !at };
    const chosen: Array<Promise<SearchResult>> = [];
    let ordinal = 0;
    // Decide only as many candidates ahead as results are still wanted: most candidates hold the terms.
    const width = () => Math.min(LOOKAHEAD, Math.max(1, offset + limit - ordinal));
    for await (const decision of at.decisions(excerpts ? 'search-file' : 'check-file', width, { every })) {
      if (!decision.outcome.hit) continue;
      // Presented at once, while the search file a check just fetched is still kept.
      if (ordinal++ >= offset) chosen.push(present(at, decision, excerpts));
      chosen.at(-1)?.catch(() => {});
      if (chosen.length >= limit) break;
    }
    const results = await Promise.all(chosen);
    // Lookahead may have decided candidates past the page: complete only if none of them is a result.
    return { results, candidates: at.known, complete: at.complete && at.sample.hits <= offset + results.length };
  }

  /** Counts per value of a facet over the results a cursor has decided. */
  const countValues = async (at: QueryCursor, key: (typeof FACETS)[number], into: Record<string, number>) => {
    for await (const { outcome } of at.decisions('check-file', undefined, { every: true })) {
      if (outcome.hit) for (const value of outcome.filters?.[key] ?? []) into[value] = (into[value] ?? 0) + 1;
    }
  };

  async function count(
    query: string,
    filters: SearchFilters = {},
    { exact = false, facets: perValue = true }: { exact?: boolean; facets?: boolean } = {},
  ): Promise<SearchCount> {
    const at = cursor(query, filters);
    if (!at) return { total: 0, exact: true, candidates: 0, checked: 0, facets: {}, facetsExact: true };
    const all = await index.searchAll(at.query, { facets: perValue });
    // A filter in use counts its values without itself: what choosing another value would give.
    const facets: FilterCounts = { ...all.filters };
    const others = perValue ? FACETS.filter((key) => at.query.facets[key]) : [];
    await Promise.all(
      others.map(async (key) => {
        const { [key]: _, ...rest } = at.query.facets;
        facets[key] = (await index.searchAll({ ...at.query, facets: rest })).filters[key] ?? {};
      }),
    );
    if (at.proven) return { total: all.candidates, exact: true, candidates: all.candidates, checked: all.candidates, facets, facetsExact: true };
    // Counting exactly costs nothing more once every candidate is decided, unless a filter in use needs its own count.
    if (exact || (at.complete && !others.length)) {
      const counted: FilterCounts = {};
      for (const key of FACETS) counted[key] = Object.fromEntries(Object.keys(facets[key] ?? {}).map((value) => [value, 0]));
      for await (const { outcome } of at.decisions('check-file', undefined, { every: true })) {
        if (!outcome.hit) continue;
        for (const key of FACETS)
          if (!others.includes(key)) for (const value of outcome.filters?.[key] ?? []) counted[key]![value] = (counted[key]![value] ?? 0) + 1;
      }
      for (const key of others) {
        const { [key]: _, ...rest } = filters;
        const without = cursor(query, rest);
        if (without) await countValues(without, key, counted[key]!);
      }
      return { total: at.sample.hits, exact: true, candidates: all.candidates, checked: at.sample.decided, facets: counted, facetsExact: true };
    }
    // An estimate from the candidates checked so far (a page's worth at least).
    if (at.sample.decided === 0) await search(query, filters, { limit: PAGE_SIZE, excerpts: false });
    const { decided, hits } = at.sample;
    const share = decided ? hits / decided : 0;
    const total = at.complete ? hits : Math.max(hits, Math.round(all.candidates * share));
    return { total, exact: at.complete, candidates: all.candidates, checked: decided, facets: scaled(facets, share), facetsExact: false };
  }

  return {
    search,
    count,
    /** Every result, or `options.limit` of them from `options.offset`: `window.archiveSearch`. */
    all: async (query: string, filters: SearchFilters = {}, options: SearchOptions = {}) => (await search(query, filters, options)).results,
    /** Every result in rank order as it is decided, `chunk` at a time underneath (with excerpts if asked). */
    async *results(
      query: string,
      filters: SearchFilters = {},
      { excerpts = false, chunk = 100 }: { excerpts?: boolean; chunk?: number } = {},
    ): AsyncGenerator<SearchResult> {
      for (let offset = 0; ; offset += chunk) {
        const page = await search(query, filters, { limit: chunk, offset, excerpts, every: true });
        yield* page.results;
        if (page.results.length < chunk) return;
      }
    },
  };
}

/** Counts per filter value times a share, for an estimate. */
function scaled(counts: FilterCounts, share: number): FilterCounts {
  return Object.fromEntries(
    Object.entries(counts).map(([key, values]) => [key, Object.fromEntries(Object.entries(values).map(([value, n]) => [value, Math.round(n * share)]))]),
  );
}
