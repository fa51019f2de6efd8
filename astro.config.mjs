// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import assetCacheCheck from './src/integrations/asset-cache.ts';
import pageCacheCheck from './src/integrations/page-cache.ts';
import contentStoreFromDisk from './src/integrations/content-store.ts';
import documentOutputs from './src/integrations/document-outputs.ts';
import planPart from './src/integrations/plan-part.ts';
import sampleIdentityWarning from './src/integrations/sample-identity.ts';
import { readPlan } from './src/plan/plan.ts';
import { publicSiteUrl } from './src/ingest/sample-identity.ts';
import { loadSiteIdentity } from './src/ingest/site-identity.ts';
import { readBuildOptions } from './src/options.ts';

/**
 * The build options, read from the environment and validated once (src/options.ts): the site builds
 * for any static host, at the domain root (default) or under a sub-path (`BASE_PATH=/minutes/`).
 */
const options = readBuildOptions();
/** The public URL is the publisher's decision: `url` in content/site.yaml, or SITE_URL. */
const site = publicSiteUrl(loadSiteIdentity(fileURLToPath(new URL('./content', import.meta.url))), options);
/**
 * A build spread over several machines (README: "Building on several machines"): the parts leave the
 * sitemap to the hub, which lists the pages of every document from the plan beside its own.
 */
const { plan } = options;
const sitemapOf = plan?.part === 'hub' ? readPlan(plan.dir).documentUrls.map((url) => new URL(url.slice(1), new URL(options.base, site)).href) : undefined;
const sitemaps = typeof plan?.part === 'number' ? [] : [sitemap({ filter: (page) => !/\/404\/?$/.test(page), customPages: sitemapOf })];

export default defineConfig({
  site,
  base: options.base,
  // Directory URLs with a trailing slash work the same on every static host.
  trailingSlash: 'always',
  // Four pages at once: a page waits on its file writes, and meanwhile the next one renders
  // (10,000 documents: page generation 47 s → 43 s on the 2-core test machine).
  // Stylesheets are always files, never inlined: the layout's (src/styles/global.css) and the listing
  // components' (src/styles/listings.css), each fetched once and cached. Inlined, a small component
  // stylesheet was repeated on every page using it (24 MB of <style> at 10,000 documents).
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths gives a cacheKey (src/site/page-keys.ts) are copied from the last
  // build when the key and their code are unchanged, instead of rendered again.
  experimental: { incrementalBuild: true },
  // Page scripts stay files of their own, never inlined however small: the CSP (public/_headers)
  // allows script only from the site itself.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  // The content layer's store (parsed documents, by digest) stays with the project, not in
  // node_modules, so project copies that share node_modules (tests, shard builds) never share it.
  cacheDir: './.astro/cache',
  // The pages read the content store from disk, not from the bundle (src/integrations/content-store.ts).
  // Beside the pages, in a process of its own: each document's data, search and source files, its
  // share card (Open Graph image, src/og/) and the Pagefind index (src/integrations/document-outputs.ts).
  // sitemap-index.xml for search engines (robots.txt points at it); the 404 page stays out.
  // Astro's image cache without what a killed build left half-written (src/integrations/asset-cache.ts).
  // Last, so that its warning ends the build: the fields of a sample site.yaml still to set.
  integrations: [contentStoreFromDisk(), ...sitemaps, documentOutputs(options), planPart(plan), assetCacheCheck(), pageCacheCheck(), sampleIdentityWarning()],
});
