/**
 * The files a build writes once per document besides its page: the open-data model
 * (`data/documents/<id>.json`), the text search cuts excerpts from (`search/docs/<id>.json`), the
 * folded text it checks candidates against (`search/check/<id>.json`, src/search/check-file.ts) and
 * the source file as published (`sources/<id>.txt`). Written here with plain file calls rather than
 * as Astro routes: through Astro's page generation each file cost about a millisecond (30,000 of
 * them were a third of a 10,000-document build), and here they are written beside the pages, by
 * the outputs worker. The routes in src/pages serve the same bytes under `astro dev`.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveDocument } from '../model/types.ts';
import { checkFile } from '../search/check-file.ts';
import { type Names, type SearchDocument, searchDocument } from '../search/segments.ts';
import { eachLimited } from '../utils/each-limited.ts';
import { routes, sourceFileName } from '../utils/routes.ts';

/** `data/documents/<id>.json`: the model as the pipeline produced it, compact (indentation was a quarter of its bytes); an original's extracted text is its own file. */
export const documentJson = (document: ArchiveDocument): string => {
  const { text: _text, ...file } = document.file;
  return JSON.stringify({ ...document, file });
};

/** `search/docs/<id>.json`. */
export const searchJson = (search: SearchDocument): string => JSON.stringify(search);

/** `search/check/<id>.json`. */
export const checkJson = (search: SearchDocument): string => JSON.stringify(checkFile(search));

/** Where each file goes under the site's folder (URL paths, without the base path). */
export const documentFilePaths = (document: ArchiveDocument) => ({
  data: join('data', 'documents', `${document.id}.json`),
  search: join('search', 'docs', `${document.id}.json`),
  check: join('search', 'check', `${document.id}.json`),
  source: join('sources', sourceFileName(document)),
});

/** The id names files and URLs: refuse one that could leave its folder. */
const USABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Files written at once: enough to keep the disk busy, few enough to leave memory alone. */
const CONCURRENCY = 16;

/**
 * Writes the four files of every document into `dist` (the source copied byte for byte from
 * `contentDir`); returns the search documents, which the index is built from.
 */
export async function writeDocumentFiles(dist: string, contentDir: string, documents: ArchiveDocument[], names: Names): Promise<SearchDocument[]> {
  for (const folder of ['data/documents', 'search/docs', 'search/check', 'sources']) await mkdir(join(dist, folder), { recursive: true });
  const searches: SearchDocument[] = [];
  await eachLimited(documents, CONCURRENCY, async (document) => {
    if (!USABLE_ID.test(document.id)) throw new Error(`document ${document.source}: id “${document.id}” cannot name a file`);
    const paths = documentFilePaths(document);
    const search = searchDocument(document, names);
    searches.push(search);
    await writeFile(join(dist, paths.data), documentJson(document));
    await writeFile(join(dist, paths.search), searchJson(search));
    await writeFile(join(dist, paths.check), checkJson(search));
    await copyFile(join(contentDir, document.source), join(dist, paths.source));
    // An original (PDF, ODT, DOCX, web page) is published with the text the archive read from it.
    if (document.file.text !== undefined) await writeFile(join(dist, routes.sourceText(document).slice(1)), document.file.text);
  });
  return searches;
}
