// @ts-check
// Stock Astro: no integrations, defaults everywhere. Pagefind runs afterwards as its own CLI
// (`pagefind --site dist`), the way its documentation sets up a static site.
import { defineConfig } from 'astro/config';

export default defineConfig({ site: 'https://example.org', devToolbar: { enabled: false } });
