/**
 * JSON Schemas (draft 2020-12) of the open-data files, generated from the same zod schemas the
 * build validates documents with, so the published contract cannot drift from the data.
 *   dist/data/schema/index.json     → dist/data/index.json
 *   dist/data/schema/document.json  → dist/data/documents/<id>.json
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

export const indexSchema = z.object({ documents: z.array(indexEntrySchema) });

function jsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  return { $id: id, title, ...z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12' }) };
}

export const indexJsonSchema = () => jsonSchema(indexSchema, '/data/schema/index.json', 'minutes-archive: list of documents');
export const documentJsonSchema = () => jsonSchema(documentSchema, '/data/schema/document.json', 'minutes-archive: one document (minutes or report)');
