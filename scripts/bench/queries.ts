/**
 * Which queries of the public set (tests/fixtures/search/queries.tsv) the bench runs. "Typical" is
 * taken literally: the queries are ranked by how many documents hold them (every folded term, the
 * relevance npm run eval:search uses), and the bench takes the median one and the one just above it.
 * A query held by nearly every document would make ours fetch nearly every search file; one held by
 * none would measure nothing but the start-up.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fold, queryTerms } from '../../src/search/fold.ts';
import type { SearchDocument } from '../../src/search/segments.ts';

/** Used when the query set isn't there. */
const FALLBACK = ['電子發票', '資安'];

/** The queries of a queries.tsv: first column, no comments or blank lines. */
export function readQueries(file: string): string[] {
  if (!existsSync(file)) return FALLBACK;
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split('\t')[0]!.trim())
    .filter((line) => line && !line.startsWith('#'));
}

export interface Typical {
  first: string;
  second: string;
  /** How many documents hold each query. */
  matches: Record<string, number>;
}

/** Counts, from the archive's search files (`<dist>/search/docs/*.json`), the documents holding each query; picks two typical ones. */
export function typicalQueries(queries: string[], dist: string): Typical {
  const terms = queries.map((query) => queryTerms(query));
  const counts = queries.map(() => 0);
  const docs = join(dist, 'search', 'docs');
  // One document at a time: folding keeps a position map per character, too much to hold for 10,000.
  for (const file of readdirSync(docs)) {
    const document = JSON.parse(readFileSync(join(docs, file), 'utf8')) as SearchDocument;
    const text = fold(document.segments.map(([, , segment]) => segment).join('\n')).text;
    terms.forEach((list, index) => {
      if (list.length && list.every((term) => text.includes(term))) counts[index]!++;
    });
  }
  const ranked = queries.map((query, index) => ({ query, count: counts[index]! })).sort((a, b) => a.count - b.count);
  const middle = Math.floor(ranked.length / 2);
  return {
    first: ranked[middle]!.query,
    second: ranked[Math.min(middle + 1, ranked.length - 1)]!.query,
    matches: Object.fromEntries(queries.map((query, index) => [query, counts[index]!])),
  };
}
