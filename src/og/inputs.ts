/** What a share card shows of a document (src/outputs/cards.ts draws every document's). */
import type { ArchiveDocument } from '../model/types.ts';
import type { CardInput } from './card.ts';

/** The card of one document. Reports have a period instead of a session: it stands in for the date. */
export function cardInput(document: ArchiveDocument, siteName: string): CardInput {
  return {
    // A text whose title could not be read is still published; its card names the file.
    title: document.title || document.source,
    series: document.series,
    session: document.session?.label,
    date: document.period ? `${document.period.start} 至 ${document.period.end}` : document.date,
    rocDate: document.rocDate,
    organization: document.organization,
    siteName,
  };
}
