/**
 * Stage 5, enrich: what the words refer to. Agencies through agencies.yaml, topics through
 * topics.yaml, tracked cases and their fate, the previous minutes, anchors, the document's id and URL.
 */
import type { VFile } from 'vfile';
import type { ArchiveDocument, Item } from '../../model/types.ts';
import type { SeriesName } from '../../schemas/registry.ts';
import type { StructuredDocument } from '../structure/document.ts';
import { readAddressees } from './addressees.ts';
import { type AgencyIndex, unique } from './agencies.ts';
import { assignAnchors } from './anchors.ts';
import { parseCaseActions, tableCaseActions } from './cases.ts';
import { documentFigures } from './figures/document.ts';
import { identify } from './identity.ts';
import { findPrevious } from './previous.ts';
import type { TopicIndex } from './topics.ts';
import { routes } from '../../utils/routes.ts';

export interface Registries {
  agencies: AgencyIndex;
  topics: TopicIndex;
  series: SeriesName[];
}

/** The agencies a text names, with every name each goes by: where a topic keyword names an agency. */
const knownNames = (agencies: AgencyIndex, text: string) => agencies.mentions(text).map((mention) => ({ ...mention, aliases: agencies.namesOf(mention.slug) }));

function enrichItem(item: Item, registries: Registries, holder: string | undefined, file: VFile): void {
  const { agencies, topics } = registries;
  if (item.agencyText) {
    const names = item.agencyText.replace(/^[（(]|[）)]$/g, '').split(/[、,，及與]/);
    const slugs = names.map((name) => agencies.resolve(name));
    names.forEach((name, index) => {
      if (!slugs[index]) {
        file.message(`agency “${name.trim()}” is not in content/agencies.yaml (add it, or an alias, to link it)`, {
          place: { line: item.line, column: 1 },
          ruleId: 'agency',
          source: 'minutes-archive',
        });
      }
    });
    const first = slugs.find(Boolean);
    if (first) item.agency = first;
  }
  const ownText = `${item.title}\n${item.text}`;
  item.agencies = unique([...(item.agency ? [item.agency] : []), ...agencies.named(ownText)]);
  // A keyword inside an agency's name (人事處, 政風處) names the agency, not the topic.
  item.topics = topics.of(ownText, knownNames(agencies, ownText));
  for (const report of item.reports) {
    const mention = agencies.mentions(report.speaker)[0];
    if (mention && mention.index === 0) {
      report.agency = mention.slug;
    } else {
      // 總務組涂組長: an internal unit of the holding body, then a surname and a role.
      const unit = report.speaker.slice(0, report.speaker.length - report.role.length - 1);
      if (unit) report.unit = unit;
      if (holder) report.agency = holder;
    }
  }
  for (const resolution of item.resolutions) {
    const { addressees, mentions } = readAddressees(resolution.text, agencies.names, holder ? { agency: holder } : {});
    resolution.addressees = addressees;
    resolution.mentions = mentions;
    resolution.agencies = unique(addressees.flatMap((addressee) => (addressee.agency ? [addressee.agency] : [])));
    resolution.cases = parseCaseActions(resolution.text);
    resolution.topics = topics.of(resolution.text, knownNames(agencies, resolution.text));
  }
  // Follow-up tables, then cases the item's own text and reports name (`列管案號 12616 原訂今年 10 月底完工`).
  const tabled = item.tables.flatMap(tableCaseActions);
  item.cases = [
    ...tabled,
    ...parseCaseActions([item.title, item.text, ...item.reports.map((report) => report.text)].join('\n')).filter(
      (ref) => !tabled.some((other) => other.id === ref.id),
    ),
  ];
  for (const child of item.items) enrichItem(child, registries, holder, file);
}

export function enrichDocument(document: StructuredDocument, registries: Registries, file: VFile): ArchiveDocument {
  const identity = identify(document, registries.agencies, registries.series);
  // The source file is published under the document's id (`/sources/<id>.txt`), known from here on.
  const published = { ...document.file, url: routes.source({ id: identity.id, source: document.source }) };
  const enriched: ArchiveDocument = { ...document, ...identity, file: published };
  for (const item of enriched.items) enrichItem(item, registries, identity.organizationAgency, file);
  assignAnchors(enriched.items);
  const figures = documentFigures(enriched, file);
  if (figures.length) enriched.figures = figures;
  if (enriched.kind === 'minutes') {
    const previous = findPrevious(enriched.items, enriched.session);
    if (previous) enriched.previous = previous;
  }
  return enriched;
}
