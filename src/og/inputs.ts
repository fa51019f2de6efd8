/** What a share card shows of a document (src/outputs/cards.ts draws every document's). */
import type { ArchiveDocument } from '../model/types.ts';
import { formatDate, formatDateSpan } from '../text/format.ts';
import type { CardInput } from './card.ts';

/**
 * The card of one document. Reports have a period instead of a session: it stands in for the date.
 * Dates as on the pages: 民國 first, the AD year beside it (`民國110年（2021年）7月22日`).
 */
export function cardInput(document: ArchiveDocument, siteName: string): CardInput {
  return {
    // A text whose title could not be read is still published; its card names the file.
    title: document.title || document.source,
    series: document.series,
    session: document.session?.label,
    date: document.period ? formatDateSpan(document.period.start, document.period.end) : document.date && formatDate(document.date),
    organization: document.organization,
    siteName,
  };
}
