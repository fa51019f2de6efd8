/**
 * JSON Schemas (draft 2020-12) of the open-data files, generated from the same zod schemas the
 * build validates documents with, so the published contract cannot drift from the data.
 *   dist/data/schema/index.json     → dist/data/index.json
 *   dist/data/schema/document.json  → dist/data/documents/<id>.json
 * The image files documents show (`items[].images[].path`, from the document schema) are published
 * byte for byte at `/sources/<path>`, beside the source files.
 */
import { z } from 'astro/zod';
import { ISO_DATE, documentKindSchema, documentSchema } from './document.ts';

export const indexEntrySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe("The document's id, as in its own file: `taipei-chief-secretaries-meeting-224`."),
    kind: documentKindSchema.describe("`minutes` (會議紀錄) or `report` (an agency's 施政成果報告)."),
    title: z.string().describe('The title as printed: 「臺北市政府第 224 次主任秘書會報紀錄」.'),
    url: z
      .string()
      .regex(/^\/.*\/$/)
      .describe("The document's page, relative to the site root: `/minutes/taipei/chief-secretaries-meeting/224/`."),
    date: z
      .string()
      .regex(ISO_DATE)
      .nullable()
      .describe("The meeting's date, or the last day of a report's period: `2022-09-22`; `null` when the document gives none."),
    json: z
      .string()
      .regex(/^\/data\/documents\/[a-z0-9-]+\.json$/)
      .describe('Its model file, relative to the site root: `/data/documents/taipei-chief-secretaries-meeting-224.json`.'),
  })
  .meta({ title: 'Document entry' });

/** The dataset as a whole, as data.taipei describes one: licence, 管理機關, 更新頻率, contact (from content/site.yaml). */
export const datasetSchema = z
  .object({
    title: z.string().describe("The archive's name: 「臺北市政府會議紀錄典藏」."),
    owner: z
      .object({ name: z.string().describe('Its name: 「臺北市政府」.'), url: z.url().describe('Its website: `https://www.gov.taipei/`.') })
      .describe('The government body publishing the archive.'),
    license: z
      .object({
        name: z.string().describe('Its name: 「政府資料開放授權條款－第1版」 (Open Government Data License, version 1.0).'),
        url: z.url().describe('Its text: `https://data.gov.tw/license`.'),
      })
      .describe('The licence the data may be reused under.'),
    publisher: z.string().describe('管理機關, the agency managing the dataset: 「臺北市政府秘書處」.'),
    updateFrequency: z.string().describe('更新頻率: 「不定期更新」 (updated irregularly).'),
    contact: z
      .object({ name: z.string().describe('A name or a role (聯絡人).'), email: z.email().describe('An email address.') })
      .describe('Whom to write to about the data (聯絡人).'),
  })
  .meta({ title: 'Dataset' });

export const indexSchema = z.object({
  dataset: datasetSchema.describe('What the dataset is, as a data portal such as data.taipei describes one; from `content/site.yaml`.'),
  documents: z.array(indexEntrySchema).describe('One entry per document in the archive, newest first.'),
});

function jsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  // The file's own title, not the title the root object has in the tables, and first as before.
  const { title: _object, ...generated } = z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12' });
  return { $id: id, title, ...generated };
}

export const indexJsonSchema = () => jsonSchema(indexSchema, '/data/schema/index.json', 'minutes-archive: list of documents');
export const documentJsonSchema = () => jsonSchema(documentSchema, '/data/schema/document.json', 'minutes-archive: one document (minutes or report)');
