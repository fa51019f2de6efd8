import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { documentsLoader, registryLoader } from './loaders/documents.ts';
import { readBuildOptions } from './options.ts';
import { peopleLoader } from './loaders/people.ts';
import { unreadableLoader } from './loaders/unreadable.ts';
import { documentSchema, unreadableSourceSchema } from './schemas/document.ts';
import { personAliasSchema } from './schemas/people.ts';
import { agencySchema, topicSchema } from './schemas/registry.ts';
import { siteSchema, standardPageSchema } from './schemas/site.ts';
import { siteLoader } from './ingest/site-identity.ts';

/** Minutes and reports under content/minutes and content/reports, run through the pipeline. */
const { strict, threads, plan } = readBuildOptions();
const documents = defineCollection({ loader: documentsLoader({ strict, threads, plan }), schema: documentSchema });
/** content/agencies.yaml */
const agencies = defineCollection({ loader: registryLoader('agencies'), schema: agencySchema });
/** content/topics.yaml */
const topics = defineCollection({ loader: registryLoader('topics'), schema: topicSchema });
/** content/people.yaml */
const people = defineCollection({ loader: peopleLoader(), schema: personAliasSchema });

/** content/site.yaml: the site's name, owner, contacts, licence (one entry, id `site`) */
const site = defineCollection({ loader: siteLoader(), schema: siteSchema });
/** content/pages/*.md: 網站導覽, 無障礙聲明 and the other standard pages, at /about/<slug>/ */
const pages = defineCollection({ loader: glob({ pattern: '**/*.md', base: './content/pages' }), schema: standardPageSchema });

/** Source files the archive could not read: listed at /documents/unreadable/, never dropped. */
const unreadable = defineCollection({ loader: unreadableLoader(), schema: z.object({ files: z.array(unreadableSourceSchema) }) });

export const collections = { documents, unreadable, agencies, topics, people, site, pages };
