/** The Pagefind record of one document: its folded text spelled as character-pair tokens, with filters and a date sort. */
import type { CustomRecord } from 'pagefind';
import { fold } from './fold.ts';
import type { SearchDocument } from './segments.ts';
import { indexTokens } from './tokens.ts';

export function searchRecord(document: SearchDocument): CustomRecord {
  const text = document.segments.map(([, , segment]) => segment).join('\n');
  return {
    url: document.url,
    content: indexTokens(fold(text).text),
    language: 'zh-tw',
    meta: { id: document.id, title: document.title },
    filters: document.filters,
    sort: { date: document.date ?? '0000-00-00' },
  };
}
