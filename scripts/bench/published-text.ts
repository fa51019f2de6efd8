/**
 * The text oracle `npm run eval:search` judges the search by: each document's text as its page
 * publishes it (`<article class="document">` of `<dist><url>index.html`), not the search files the
 * search itself is built from, so a word the search files leave out (or add) shows as a miss (or a
 * false result). What the site adds around the document's words is left out: the table of contents,
 * the chips (topics, agencies, cases), the dates it spells in the Gregorian calendar, links to the
 * original's pages, the label paths of deep items, the `#` permalinks, the figures tables of reports,
 * the card's list of series and neighbours, and the provenance section.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { fold } from '../../src/search/fold.ts';

/** Elements whose text the site adds, not the document. */
const ADDED = [
  '.toc',
  '.chips',
  '.muted',
  '.pg',
  '.path',
  'table.figures',
  'section.card > ul.plain',
  'section[aria-labelledby="provenance"]',
  'script',
  'style',
].join(', ');

const parser = unified().use(rehypeParse, { fragment: true });

/** The text of a node without what the site adds; blocks are run together, as folding drops white space anyway. */
function published(node: Nodes, added: Set<Element>, out: string[]): void {
  if (node.type === 'text') out.push(node.value);
  if (node.type !== 'element' && node.type !== 'root') return;
  if (node.type === 'element') {
    if (added.has(node)) return;
    // A permalink of an unlabelled item or resolution is a `#` the site appends.
    if (node.tagName === 'a' && (node.properties.className as string[] | undefined)?.includes('pl') && textOf(node) === '#') return;
  }
  for (const child of (node as Root | Element).children) published(child as Nodes, added, out);
}

const textOf = (node: Element): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

/** The published text of the document page at site-relative `url` (`/minutes/…/`) in `dist`. */
export function publishedText(dist: string, url: string): string {
  const file = join(dist, decodeURI(url), 'index.html');
  const html = readFileSync(file, 'utf8');
  const start = html.indexOf('<article class="document"');
  const end = html.indexOf('</article>', start);
  if (start < 0 || end < 0) throw new Error(`${file}: no <article class="document"> to read the published text from`);
  const tree = parser.parse(html.slice(start, end + '</article>'.length));
  const out: string[] = [];
  published(tree, new Set(selectAll(ADDED, tree)), out);
  return out.join('');
}

/** The folded published text (src/search/fold.ts), what a query's folded terms are looked for in. */
export const foldedPublishedText = (dist: string, url: string): string => fold(publishedText(dist, url)).text;
