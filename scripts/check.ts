/**
 * `npm run check`: validates all content strictly, without building the site.
 * Prints every problem as `file:line:column message` and exits 1 if there is any.
 */
import { join } from 'node:path';
import { RegistryError, loadPeopleRegistry, loadRegistries } from '../src/ingest/registries.ts';
import { loadSiteIdentity } from '../src/ingest/site-identity.ts';
import { listSources, processPath, separateDuplicates } from '../src/ingest/sources.ts';
import type { ArchiveDocument } from '../src/model/types.ts';

const root = process.cwd();

function main(): number {
  let registries;
  try {
    registries = loadRegistries(join(root, 'content'));
    // The site identity and the people aliases stop the build too: check them here first.
    loadSiteIdentity(join(root, 'content'));
    loadPeopleRegistry(join(root, 'content'));
  } catch (error) {
    if (error instanceof RegistryError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const paths = listSources(root);
  const problems: string[] = [];
  const documents: ArchiveDocument[] = [];
  const started = Date.now();
  for (const [index, path] of paths.entries()) {
    const outcome = processPath(root, path, registries);
    problems.push(...outcome.problems);
    if (outcome.document) documents.push(outcome.document);
    if ((index + 1) % 200 === 0) console.error(`… ${index + 1}/${paths.length} documents checked`);
  }
  problems.push(...separateDuplicates(documents));
  for (const problem of problems) console.log(problem);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(`${paths.length} documents checked in ${seconds} s: ${problems.length ? `${problems.length} problems` : 'no problems'}`);
  if (!paths.length) {
    console.error('content/minutes and content/reports hold no .txt or .md files');
    return 1;
  }
  return problems.length ? 1 : 0;
}

process.exitCode = main();
