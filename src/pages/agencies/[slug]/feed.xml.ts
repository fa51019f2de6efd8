/** One agency's feed: the newest documents it held, reported in, spoke in or was addressed in. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMentionedAgencies } from '../../../site/archive.ts';
import type { ArchiveDocument } from '../../../model/types.ts';
import type { Agency } from '../../../schemas/registry.ts';
import { documentFeed } from '../../../site/feed.ts';

export const getStaticPaths = (async () =>
  (await getMentionedAgencies()).map(({ agency, mentions }) => {
    const documents = [...mentions.held, ...[...mentions.reported, ...mentions.spokeIn, ...mentions.addressed].map((ref) => ref.document)];
    return { params: { slug: agency.slug }, props: { agency, documents } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ agency: Agency; documents: ArchiveDocument[] }> = ({ site, props }) =>
  documentFeed(site, props.agency.name, props.documents);
