/**
 * What a document's page shows of other documents: the sessions before and after it in its series,
 * the previous minutes it read, where it was confirmed, and the person pages of the people it names.
 * Computed from the whole archive, and small and plain (JSON as it is), so a build of a slice of the
 * documents on another machine renders the same page from these facts alone (src/plan/).
 */
import type { ArchiveDocument } from '../model/types.ts';
import { type Archive, previousDocument, seriesKey } from './archive.ts';
import type { Confirmation, ConfirmationRecord } from './confirmations.ts';
import type { People } from './people.ts';

/** Another document as a page links it. */
export type DocumentLink = Pick<ArchiveDocument, 'id' | 'url' | 'title' | 'date' | 'session'>;

/** A person as a page links them. */
export interface PersonLink {
  slug: string;
}

export type ConfirmationFact =
  | { state: 'recorded'; confirmation: Omit<Confirmation, 'by'> & { by: DocumentLink } }
  | { state: 'next-not-held'; next: string }
  | { state: 'not-recorded'; next: DocumentLink };

export interface DocumentPageFacts {
  before?: DocumentLink;
  after?: DocumentLink;
  /** The previous minutes this document read, when the archive holds them. */
  previous?: DocumentLink;
  confirmation?: ConfirmationFact;
  chair?: PersonLink;
  recorders: PersonLink[];
  /** Speakers by the source line their report starts on. */
  speakers: Array<[line: number, person: PersonLink]>;
}

export const documentLink = ({ id, url, title, date, session }: ArchiveDocument): DocumentLink => ({
  id,
  url,
  title,
  ...(date ? { date } : {}),
  ...(session ? { session } : {}),
});

const personLink = ({ slug }: { slug: string }): PersonLink => ({ slug });

function confirmationFact(record: ConfirmationRecord): ConfirmationFact {
  if (record.state === 'recorded') return { state: 'recorded', confirmation: { ...record.confirmation, by: documentLink(record.confirmation.by) } };
  if (record.state === 'not-recorded') return { state: 'not-recorded', next: documentLink(record.next) };
  return record;
}

/** The facts of `document`'s page, from the archive it belongs to. */
export function documentPageFacts(
  archive: Archive,
  people: People,
  confirmations: Map<string, ConfirmationRecord>,
  document: ArchiveDocument,
): DocumentPageFacts {
  const sessions = archive.series.get(seriesKey(document))?.documents ?? [];
  const index = sessions.findIndex((other) => other.id === document.id);
  const [before, after] = [sessions[index - 1], sessions[index + 1]];
  const previous = previousDocument(archive, document);
  const confirmation = confirmations.get(document.id);
  const named = people.byDocument.get(document.id);
  return {
    ...(index > 0 && before ? { before: documentLink(before) } : {}),
    ...(index >= 0 && after ? { after: documentLink(after) } : {}),
    ...(previous ? { previous: documentLink(previous) } : {}),
    ...(confirmation ? { confirmation: confirmationFact(confirmation) } : {}),
    ...(named?.chair ? { chair: personLink(named.chair) } : {}),
    recorders: (named?.recorders ?? []).map(personLink),
    speakers: [...(named?.speakers ?? [])].map(([line, person]) => [line, personLink(person)]),
  };
}
