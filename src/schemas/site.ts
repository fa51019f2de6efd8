/**
 * Schemas of what makes the archive one government's site rather than another's:
 * `content/site.yaml` (name, owner, contacts, licence, dataset metadata, where errors are reported,
 * official URLs of the originals) and the front matter of the standard pages in `content/pages/`.
 */
import { z } from 'astro/zod';

const text = z.string().trim().min(1, 'expected text, found nothing');
const webUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });
const email = z.email({ error: 'expected an e-mail address such as name@example.org' });
const named = z.object({ name: text, url: webUrl });

/** A source file's path under `content/`, as documents record it: `minutes/x.txt`. */
const sourcePath = z
  .string()
  .regex(/^(?:minutes|reports)\/.+\.(?:txt|md|markdown)$/i, 'expected the path of a source file under content/, such as minutes/x.txt');

/** Where a reader reports an error: an e-mail address, or a web form that gets the page's URL. */
export const reportErrorSchema = z
  .object({
    email: email.optional(),
    form: webUrl.optional(),
    /** Query parameter the form reads the page's URL from. */
    formParameter: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'expected a query parameter name such as url')
      .default('url'),
  })
  .refine((value) => Boolean(value.email) !== Boolean(value.form), 'expected exactly one of email (an address) or form (a URL)');

export const siteSchema = z.object({
  /** The site's name: header, page titles, feeds, share cards. */
  name: text,
  /**
   * The site's public address (`https://host`), which every absolute link is made from: canonical
   * links, citations, feeds, calendars, the sitemap, share cards, the CSV. The env variable SITE_URL
   * overrides it; a sub-path the site is hosted under is BASE_PATH.
   */
  url: webUrl,
  /** The government body that publishes the archive, and its site. */
  owner: named,
  contact: z.object({ email, phone: text.optional(), address: text.optional() }),
  openDataPortal: named,
  license: named,
  /** data.taipei-style dataset metadata: 管理機關, 更新頻率, 聯絡人. */
  dataset: z.object({
    publisher: text,
    updateFrequency: text,
    contact: z.object({ name: text, email }),
  }),
  /**
   * The body's emblem or logo, shown in the header before the site's name: an image file under
   * `public/` by its site path (`/emblem.svg`), and its text alternative (the body's name). Omitted:
   * the header shows the name alone.
   */
  emblem: z
    .object({
      src: z
        .string()
        .regex(/^\/(?!\/)[^\s?#]+\.(?:svg|png|webp|jpe?g)$/i, 'expected the path of an image under public/, such as /emblem.svg (SVG, PNG, WebP or JPEG)'),
      alt: text,
    })
    .optional(),
  /** Omitted: reports go to the contact address. */
  reportError: reportErrorSchema.optional(),
  /** Official URL of the original (PDF, ODT) each source file was published as, by path under content/. */
  sources: z
    .record(sourcePath, webUrl)
    .nullish()
    .transform((value) => value ?? {}),
});
export type SiteIdentity = z.infer<typeof siteSchema>;
export type ReportError = z.infer<typeof reportErrorSchema>;

/** Generated parts a standard page can ask for after its text. */
export const PAGE_BLOCKS = ['site-map', 'open-data', 'security-headers'] as const;
export type PageBlock = (typeof PAGE_BLOCKS)[number];

/** Front matter of a standard page (`content/pages/*.md`), published at `/about/<slug or file name>/`. */
export const standardPageSchema = z.object({
  title: text,
  /** The page's meta description. */
  description: text,
  /** ASCII URL name; without it the file name gives it. */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase ASCII letters and digits joined by hyphens')
    .optional(),
  /** Position among the footer links. */
  order: z.number().int(),
  /** Last revision of the text, shown on the page: YYYY-MM-DD (YAML reads it as a date, at UTC midnight). */
  updated: z.coerce.date({ error: 'expected a date YYYY-MM-DD' }).optional(),
  /** Generated from the site itself after the text (the site's sections, the data files, the security headers). */
  generated: z.array(z.enum(PAGE_BLOCKS)).default([]),
});
export type StandardPage = z.infer<typeof standardPageSchema>;
