/**
 * The archive's search, in the browser: a thin wrapper over the Pagefind JS API that finds every
 * document containing the query's terms and nothing else.
 *
 * 1. The query is split on white space and folded (NFKC, 臺→台, case, no spaces), like the index.
 * 2. Pagefind finds the documents holding every character-pair token of every term (src/search/tokens.ts).
 * 3. Each candidate's search file is checked: every folded term must occur in its folded text
 *    (this rules out pairs that occur apart), then excerpts and sub-results (the item or resolution
 *    anchors that hold the words) are cut from the original text, matches marked.
 */
import { type Folded, fold, queryTerms } from './fold.ts';
import type { SearchDocument } from './segments.ts';
import { termTokens } from './tokens.ts';

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
  excerpt: string;
  subResults: SubResult[];
}

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);

/** The original text around the first match of any term, the match marked. */
export function excerpt(original: string, folded: Folded, terms: string[], radius = 40): string {
  let best: { start: number; end: number } | undefined;
  for (const term of terms) {
    const at = folded.text.indexOf(term);
    if (at >= 0 && (!best || at < best.start)) best = { start: at, end: at + term.length };
  }
  if (!best) return escape(original.slice(0, radius * 2));
  const from = folded.from[best.start]!;
  const to = folded.from[best.end - 1]! + 1;
  const start = Math.max(0, from - radius);
  const end = Math.min(original.length, to + radius);
  return `${start > 0 ? '…' : ''}${escape(original.slice(start, from))}<mark>${escape(original.slice(from, to))}</mark>${escape(original.slice(to, end))}${end < original.length ? '…' : ''}`;
}

/** Checks a candidate and cuts its excerpt and sub-results; undefined when it does not hold every term. */
export function matchDocument(document: SearchDocument, terms: string[], base: string): SearchResult | undefined {
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
    excerpt: subResults[0]?.excerpt ?? escape(document.title),
    subResults,
  };
}

/** One page of a search: the first `limit` verified results, and whether more candidates remain unchecked. */
export interface SearchPage {
  results: SearchResult[];
  /** Documents Pagefind returned: an upper bound of the results. */
  candidates: number;
  /** True when every candidate has been checked, so `results` is the whole answer. */
  complete: boolean;
}

/**
 * The bucket of `search/fragments/` that maps a Pagefind page id to its document: the first two
 * hex digits of the id's hash, so a result costs one small file, not a map of the whole archive.
 */
export function fragmentBucket(pagefindId: string): string {
  return pagefindId.slice(pagefindId.lastIndexOf('_') + 1).slice(0, 2);
}

/**
 * Creates the archive's search for a site whose base path is `base` (ending in `/`):
 * `search(query, filters, limit)` checks candidates in Pagefind's order only until `limit` results
 * hold the terms, so a first page fetches the search files of about that many documents;
 * `all(query, filters)` checks every candidate. Search files already fetched are kept for the next call.
 * `shards` lists the older Pagefind bundles (`pagefind-shards/<name>/`, newest first), merged into
 * the primary (newest) one as queries need them; by default the list the indexer wrote,
 * `search/shards.json`, read when a query first needs an older shard.
 */
export function createArchiveSearch(base: string, shards?: string[]) {
  let shardList: Promise<string[]> | undefined = shards && Promise.resolve(shards);
  const olderShards = () =>
    (shardList ??= fetch(`${base}search/shards.json`).then((response) => {
      if (!response.ok) throw new Error(`the search index's shard list (search/shards.json): HTTP ${response.status}`);
      return response.json() as Promise<string[]>;
    }));
  let loading: Promise<Pagefind> | undefined;
  const documents = new Map<string, Promise<SearchDocument>>();
  const buckets = new Map<string, Promise<Record<string, string>>>();
  /** The document of a Pagefind result: from the build's map when it has it, else from the fragment. */
  const documentId = async (result: PagefindResult) => {
    const bucket = fragmentBucket(result.id);
    let map = buckets.get(bucket);
    if (!map) {
      map = fetch(`${base}search/fragments/${bucket}.json`).then((response) => (response.ok ? response.json() : {}), () => ({}));
      buckets.set(bucket, map);
    }
    return (await map)[result.id] ?? (await result.data()).meta.id!;
  };
  const pagefind = () => {
    loading ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      await module.options({ baseUrl: base });
      return module;
    })();
    return loading;
  };
  // Older shards are merged one at a time, newest first, only when a query needs more results than
  // the shards merged so far hold: a first page from recent years never loads the older indexes.
  let merged = 0;
  let merging = Promise.resolve();
  const mergeNext = (engine: Pagefind) =>
    (merging = merging.then(async () => {
      const older = await olderShards();
      if (merged < older.length) await engine.mergeIndex(`${base}pagefind-shards/${older[merged]}/`);
      merged = Math.min(merged + 1, older.length);
    }));
  const loadDocument = (id: string) => {
    let document = documents.get(id);
    if (!document) {
      document = fetch(`${base}search/docs/${id}.json`).then((response) => {
        if (!response.ok) throw new Error(`search file of ${id}: HTTP ${response.status}`);
        return response.json() as Promise<SearchDocument>;
      });
      documents.set(id, document);
    }
    return document;
  };

  async function search(query: string, filters: SearchFilters = {}, limit = Infinity): Promise<SearchPage> {
    const terms = queryTerms(query ?? '');
    const facets = Object.fromEntries(
      (['kind', 'series', 'agency', 'year', 'topic'] as const).filter((key) => filters[key]).map((key) => [key, filters[key]]),
    );
    if (!terms.length && !Object.keys(facets).length) return { results: [], candidates: 0, complete: true };
    const tokens = terms.flatMap(termTokens).join(' ');
    const engine = await pagefind();
    if (limit === Infinity) while (merged < (await olderShards()).length) await mergeNext(engine);
    for (;;) {
      const found =
        (await engine.search(tokens || null, {
          filters: facets,
          ...(filters.sort === 'date' || !tokens ? { sort: { date: 'desc' } } : {}),
        }))?.results ?? [];
      const results: SearchResult[] = [];
      let checked = 0;
      while (checked < found.length && results.length < limit) {
        // As many candidates as results still wanted: most candidates hold the terms, so one round usually fills the page.
        const batch = found.slice(checked, checked + Math.min(limit - results.length, found.length - checked));
        checked += batch.length;
        const matched = await Promise.all(batch.map(async (result) => matchDocument(await loadDocument(await documentId(result)), terms, base)));
        for (const result of matched) if (result && results.length < limit) results.push(result);
      }
      const allMerged = merged >= (await olderShards()).length;
      if (results.length >= limit || allMerged) return { results, candidates: found.length, complete: allMerged && checked >= found.length };
      await mergeNext(engine);
    }
  }

  return {
    search,
    /** Every document holding the query's terms, in Pagefind's order: `window.archiveSearch`. */
    all: async (query: string, filters: SearchFilters = {}) => (await search(query, filters)).results,
  };
}
