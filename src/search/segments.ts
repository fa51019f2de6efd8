/**
 * What search sees of a document: its text cut at anchors (the header, then each item and each
 * resolution), in reading order. The page matches a query when all of it together has every term;
 * a sub-result is the first segment that has them.
 */
import { walkItems } from '../facts/archive.ts';
import type { ArchiveDocument, Item } from '../model/types.ts';
import type { Agency, Topic } from '../schemas/registry.ts';
import { withLabel } from '../text/format.ts';

/** [anchor ('' for the top of the page), label for the sub-result, text]. */
export type Segment = [anchor: string, label: string, text: string];

/** The search file of a document: `/search/docs/<id>.json`. */
export interface SearchDocument {
  id: string;
  url: string;
  title: string;
  date?: string;
  series: string;
  kind: ArchiveDocument['kind'];
  /** Facets for the search filters, as readers see them: 會議紀錄, the series, agency short names, year, topic names. */
  filters: Record<'kind' | 'series' | 'agency' | 'year' | 'topic', string[]>;
  segments: Segment[];
}

export interface Names {
  agency: (slug: string) => string;
  topic: (slug: string) => string;
}

/** The names filters show: an agency's short name, a topic's name (the slug when the registry lacks it). */
export function registryNames(agencies: Iterable<Agency>, topics: Iterable<Topic>): Names {
  const short = new Map([...agencies].map((agency) => [agency.slug, agency.short]));
  const topicNames = new Map([...topics].map((topic) => [topic.slug, topic.name]));
  return { agency: (slug) => short.get(slug) ?? slug, topic: (slug) => topicNames.get(slug) ?? slug };
}

function itemSegments(item: Item, out: Segment[]): void {
  const own = [withLabel(item.label, item.title) + (item.agencyText ?? ''), item.text];
  for (const table of item.tables) own.push([...table.header, ...table.rows.flat()].join(' '));
  for (const report of item.reports) own.push(`${report.speaker}${report.verb}：${report.text}`);
  if (item.resolutionHeading) own.push(item.resolutionHeading);
  out.push([item.anchor, withLabel(item.label, item.title).slice(0, 40), own.filter(Boolean).join('\n')]);
  for (const resolution of item.resolutions) {
    out.push([resolution.anchor, `${item.label}${resolution.label || '會議結論'}`, withLabel(resolution.label, resolution.text)]);
  }
  for (const child of item.items) itemSegments(child, out);
}

export function searchDocument(document: ArchiveDocument, names: Names): SearchDocument {
  const head = [document.title, ...document.header.map((field) => field.text), document.intro ?? ''].filter(Boolean).join('\n');
  const segments: Segment[] = [['', document.title, head]];
  for (const item of document.items) itemSegments(item, segments);
  if (document.adjournment) segments.push(['', document.title, document.adjournment]);
  return {
    id: document.id,
    url: document.url,
    title: document.title,
    ...(document.date ? { date: document.date } : {}),
    series: `${document.organization}${document.series}`,
    kind: document.kind,
    filters: searchFilters(document, names),
    segments,
  };
}

/** What the search page's filters read of a document: its search file without the text, a fraction of its memory. */
export function searchFacets(document: ArchiveDocument, names: Names): Pick<SearchDocument, 'url' | 'series' | 'filters'> {
  return { url: document.url, series: `${document.organization}${document.series}`, filters: searchFilters(document, names) };
}

function searchFilters(document: ArchiveDocument, names: Names): SearchDocument['filters'] {
  const items = [...walkItems(document.items)];
  const agencies = new Set<string>(document.organizationAgency ? [document.organizationAgency] : []);
  const topics = new Set<string>();
  for (const item of items) {
    for (const slug of item.agencies) agencies.add(slug);
    for (const slug of item.topics) topics.add(slug);
    for (const resolution of item.resolutions) {
      for (const slug of resolution.agencies) agencies.add(slug);
      for (const slug of resolution.topics) topics.add(slug);
    }
  }
  return {
    kind: [document.kind === 'minutes' ? '會議紀錄' : '施政成果報告'],
    series: [`${document.organization}${document.series}`],
    agency: [...agencies].map(names.agency),
    year: document.date ? [document.date.slice(0, 4)] : [],
    topic: [...topics].map(names.topic),
  };
}
