/**
 * Zod schemas of the document model (see `src/model/types.ts` for what each field means). The
 * collection loader validates every document against them, so a page never renders a malformed entry.
 */
import { z } from 'astro/zod';
import type { ArchiveDocument, Item } from '../model/types.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const time = z.string().regex(/^\d{2}:\d{2}$/, 'expected a time HH:MM');
const anchor = z.string().regex(/^[a-z]+(?:-\d+)+$/, 'expected an anchor such as item-2-3 or res-2-3-1');

export const sessionSchema = z.object({ number: z.number().int().nonnegative(), year: z.number().int().optional(), label: z.string() });

export const caseRefSchema = z.object({
  id: z.string().min(1),
  action: z.enum(['released', 'continued', 'merged', 'opened']),
  mergedWith: z.array(z.string()).optional(),
});

const partyKind = z.enum(['agency', 'unit', 'collective', 'self', 'external']);

export const addresseeSchema = z.object({
  kind: partyKind,
  agency: z.string().optional(),
  unit: z.string().optional(),
  name: z.string().min(1),
  role: z.string().optional(),
});

export const mentionSchema = z.object({
  kind: z.enum(['agency', 'unit', 'external']),
  agency: z.string().optional(),
  unit: z.string().optional(),
  name: z.string().min(1),
});

export const resolutionSchema = z.object({
  anchor,
  label: z.string(),
  text: z.string(),
  addressees: z.array(addresseeSchema),
  mentions: z.array(mentionSchema),
  agencies: z.array(z.string()),
  cases: z.array(caseRefSchema),
  topics: z.array(z.string()),
  line: z.number().int().positive(),
});

export const reportSchema = z.object({
  speaker: z.string(),
  role: z.string(),
  agency: z.string().optional(),
  unit: z.string().optional(),
  verb: z.string(),
  text: z.string(),
  line: z.number().int().positive(),
});

export const tableSchema = z.object({ header: z.array(z.string()), rows: z.array(z.array(z.string())), line: z.number().int() });

export const imageRefSchema = z.object({
  alt: z.string(),
  src: z.string().describe('the path as printed in the text'),
  title: z.string().optional(),
  text: z.string().describe('the whole reference as printed, as it stands in the text'),
  path: z
    .string()
    .regex(/^(?!\.\.?\/)(?!\/)[^\\]+$/, 'expected a path under content/ such as reports/images/chart.png')
    .optional()
    .describe('the image file under content/, published as is at /sources/<path>; absent when the reference names no image the archive holds'),
  line: z.number().int().positive(),
});

export const itemSchema: z.ZodType<Item> = z.object({
  anchor,
  label: z.string(),
  title: z.string(),
  agency: z.string().optional(),
  agencyText: z.string().optional(),
  text: z.string(),
  agencies: z.array(z.string()),
  topics: z.array(z.string()),
  reports: z.array(reportSchema),
  resolutionHeading: z.string().optional(),
  resolutions: z.array(resolutionSchema),
  tables: z.array(tableSchema),
  cases: z.array(caseRefSchema),
  get items() {
    return z.array(itemSchema);
  },
  images: z.array(imageRefSchema).optional(),
  line: z.number().int().positive(),
});

export const documentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['minutes', 'report']),
  title: z.string(),
  url: z.string().startsWith('/'),
  source: z.string(),
  file: z.object({
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lowercase hex'),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'big5']),
    mediaType: z.string(),
    url: z.string().regex(/^\/sources\/[^/]+$/, 'expected the site-relative URL /sources/<file>'),
    officialUrl: z.url().optional(),
  }),
  organization: z.string(),
  organizationAgency: z.string().optional(),
  series: z.string(),
  seriesSlug: z.string(),
  session: sessionSchema.optional(),
  date: isoDate.optional(),
  rocDate: z.string().optional(),
  startTime: time.optional(),
  endTime: time.optional(),
  location: z.string().optional(),
  chair: z.object({ name: z.string(), title: z.string().optional(), text: z.string() }).optional(),
  recorder: z.string().optional(),
  attendees: z.string().optional(),
  observers: z.string().optional(),
  header: z.array(z.object({ label: z.string(), value: z.string(), text: z.string(), line: z.number().int() })),
  intro: z.string().optional(),
  previous: z
    .object({
      session: sessionSchema.optional(),
      date: isoDate.optional(),
      status: z.enum(['confirmed', 'amended', 'unknown']),
      anchor,
      amendments: z.array(z.object({ anchor, label: z.string(), text: z.string() })).optional(),
    })
    .optional(),
  adjournment: z.string().optional(),
  items: z.array(itemSchema),
  period: z.object({ start: isoDate, end: isoDate }).optional(),
  dataCutoff: isoDate.optional(),
  published: isoDate.optional(),
  contact: z.object({ name: z.string().optional(), title: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }).optional(),
  warnings: z.array(z.string()),
}) satisfies z.ZodType<ArchiveDocument>;
