/**
 * Schemas of the two registries publishers maintain beside the documents:
 * `content/agencies.yaml` and `content/topics.yaml`.
 */
import { z } from 'astro/zod';

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase ASCII letters and digits joined by hyphens');

/** An internal unit of an agency with the abbreviations documents use for it. */
export const unitSchema = z.object({
  /** Its name: `國際事務組`. */
  name: z.string().min(2),
  /** Other names in use: `國務組`. */
  aliases: z.array(z.string().min(2)).default([]),
});
export type Unit = z.infer<typeof unitSchema>;

/** An agency of the city government (or a body the documents address, such as the city council). */
export const agencySchema = z.object({
  /** Stable ASCII id, used in URLs and open data. */
  slug,
  /** Official full name: `臺北市政府資訊局`. */
  name: z.string().min(2),
  /** The usual short name: `資訊局`. */
  short: z.string().min(2),
  /** bureau (局), department (處), commission (會), office, center, district, enterprise, council, company. */
  kind: z.string(),
  /** Slug of the parent agency of a second-level unit. */
  parent: z.string().nullish(),
  /** Every other name in use: abbreviations, 台/臺 spellings, former names. */
  aliases: z.array(z.string().min(2)).default([]),
  /**
   * Internal units (組, 室, 科, 中心 …) that documents name on their own (`請策略中心…`, `請總務組…`):
   * a name, or a name with the abbreviations in use (`{ name: 國際事務組, aliases: [國務組] }`).
   */
  units: z.array(z.union([z.string().min(2), unitSchema])).default([]),
});
export type Agency = z.infer<typeof agencySchema>;

/** A topic of municipal administration; it applies to an item or resolution whose text has one of its keywords. */
export const topicSchema = z.object({
  slug,
  name: z.string().min(2),
  description: z.string().optional(),
  keywords: z.array(z.string().min(1)).min(1),
});
export type Topic = z.infer<typeof topicSchema>;

export const agenciesSchema = z.array(agencySchema);
export const topicsSchema = z.array(topicSchema);

/** A series' readable slug (`content/series.yaml`); series not listed get a pinyin slug. */
export const seriesSchema = z.object({
  name: z.string().min(2),
  slug,
});
export type SeriesName = z.infer<typeof seriesSchema>;
export const seriesListSchema = z.array(seriesSchema);
