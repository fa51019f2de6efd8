/**
 * Astro content loader for content/people.yaml (src/schemas/people.ts): the names the archive joins
 * into one person. A malformed entry stops the build with file:line:column.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { loadPeopleRegistry } from '../ingest/registries.ts';

export function peopleLoader(): Loader {
  return {
    name: 'minutes-archive-people',
    load: async ({ store, parseData, config }) => {
      const people = loadPeopleRegistry(join(fileURLToPath(config.root), 'content'));
      store.clear();
      for (const person of people) {
        store.set({ id: person.slug, data: await parseData({ id: person.slug, data: person }) });
      }
    },
  };
}
