/**
 * Builds the Pagefind index after the Astro build, the Starlight way: createIndex → add →
 * writeFiles, every response checked, close() always. The records come from the search files the
 * build wrote (`dist/search/docs/*.json`): one record per document whose content is the document's
 * folded text spelled as character-pair tokens (src/search/tokens.ts), with filters and a date sort.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { fold } from '../search/fold.ts';
import type { SearchDocument } from '../search/segments.ts';
import { indexTokens } from '../search/tokens.ts';

/** Throws with every error Pagefind reported, after logging them. */
function checked<T extends { errors: string[] }>(response: T, step: string, logger: AstroIntegrationLogger): T {
  if (response.errors.length) {
    for (const error of response.errors) logger.error(`${step}: ${error}`);
    throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
  }
  return response;
}

/** The Pagefind record of one document. */
export function searchRecord(document: SearchDocument): pagefind.CustomRecord {
  const text = document.segments.map(([, , segment]) => segment).join('\n');
  return {
    url: document.url,
    content: indexTokens(fold(text).text),
    language: 'zh-tw',
    meta: { id: document.id, title: document.title },
    filters: document.filters,
    sort: { date: document.date ?? '0000-00-00' },
  };
}

/**
 * `search/fragments.json`: which document each Pagefind page id stands for, so the client knows a
 * result's document without loading its fragment (a fragment holds the whole token list).
 */
function writeFragmentMap(dir: string): void {
  const fragments = join(dir, 'pagefind', 'fragment');
  const map: Record<string, string> = {};
  for (const file of readdirSync(fragments)) {
    // A fragment is gzip of `pagefind_dcd` followed by the page's JSON.
    const json = gunzipSync(readFileSync(join(fragments, file))).toString('utf8').replace(/^pagefind_dcd/, '');
    const page = JSON.parse(json) as { meta: { id: string } };
    map[file.replace(/\.pf_fragment$/, '')] = page.meta.id;
  }
  writeFileSync(join(dir, 'search', 'fragments.json'), JSON.stringify(map));
}

export async function writeSearchIndex(dir: string, logger: AstroIntegrationLogger): Promise<number> {
  const started = performance.now();
  const docsDir = join(dir, 'search', 'docs');
  const files = readdirSync(docsDir).filter((file) => file.endsWith('.json'));
  try {
    const { index } = checked(await pagefind.createIndex({ forceLanguage: 'zh-tw' }), 'createIndex', logger);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    for (const file of files) {
      const document = JSON.parse(readFileSync(join(docsDir, file), 'utf8')) as SearchDocument;
      checked(await index.addCustomRecord(searchRecord(document)), `addCustomRecord ${document.url}`, logger);
    }
    checked(await index.writeFiles({ outputPath: join(dir, 'pagefind') }), 'writeFiles', logger);
  } finally {
    await pagefind.close();
  }
  writeFragmentMap(dir);
  logger.info(`indexed ${files.length} documents for search in ${Math.round(performance.now() - started)} ms`);
  return files.length;
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'minutes-archive-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
