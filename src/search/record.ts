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
import type { CheckFile } from './check-file.ts';
import { indexTokens } from './tokens.ts';

/**
 * The filter that names a record's shard (src/search/shards.ts): the browser merges shards into one
 * Pagefind instance, so it searches one shard at a time by this filter, which keeps the order of
 * results the same however many shards are loaded (newest shard first).
 */
export const SHARD_FILTER = 'shard';

/**
 * The record of a document from its check file (src/search/check-file.ts), whose text is folded
 * already, as the browser checks it; `tokens` when the caller has spelled them already.
 */
export function searchRecord(check: CheckFile, shard?: string, tokens = indexTokens(check.text)): CustomRecord {
  return {
    url: check.url,
    content: tokens,
    language: INDEX_LANGUAGE,
    meta: { id: check.id, title: check.title },
    filters: shard === undefined ? check.filters : { ...check.filters, [SHARD_FILTER]: [shard] },
    sort: { date: check.date ?? '0000-00-00' },
  };
}
