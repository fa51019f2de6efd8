/**
 * The baseline: stock Astro + Pagefind over the same documents. A copy of bench/stock (glob()
 * loader, one page per document, the Pagefind UI on /search/) gets the generated documents as
 * markdown, is built with this repository's node_modules, then indexed by the Pagefind CLI, as
 * Pagefind's documentation sets a static site up.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linkNodeModules } from './corpus.ts';

/** Copies bench/stock to `dir` with the documents of `content` (a generated content/ folder); returns how many. */
export function stockProject(root: string, content: string, dir: string): number {
  const template = join(root, 'bench', 'stock');
  // Only the sources: a dist/ or node_modules/ left by building the template in place stays behind.
  cpSync(template, dir, { recursive: true, filter: (path) => !/[\\/](?:node_modules|dist|\.astro)(?:[\\/]|$)/.test(path.slice(template.length)) });
  linkNodeModules(root, dir, { isolateCaches: true });
  let documents = 0;
  for (const folder of ['minutes', 'reports']) {
    const files = (readdirSync(join(content, folder), { recursive: true }) as string[]).filter((file) => file.endsWith('.txt'));
    for (const file of files) {
      const out = join(dir, 'content', folder, file.replace(/\.txt$/, '.md'));
      mkdirSync(dirname(out), { recursive: true });
      const text = readFileSync(join(content, folder, file), 'utf8');
      // glob() would read a first line `---` as the start of front matter; a blank line keeps it text.
      writeFileSync(out, text.startsWith('---') ? `\n${text}` : text);
      documents++;
    }
  }
  return documents;
}
