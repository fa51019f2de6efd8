/**
 * Ends `astro build` with a warning while the site's identity is still the sample's (src/ingest/sample-identity.ts):
 * the last thing a publisher reads before uploading dist/ is which fields of content/site.yaml to
 * set. Listed last among the integrations so that it comes after every other hook's output. A strict
 * build never gets here: the documents loader stops it with the same list.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type SampleField, sampleIdentityFields, sampleIdentityMessage } from '../ingest/sample-identity.ts';
import { loadSiteIdentity } from '../ingest/site-identity.ts';

export default function sampleIdentityWarning(): AstroIntegration {
  let fields: SampleField[] = [];
  return {
    name: 'minutes-archive-sample-identity',
    hooks: {
      'astro:config:done': ({ config }) => {
        // The URL Astro builds with, whichever of site.yaml and SITE_URL gave it.
        fields = config.site ? sampleIdentityFields(loadSiteIdentity(join(fileURLToPath(config.root), 'content')), config.site) : [];
      },
      'astro:build:done': ({ logger }) => {
        if (fields.length) logger.warn(sampleIdentityMessage(fields));
      },
    },
  };
}
