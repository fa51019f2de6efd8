/**
 * Site-relative URLs of every page type, derived from the model (ASCII, stable). Pass them through
 * `withBase` when writing a link.
 */

export const routes = {
  home: () => '/',
  documents: () => '/documents/',
  series: (key: string) => `/series/${key}/`,
  seriesIndex: () => '/series/',
  agency: (slug: string) => `/agencies/${slug}/`,
  /** An agency's indicators across its reports' periods, a page per year. */
  agencyIndicators: (slug: string) => `/agencies/${slug}/indicators/`,
  agencies: () => '/agencies/',
  topic: (slug: string) => `/topics/${slug}/`,
  topics: () => '/topics/',
  case: (tracked: { key: string }) => `/cases/${tracked.key}/`,
  caseKey: (seriesKey: string, id: string) => `/cases/${seriesKey}/${id}/`,
  year: (year: string | number) => `/years/${year}/`,
  years: () => '/years/',
  search: () => '/search/',
  unreadable: () => '/documents/unreadable/',
  /** A source file the archive could not read, as published: `/sources/unreadable/minutes/scan.pdf`. */
  unreadableFile: (path: string) => `/sources/unreadable/${path.split('/').map(encodeURIComponent).join('/')}`,
  people: () => '/people/',
  person: (slug: string) => `/people/${slug}/`,
  coverage: () => '/coverage/',
  seriesCoverage: (key: string) => `/coverage/${key}/`,
  source: (document: { id: string; source: string }) => `/sources/${sourceFileName(document)}`,
  /** The text the archive read from an original (PDF, ODT, DOCX, web page), beside it: `/sources/<id>.txt`. */
  sourceText: (document: { id: string }) => `/sources/${document.id}.txt`,
  /** An image file a document shows, as published, at its path under content/: `/sources/reports/images/chart.png`. */
  image: (path: string) => `/sources/${path.split('/').map(encodeURIComponent).join('/')}`,
};

/** The file name a document's source is published under: `/sources/<id>.txt`. */
export const sourceFileName = (document: { id: string; source: string }) => `${document.id}${/\.[a-z]+$/i.exec(document.source)?.[0] ?? '.txt'}`;
