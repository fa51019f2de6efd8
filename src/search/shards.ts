/**
 * How the search index is split: Pagefind holds a whole index in memory while it builds it (12 GB
 * for 10,000 documents in one index), so a large archive is indexed in shards of consecutive years,
 * each its own Pagefind bundle built by its own process, and the browser merges them (`mergeIndex`).
 * The newest shard is the primary bundle at `pagefind/`, searched first; the others are at
 * `pagefind-shards/<name>/`, merged newest first when a query needs more results than it holds.
 * The search page and the indexer both derive the plan from the documents, so they always agree.
 */

export interface Shard {
  /** `2001-2006`, `2021.2`, `undated`; the primary (newest) shard's name is not used in a URL. */
  name: string;
  ids: string[];
}

export interface ShardInput {
  id: string;
  date?: string;
}

/** What the plan needs of a document (its search file, say): the id, and the date when it has one. */
export const shardInput = ({ id, date }: { id: string; date?: string }): ShardInput => ({ id, ...(date ? { date } : {}) });

/**
 * Groups documents by year, oldest first, and fills each shard with whole years up to `size`
 * documents; a year with more than that is cut by date into shards of its own (`2021.1`, `2021.2`),
 * so no shard exceeds the memory target. Undated documents are a shard of their own, before the oldest. Shards of whole years let a
 * publisher rebuild only the shard of the year that changed.
 */
export function planShards(documents: ShardInput[], size: number): Shard[] {
  const byYear = new Map<string, ShardInput[]>();
  for (const document of documents) {
    const year = /^\d{4}/.exec(document.date ?? '')?.[0] ?? 'undated';
    byYear.set(year, [...(byYear.get(year) ?? []), document]);
  }
  // Undated documents go first, with the oldest, so the last (primary) shard is the newest years.
  const years = [...byYear.keys()].sort((a, b) => (a === 'undated' ? -1 : b === 'undated' ? 1 : a.localeCompare(b)));
  const shards: Array<{ names: string[]; ids: string[]; full?: boolean }> = [];
  for (const year of years) {
    const ids = byYear
      .get(year)!
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id))
      .map((document) => document.id);
    const last = shards.at(-1);
    if (ids.length > size) {
      for (let part = 0; part * size < ids.length; part++)
        shards.push({ names: [`${year}.${part + 1}`], ids: ids.slice(part * size, (part + 1) * size), full: true });
    } else if (last && !last.full && last.ids.length + ids.length <= size && !last.names.includes('undated')) {
      last.names.push(year);
      last.ids.push(...ids);
    } else shards.push({ names: [year], ids });
  }
  return shards.map(({ names, ids }) => ({ name: names.length > 1 ? `${names[0]}-${names.at(-1)}` : names[0]!, ids }));
}

/** Where a shard's bundle goes under `dist/`: the newest at `pagefind/`, the rest beside it. */
export function shardPath(shards: Shard[], shard: Shard): string {
  return shard === shards.at(-1) ? 'pagefind' : `pagefind-shards/${shard.name}`;
}

/** In each shard's bundle: Pagefind page id → document id (written by ./index-shard.ts in place of Pagefind's fragments). */
export const PAGE_MAP = 'pages.json';

/**
 * A page's id across all shards. Pagefind's page ids are 7 hex digits of a hash, unique within a
 * shard but not across shards (at 10,000 documents about one build in six gives two documents of
 * different shards one id, and one of them could not be found): an older shard's ids carry its
 * name (`und_5417c91~2008-2011`), the primary's are Pagefind's own. The bucket files are keyed by
 * these ids, and the browser's index gives them.
 */
export const sitePageId = (pagefindId: string, olderShard?: string): string => (olderShard === undefined ? pagefindId : `${pagefindId}~${olderShard}`);

/** The file under `dist/search/` listing {@link searchOrder}, written when the index is assembled. */
export const SHARD_LIST = 'shards.json';

/** Every shard's name, newest first: the order the browser searches them in (the first is the primary bundle). */
export function searchOrder(shards: Shard[]): string[] {
  return shards.map((shard) => shard.name).reverse();
}
