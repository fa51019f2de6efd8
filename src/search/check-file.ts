/**
 * What the browser needs to check that a candidate holds a query's terms when the index cannot
 * prove it (terms of four or more characters, src/search/tokens.ts): `search/check/<id>.json`,
 * the document's folded text with what a result shows and the document's filter values. Smaller
 * than its search file (`search/docs/<id>.json`, which keeps the original text cut at anchors for
 * excerpts: 7.4 KB against 4.7 KB on a generated archive, before gzip) and already folded, so
 * checking a candidate costs one `includes` per term instead of folding its whole text.
 */
import { fold } from './fold.ts';
import type { SearchDocument } from './segments.ts';

/** What a result shows without an excerpt: the same for a check file and a card (src/search/cards.ts). */
export interface ResultCard {
  id: string;
  /** Site-relative, without the base path: `/minutes/…/`. */
  url: string;
  title: string;
  date?: string;
  series: string;
}

export interface CheckFile extends ResultCard {
  /** The document's values of each filter, for counts per filter value. */
  filters: SearchDocument['filters'];
  /** The folded text of the whole document (src/search/fold.ts), as the index was built from it. */
  text: string;
}

/** The folded text of a document: all its segments, as its Pagefind record and its check hold it. */
export const foldedText = (document: SearchDocument): string => fold(document.segments.map(([, , text]) => text).join('\n')).text;

export const resultCard = ({ id, url, title, date, series }: ResultCard): ResultCard => ({ id, url, title, ...(date ? { date } : {}), series });

export const checkFile = (document: SearchDocument): CheckFile => ({ ...resultCard(document), filters: document.filters, text: foldedText(document) });

/** Whether a folded text holds every folded term. */
export const holdsTerms = (text: string, terms: string[]): boolean => terms.every((term) => text.includes(term));
