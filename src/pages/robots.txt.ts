/** `robots.txt`: everything may be crawled; the sitemap lists every page (written by @astrojs/sitemap). */
import type { APIRoute } from 'astro';
import { withBase } from '../utils/url.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(withBase('/sitemap-index.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
