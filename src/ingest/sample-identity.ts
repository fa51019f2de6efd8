/**
 * Whether the site's identity is still the sample's. The project ships `content/site.yaml` with
 * placeholders (an example.org URL, `minutes-archive@example.org`, 「網站管理人員（範例）」): published
 * as they are, every citation, feed and share card would point at example.org and every 回報錯誤 link
 * would mail nobody. They are found by rule, not by a list of the sample's values: an address on a
 * domain reserved for examples (RFC 2606: example.org, .com, .net, and the .example, .test, .invalid,
 * .localhost names), or text marked 範例. The build ends with a warning naming each field and a
 * strict build stops; `npm run check` reports the same list from the same function.
 */
import type { SiteIdentity } from '../schemas/site.ts';

/** A field of `content/site.yaml` still holding a placeholder. */
export interface SampleField {
  /** Its path in site.yaml (`contact.email`, `sources.minutes/x.txt`), or `SITE_URL` when the environment set the URL. */
  field: string;
  value: string;
}

/** The marker the sample puts on a made-up name: 「網站管理人員（範例）」. */
const SAMPLE_MARKER = '範例';

/** Host names reserved for documentation and testing (RFC 2606, RFC 6761): never a public site or mailbox. */
const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:org|com|net)|example|test|invalid|localhost)\.?$/i;

/** True for a URL or an e-mail address on a reserved host, or for text marked 範例. */
export function isPlaceholder(value: string): boolean {
  if (value.includes(SAMPLE_MARKER)) return true;
  const email = /^[^@\s]+@([^@\s]+)$/.exec(value);
  if (email) return EXAMPLE_HOST.test(email[1]!);
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return EXAMPLE_HOST.test(new URL(value).hostname);
  } catch {
    return false;
  }
}

/** Every string in a value, with its dotted path. */
function* strings(value: unknown, path: string[] = []): Generator<{ path: string; value: string }> {
  if (typeof value === 'string') yield { path: path.join('.'), value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, [...path, String(index)]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

/**
 * The site's public URL: SITE_URL when the build's environment sets it, else site.yaml's `url`.
 * astro.config.mjs gives it to Astro as `site`; `npm run check` reads it the same way.
 */
export function publicSiteUrl(identity: Pick<SiteIdentity, 'url'>, options: { site?: string }): string {
  return options.site ?? identity.url;
}

/**
 * The fields to set before publishing, in site.yaml's order; empty when the identity is the publisher's own.
 * @param siteUrl the URL the site is built for ({@link publicSiteUrl}, or Astro's `config.site`)
 */
export function sampleIdentityFields(identity: SiteIdentity, siteUrl: string | URL = identity.url): SampleField[] {
  const fields: SampleField[] = [];
  const fromEnvironment = new URL(siteUrl).href !== new URL(identity.url).href;
  for (const { path, value } of strings(identity)) {
    if (path === 'url') {
      if (isPlaceholder(String(siteUrl))) fields.push({ field: fromEnvironment ? 'SITE_URL' : 'url', value: String(siteUrl) });
    } else if (isPlaceholder(value)) fields.push({ field: path, value });
  }
  return fields;
}

/** What the build's last warning, a strict build's error and `npm run check` say: each field to set, and its sample value. */
export function sampleIdentityMessage(fields: SampleField[]): string {
  return [
    `content/site.yaml still holds the sample site identity: set ${fields.length === 1 ? 'this field' : `these ${fields.length} fields`} to the publisher's own before uploading dist/ (STRICT=1 stops the build until they are set):`,
    ...fields.map(
      ({ field, value }) => `  ${field}: ${value}${field === 'url' ? ' (the public URL every absolute link is made from; SITE_URL overrides it)' : ''}`,
    ),
  ].join('\n');
}
