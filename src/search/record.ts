/** The Pagefind record of one document: its folded text spelled as tokens of character pairs and triples (src/search/tokens.ts), with filters and a date sort. */
import type { CustomRecord } from 'pagefind';

/**
 * The language the index is built in: `und` (undetermined), since its words are ASCII tokens, not
 * Chinese. Under `zh-tw` Pagefind ran its Chinese word segmenter over them, which found nothing to
 * split and cost 15% of the indexing time; no stemmer applies to `und` either. The browser takes the
 * only language there is for the zh-TW search page (Pagefind's `findIndex` falls back to the
 * language with the most pages).
 */
export const INDEX_LANGUAGE = 'und';
import { fold } from './fold.ts';
import type { SearchDocument } from './segments.ts';
import { indexTokens } from './tokens.ts';

/**
 * The filter that names a record's shard (src/search/shards.ts): the browser merges shards into one
 * Pagefind instance, so it searches one shard at a time by this filter, which keeps the order of
 * results the same however many shards are loaded (newest shard first).
 */
export const SHARD_FILTER = 'shard';

export function searchRecord(document: SearchDocument, shard?: string): CustomRecord {
  const text = document.segments.map(([, , segment]) => segment).join('\n');
  return {
    url: document.url,
    content: indexTokens(fold(text).text),
    language: INDEX_LANGUAGE,
    meta: { id: document.id, title: document.title },
    filters: shard === undefined ? document.filters : { ...document.filters, [SHARD_FILTER]: [shard] },
    sort: { date: document.date ?? '0000-00-00' },
  };
}
