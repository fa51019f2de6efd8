/**
 * Document ids and URLs: ASCII, derived from the model (organization + series + session, or agency +
 * period), never from the file name, so a publisher can name files as they like.
 *   臺北市政府第210次主任秘書會報       → /minutes/taipei/chief-secretaries-meeting/210/
 *   臺北市政府資訊局113年第12次局務會議 → /minutes/information-technology/bureau-meeting/2024-12/
 *   臺北市政府秘書處109年1-6月施政成果報告 → /reports/secretariat/achievement-report/2020-01-2020-06/
 */
import { pinyin } from 'pinyin-pro';
import type { ArchiveDocument } from '../../model/types.ts';
import type { SeriesName } from '../../schemas/registry.ts';
import type { AgencyIndex } from './agencies.ts';
import { foldForMatch } from '../../text/normalize.ts';

/** The city government itself, which holds 市政會議 and 主任秘書會報. */
export const CITY_GOVERNMENT = { slug: 'taipei', names: ['臺北市政府', '台北市政府', '北市府', '本府'] };

/** ASCII slug of Chinese text: pinyin syllables joined by hyphens, other characters kept if ASCII. */
export function slugify(text: string): string {
  const spelled = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  return spelled
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug of a holding body: the city government, an agency of agencies.yaml, or its pinyin. */
export function organizationSlug(organization: string, agencies: AgencyIndex): { slug: string; agency?: string } {
  const folded = foldForMatch(organization);
  if (!organization || CITY_GOVERNMENT.names.some((name) => foldForMatch(name) === folded)) return { slug: CITY_GOVERNMENT.slug };
  const withoutCity = organization.replace(/^(?:臺北市政府|台北市政府|臺北市|台北市)/, '');
  const agency = agencies.resolve(organization) ?? agencies.resolve(withoutCity);
  if (agency) return { slug: agency, agency };
  return { slug: slugify(withoutCity || organization) || 'unknown' };
}

export function seriesSlug(series: string, names: SeriesName[]): string {
  return names.find((entry) => foldForMatch(entry.name) === foldForMatch(series))?.slug ?? (slugify(series) || 'documents');
}

/** Sets id, url, seriesSlug and organizationAgency of a document. */
export function identify(
  document: Omit<ArchiveDocument, 'id' | 'url' | 'seriesSlug' | 'file'>,
  agencies: AgencyIndex,
  series: SeriesName[],
): Pick<ArchiveDocument, 'id' | 'url' | 'seriesSlug' | 'organizationAgency'> {
  const org = organizationSlug(document.organization, agencies);
  const seriesPart = seriesSlug(document.series, series);
  let last: string;
  if (document.kind === 'report' && document.period) {
    last = `${document.period.start.slice(0, 7)}-${document.period.end.slice(0, 7)}`;
  } else if (document.session) {
    last = document.session.year ? `${document.session.year}-${document.session.number}` : String(document.session.number);
  } else {
    // Without a session the date keeps the id unique in its series; without either, the file name does.
    last = document.date ?? (slugify(document.source.replace(/^.*\/|\.[a-z]+$/gi, '')).slice(0, 60) || 'untitled');
  }
  const kindPath = document.kind === 'report' ? 'reports' : 'minutes';
  return {
    id: `${org.slug}-${seriesPart}-${last}`,
    url: `/${kindPath}/${org.slug}/${seriesPart}/${last}/`,
    seriesSlug: seriesPart,
    ...(org.agency ? { organizationAgency: org.agency } : {}),
  };
}
