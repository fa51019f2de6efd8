/**
 * JSON Schemas (draft 2020-12) of the open-data files, generated from the same zod schemas the
 * build validates documents with, so the published contract cannot drift from the data.
 *   dist/data/schema/index.json     → dist/data/index.json
 *   dist/data/schema/document.json  → dist/data/documents/<id>.json
 * The image files documents show (`items[].images[].path`, from the document schema) are published
 * byte for byte at `/sources/<path>`, beside the source files.
 */
import { z } from 'astro/zod';
import { documentSchema } from './document.ts';

export const indexEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['minutes', 'report']),
  title: z.string(),
  /** The document's page, relative to the site root. */
  url: z.string().regex(/^\/.*\/$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** Its model file, relative to the site root. */
  json: z.string().regex(/^\/data\/documents\/[a-z0-9-]+\.json$/),
});

/** The dataset as a whole, as data.taipei describes one: licence, 管理機關, 更新頻率, contact (from content/site.yaml). */
export const datasetSchema = z.object({
  title: z.string(),
  /** The government body publishing the archive. */
  owner: z.object({ name: z.string(), url: z.url() }),
  license: z.object({ name: z.string(), url: z.url() }),
  /** 管理機關 */
  publisher: z.string(),
  /** 更新頻率 */
  updateFrequency: z.string(),
  contact: z.object({ name: z.string(), email: z.email() }),
});

export const indexSchema = z.object({ dataset: datasetSchema, documents: z.array(indexEntrySchema) });

function jsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  return { $id: id, title, ...z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12' }) };
}

export const indexJsonSchema = () => jsonSchema(indexSchema, '/data/schema/index.json', 'minutes-archive: list of documents');
export const documentJsonSchema = () => jsonSchema(documentSchema, '/data/schema/document.json', 'minutes-archive: one document (minutes or report)');
