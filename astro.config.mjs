// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import contentStoreFromDisk from './src/integrations/content-store.ts';
import ogCards from './src/integrations/og-cards.ts';
import searchIndex from './src/integrations/pagefind.ts';

/**
 * The site builds for any static host: at the domain root (default) or under a sub-path, e.g.
 * `BASE_PATH=/minutes/ npm run build`. SITE_URL only feeds canonical URLs and citations.
 */
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base,
  // Directory URLs with a trailing slash work the same on every static host.
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // The content layer's store (parsed documents, by digest) stays with the project, not in
  // node_modules, so project copies that share node_modules (tests, shard builds) never share it.
  cacheDir: './.astro/cache',
  // The pages read the content store from disk, not from the bundle (src/integrations/content-store.ts).
  // After the pages: the Pagefind index of every document (src/integrations/pagefind.ts) and a
  // share card (Open Graph image) per document, drawn with sharp from a bundled font (src/og/).
  // sitemap-index.xml for search engines (robots.txt points at it); the 404 page stays out.
  integrations: [contentStoreFromDisk(), sitemap({ filter: (page) => !/\/404\/?$/.test(page) }), searchIndex(), ogCards()],
});
