/**
 * Where the share cards go under `dist`, and so the `og:image` path: `/og/<id>.png` (after the base
 * path). A module of its own: pages name the cards without importing what draws them.
 */
export const OG_DIR = 'og';
