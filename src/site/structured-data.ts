/**
 * schema.org JSON-LD of a document page: a meeting's minutes describe an `Event` (when, where, held
 * by whom), an achievement report is a `Report`. Search engines show these facts; the text is the
 * model's, never invented.
 */
import type { ArchiveDocument } from '../model/types.ts';

const dateTime = (date: string | undefined, time: string | undefined) => (date && time ? `${date}T${time}:00+08:00` : date);

export function documentJsonLd(document: ArchiveDocument, pageUrl: string, imageUrl?: string): Record<string, unknown> {
  const organizer = document.organization ? { '@type': 'GovernmentOrganization', name: document.organization } : undefined;
  const common = { '@context': 'https://schema.org', name: document.title, url: pageUrl, inLanguage: 'zh-TW', ...(imageUrl ? { image: imageUrl } : {}) };
  if (document.kind === 'report') {
    return {
      ...common,
      '@type': 'Report',
      ...(organizer ? { publisher: organizer } : {}),
      ...(document.date ? { datePublished: document.published ?? document.date } : {}),
    };
  }
  return {
    ...common,
    '@type': 'Event',
    eventStatus: 'https://schema.org/EventScheduled',
    ...(document.date ? { startDate: dateTime(document.date, document.startTime) } : {}),
    ...(document.date && document.endTime ? { endDate: dateTime(document.date, document.endTime) } : {}),
    ...(document.location ? { location: { '@type': 'Place', name: document.location } } : {}),
    ...(organizer ? { organizer } : {}),
    ...(document.session ? { description: `${document.series}${document.session.label}` } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
