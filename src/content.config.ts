import { defineCollection } from 'astro:content';
import { documentsLoader, registryLoader } from './loaders/documents.ts';
import { documentSchema } from './schemas/document.ts';
import { agencySchema, topicSchema } from './schemas/registry.ts';

/** Minutes and reports under content/minutes and content/reports, run through the pipeline. */
const documents = defineCollection({ loader: documentsLoader(), schema: documentSchema });
/** content/agencies.yaml */
const agencies = defineCollection({ loader: registryLoader('agencies'), schema: agencySchema });
/** content/topics.yaml */
const topics = defineCollection({ loader: registryLoader('topics'), schema: topicSchema });

export const collections = { documents, agencies, topics };
