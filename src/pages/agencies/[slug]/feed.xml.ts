/** One agency's feed: the newest documents it held, reported in, spoke in or was addressed in. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAgencies, getArchive } from '../../../archive/collection.ts';
import type { ArchiveDocument } from '../../../model/types.ts';
import type { Agency } from '../../../schemas/registry.ts';
import { documentFeed } from '../../../utils/feed.ts';

export const getStaticPaths = (async () => {
  const [archive, agencies] = await Promise.all([getArchive(), getAgencies()]);
  return [...agencies.values()]
    .filter((agency) => archive.agencies.has(agency.slug))
    .map((agency) => {
      const entry = archive.agencies.get(agency.slug)!;
      const documents: ArchiveDocument[] = [
        ...entry.held,
        ...[...entry.reported, ...entry.spokeIn, ...entry.addressed].map((ref) => ref.document),
      ];
      return { params: { slug: agency.slug }, props: { agency, documents } };
    });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ agency: Agency; documents: ArchiveDocument[] }> = ({ site, props }) =>
  documentFeed(site, props.agency.name, props.documents);
