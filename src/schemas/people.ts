/**
 * Schema of `content/people.yaml`: names written differently that belong to one person. Without an
 * entry the archive joins nothing: a full name is one person, and a speaker recorded by surname and
 * role (`資訊局陳主秘`) is another, even when the two may well be the same.
 */
import { z } from 'astro/zod';
import { slug } from './registry.ts';

export const personAliasSchema = z.object({
  /** Stable ASCII id of the person's page: `/people/<slug>/`. */
  slug,
  /** The name the person's page is titled with, as the documents print it: `陳志銘`. */
  name: z.string().min(2),
  /**
   * Every other way the documents write this person: a name with its title (`陳志銘秘書長`), or a
   * speaker as printed before 補充報告 (`資訊局陳主秘`). Only spellings a published document shows.
   */
  aliases: z.array(z.string().min(2)).default([]),
  /** Why these names are one person: the documents or public record that say so. */
  note: z.string().optional(),
});
export type PersonAlias = z.infer<typeof personAliasSchema>;

/** A file of comments only (no entries yet) is an empty table. */
export const peopleSchema = z
  .array(personAliasSchema)
  .nullish()
  .transform((entries) => entries ?? []);
