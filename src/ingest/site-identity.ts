/**
 * The site's identity, `content/site.yaml`: loaded with the registries' YAML reader, so a malformed
 * file stops the build with `content/site.yaml:line:column` and what was expected, and published to
 * pages as the one-entry collection `site` (read it with `getSite()` from ./collection.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { loadYaml } from './registries.ts';
import { type SiteIdentity, siteSchema } from '../schemas/site.ts';

export const SITE_FILE = 'site.yaml';

/** Reads and validates `<contentDir>/site.yaml`; throws a RegistryError naming file:line:column. */
export function loadSiteIdentity(contentDir: string, display = `content/${SITE_FILE}`): SiteIdentity {
  return loadYaml(join(contentDir, SITE_FILE), siteSchema, display);
}

/**
 * `sources:` keys that name no source file: a typo there would silently drop the link to the
 * original, so each is reported like any content problem.
 */
export function unknownSources(identity: SiteIdentity, sources: Iterable<string>): string[] {
  const known = new Set(sources);
  return Object.keys(identity.sources)
    .filter((path) => !known.has(path))
    .map((path) => `content/${SITE_FILE}: sources: ${path} is not a file under content/ (expected the path of a document, such as minutes/x.txt)`);
}

/** The emblem's file under `public/`, when site.yaml names one that is not there: the header would show a broken image. */
export function missingEmblem(identity: SiteIdentity, publicDir: string): string | undefined {
  const src = identity.emblem?.src;
  if (!src || existsSync(join(publicDir, src))) return undefined;
  return `content/${SITE_FILE}: emblem.src ${src} is not a file under public/ (expected the path of an image there, such as /emblem.svg)`;
}

/** Dev-server watchers already listening for site.yaml: a loader may run again, a listener must not pile up. */
const watched = new WeakSet<object>();

/** The collection loader: one entry, id `site`, reloaded when the file changes under `astro dev`. */
export function siteLoader(): Loader {
  return {
    name: 'minutes-archive-site',
    load: async ({ store, parseData, config, watcher, logger }) => {
      const contentDir = join(fileURLToPath(config.root), 'content');
      const load = async () => {
        const identity = loadSiteIdentity(contentDir);
        const missing = missingEmblem(identity, fileURLToPath(config.publicDir));
        if (missing) throw new Error(missing);
        const data = await parseData({ id: 'site', data: identity });
        store.clear();
        store.set({ id: 'site', data });
      };
      await load();
      const path = join(contentDir, SITE_FILE);
      if (!watcher || watched.has(watcher)) return;
      watched.add(watcher);
      watcher.add(path);
      watcher.on('change', (changed) => {
        // A mistake made while the dev server runs is logged; the last good identity stays.
        if (changed === path) load().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
