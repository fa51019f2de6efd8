/**
 * Site URLs under the configured base path, so the same build works at the domain root or under a
 * sub-path (`BASE_PATH=/minutes/`). Model URLs are site-relative without the base (`/minutes/…/210/`).
 */
const BASE = import.meta.env.BASE_URL;

/** `withBase('/minutes/x/')` → `/minutes/x/` at the root, `/archive/minutes/x/` under `/archive/`. */
export function withBase(path: string): string {
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\/+/, '');
}
